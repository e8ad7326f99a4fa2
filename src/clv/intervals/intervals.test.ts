import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  customerLifetimeValue,
  expectedPurchases,
  expectedPurchasesIntervals,
  fitBgNbdUnchecked,
  fitParetoNbd,
  probabilityAlive,
  simulateBgNbd,
  type GammaGammaFit,
  type Interval,
  type MbgCnbdKFit,
} from 'relmark/clv';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { simulateParetoNbdWithCovariates } from '../covariates/simulateWithCovariates.js';
import { intervalCoverage } from './coverage.js';
import { cholesky, drawParameters, quantileInPlace } from './parameterDraws.js';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const columns = simulateBgNbd({ params: cdnow, customers: 2000, T: Array.from({ length: 2000 }, (_, i) => 26 + (i % 13)), seed: 9 });
const fit = fitBgNbdUnchecked(columns);
const histories = Array.from(columns.x, (x, i) => ({ customerId: `c${i}`, x, tx: columns.tx[i] as number, T: columns.T[i] as number, monetaryMean: x > 0 ? 20 + (i % 5) : 0 }));
const intervals = { level: 0.9, draws: 300, seed: 7 };
const spend: GammaGammaFit = {
  model: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 }, logLikelihood: -4000, customers: 946, standardErrors: { p: 0.3, q: 0.3, v: 2 }, excluded: [],
  diagnostics: { method: 'bfgs', iterations: 10, evaluations: 12, gradientNorm: 1e-9, reason: 'gradient' },
};

describe('expectedPurchases and probabilityAlive with intervals', () => {
  const h = histories[3] as (typeof histories)[number];

  it('return the plain number without intervals and { value, lower, upper } with them (types too)', () => {
    const plain = expectedPurchases(fit, h, 52);
    const withInterval = expectedPurchases(fit, h, 52, { intervals });
    expectTypeOf(plain).toEqualTypeOf<number>();
    expectTypeOf(withInterval).toEqualTypeOf<Interval>();
    expectTypeOf(probabilityAlive(fit, h, {})).toEqualTypeOf<number>();
    expect(withInterval.value).toBe(plain);
    expect(withInterval.lower).toBeLessThan(withInterval.value);
    expect(withInterval.upper).toBeGreaterThan(withInterval.value);
    const alive = probabilityAlive(fit, { x: 2, tx: 10, T: 30 }, { intervals });
    expect(alive.value).toBe(probabilityAlive(fit, { x: 2, tx: 10, T: 30 }));
    expect(0 <= alive.lower && alive.lower <= alive.upper && alive.upper <= 1).toBe(true);
  });

  it('are deterministic in the seed and change with it; a higher level gives a wider interval', () => {
    const a = expectedPurchases(fit, h, 52, { intervals });
    expect(expectedPurchases(fit, h, 52, { intervals })).toEqual(a);
    expect(expectedPurchases(fit, h, 52, { intervals: { ...intervals, seed: 8 } })).not.toEqual(a);
    const wide = expectedPurchases(fit, h, 52, { intervals: { ...intervals, level: 0.99 } });
    expect(wide.lower).toBeLessThan(a.lower);
    expect(wide.upper).toBeGreaterThan(a.upper);
  });

  it('reject invalid interval options and BG/BB fits with paths', () => {
    const error = thrownRelmarkError(() => expectedPurchases(fit, h, 52, { intervals: { level: 1, draws: 1.5, seed: 1 } }));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toEqual([
      ['intervals', 'level'],
      ['intervals', 'draws'],
    ]);
    expect(thrownRelmarkError(() => probabilityAlive(fit, h, { interval: intervals } as never)).issues[0]?.path).toEqual(['interval']);
    const bgBb = { model: 'bg-bb', params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }, logLikelihood: -33225.6, customers: 11104, standardErrors: { alpha: 0.1, beta: 0.1, gamma: 0.1, delta: 0.1 }, diagnostics: fit.diagnostics } as const;
    expect(thrownRelmarkError(() => expectedPurchases(bgBb as never, { x: 1, tx: 2, T: 6 }, 5, { intervals })).code).toBe('invalid_parameters');
  });
});

describe('expectedPurchasesIntervals', () => {
  const batch = expectedPurchasesIntervals(fit, histories, 39, intervals);

  it('gives each customer the interval that expectedPurchases gives alone (the same seeded draws; to rounding, as the batch shares the (x, T) part of P(alive))', () => {
    for (const i of [0, 1, 17, 1999]) {
      const alone = expectedPurchases(fit, histories[i] as (typeof histories)[number], 39, { intervals });
      const inBatch = batch.customers[i] as Interval;
      expect(inBatch.value).toBe(alone.value);
      expect(Math.abs(inBatch.lower - alone.lower)).toBeLessThan(1e-12 * alone.value);
      expect(Math.abs(inBatch.upper - alone.upper)).toBeLessThan(1e-12 * alone.value);
    }
  });

  it('totals the values; the total interval is narrower than the sum of the bounds (shared parameters, one draw at a time)', () => {
    const sum = batch.customers.reduce((s, c) => s + c.value, 0);
    expect(batch.total.value).toBeCloseTo(sum, 8);
    expect(batch.total.lower).toBeGreaterThanOrEqual(batch.customers.reduce((s, c) => s + c.lower, 0) - 1e-9);
    expect(batch.total.upper).toBeLessThanOrEqual(batch.customers.reduce((s, c) => s + c.upper, 0) + 1e-9);
    expect(expectedPurchasesIntervals(fit, [], 39, intervals).total).toEqual({ value: 0, lower: 0, upper: 0 });
  });

  it(
    'covers the forecast at the true parameters in 85–95% of 100 seeded replicates (90% level; 500 customers, 200 draws; the 400-replicate run is bench/clvIntervalCoverage.ts)',
    () => {
      const result = intervalCoverage({ truth: cdnow, customers: 500, replicates: 100, t: 39, level: 0.9, draws: 200, seed: 1000 });
      const share = result.covered / (result.replicates - result.failed);
      expect(result.failed).toBeLessThanOrEqual(5);
      expect(share).toBeGreaterThanOrEqual(0.85);
      expect(share).toBeLessThanOrEqual(0.95);
    },
    120_000,
  );
});

describe('customerLifetimeValue with intervals', () => {
  const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const plain = customerLifetimeValue(fit, spend, histories.slice(0, 300), options);
  const result = customerLifetimeValue(fit, spend, histories.slice(0, 300), { ...options, intervals });

  it('keeps input order and the plain values; every bound brackets a positive spread', () => {
    expect(result.customers.map((c) => c.customerId)).toEqual(plain.map((c) => c.customerId));
    result.customers.forEach((c, i) => {
      const p = plain[i] as (typeof plain)[number];
      expect([c.clv.value, c.expectedPurchases.value, c.expectedSpend.value, c.probabilityAlive.value]).toEqual([p.clv, p.expectedPurchases, p.expectedSpend, p.probabilityAlive]);
      expect(c.clv.lower).toBeLessThanOrEqual(c.clv.upper);
    });
    expect(result.totals.clv.value).toBeCloseTo(plain.reduce((s, c) => s + c.clv, 0), 6);
    expect(result.totals.clv.lower).toBeLessThan(result.totals.clv.value);
    expect(result.totals.clv.upper).toBeGreaterThan(result.totals.clv.value);
  });

  it('gives identical customers identical bounds, and is deterministic', () => {
    const twins = [
      { customerId: 'a', x: 2, tx: 10, T: 30, monetaryMean: 25 },
      { customerId: 'b', x: 2, tx: 10, T: 30, monetaryMean: 25 },
    ];
    const [a, b] = customerLifetimeValue(fit, spend, twins, { ...options, intervals }).customers;
    expect({ ...a, customerId: 'b' }).toEqual(b);
    expect(customerLifetimeValue(fit, spend, histories.slice(0, 300), { ...options, intervals })).toEqual(result);
  });

  it('uses each customer’s covariates and the coefficients’ uncertainty for a fit with covariates', () => {
    const data = simulateParetoNbdWithCovariates({ params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, purchase: [0.8], dropout: [0.3], customers: 3000, T: 39, seed: 2 });
    const covFit = fitParetoNbd(data, { covariates: { purchase: ['c0'], dropout: ['c0'] } });
    const two = [
      { customerId: 'x0', x: 2, tx: 20, T: 39, monetaryMean: 30, covariates: { c0: 0 } },
      { customerId: 'x1', x: 2, tx: 20, T: 39, monetaryMean: 30, covariates: { c0: 1 } },
    ];
    const [a, b] = customerLifetimeValue(covFit, spend, two, { ...options, intervals }).customers;
    expect(a?.expectedPurchases.value).not.toBe(b?.expectedPurchases.value);
    expect(expectedPurchases(covFit, two[1] as (typeof two)[number], 52, { intervals }).value).toBe(expectedPurchases(covFit, two[1] as (typeof two)[number], 52));
  });
});

describe('draws and quantiles', () => {
  it('quantileInPlace is R’s type 7 (linear interpolation of the sorted values)', () => {
    const values = [5, 1, 4, 2, 3, 9, 7];
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0, 0.05, 0.1, 0.5, 0.9, 0.95, 1]) {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      const expected = (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
      expect(quantileInPlace(Float64Array.from(values), values.length, p)).toBeCloseTo(expected, 12);
    }
  });

  it('cholesky reproduces the matrix and holds a zero-variance parameter fixed', () => {
    const m = [4, 2, 0, 2, 3, 0, 0, 0, 0];
    const l = cholesky(m, 3) as Float64Array;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += (l[i * 3 + k] as number) * (l[j * 3 + k] as number);
        expect(sum).toBeCloseTo(m[i * 3 + j] as number, 12);
      }
    }
    expect(cholesky([1, 2, 2, 1], 2)).toBeUndefined();
  });

  it('draws log-parameters with the fit’s covariance (sample covariance of 20,000 draws within 5%)', () => {
    const drawn = drawParameters(fit, ['r', 'alpha', 'a', 'b'], 20_000, 3, 'test');
    const cov = fit.covariance as { values: number[] };
    const logs = (d: number, j: number) => Math.log(drawn.values[d * 4 + j] as number);
    for (const [i, j] of [[0, 0], [1, 1], [2, 3], [0, 1]] as const) {
      let mi = 0;
      let mj = 0;
      for (let d = 0; d < 20_000; d++) {
        mi += logs(d, i) / 20_000;
        mj += logs(d, j) / 20_000;
      }
      let c = 0;
      for (let d = 0; d < 20_000; d++) c += ((logs(d, i) - mi) * (logs(d, j) - mj)) / 19_999;
      const expected = cov.values[i * 4 + j] as number;
      const scale = Math.sqrt((cov.values[i * 5] as number) * (cov.values[j * 5] as number));
      expect(Math.abs(c - expected), `cov ${i},${j}`).toBeLessThan(0.05 * scale);
    }
  });
});

describe('intervals and covariates with the table of models (merge of the #19 redesign)', () => {
  const mbgCnbdK: MbgCnbdKFit = {
    model: 'mbg-cnbd-k', params: { k: 2, r: 1, alpha: 5, a: 0.8, b: 2.4 }, timeUnit: 'week', logLikelihood: -100, customers: 50,
    standardErrors: { r: 0.1, alpha: 0.5, a: 0.1, b: 0.2 }, diagnostics: fit.diagnostics, kProfile: [{ k: 2, logLikelihood: -100 }],
  };

  it('rejects intervals for a model the intervals do not support (MBG/CNBD-k) with unsupported_model', () => {
    for (const call of [
      () => expectedPurchases(mbgCnbdK, { x: 1, tx: 2, T: 6, litt: 0.5 }, 5, { intervals }),
      () => probabilityAlive(mbgCnbdK, { x: 1, tx: 2, T: 6, litt: 0.5 }, { intervals }),
      () => expectedPurchasesIntervals(mbgCnbdK, [{ x: 1, tx: 2, T: 6 }], 5, intervals),
      () => customerLifetimeValue(mbgCnbdK, spend, [{ customerId: 'a', x: 1, tx: 2, T: 6, monetaryMean: 20, litt: 0.5 }], { horizonMonths: 3, monthlyDiscountRate: 0.01, intervals }),
    ]) {
      const error = thrownRelmarkError(call);
      expect(error.code).toBe('invalid_parameters');
      expect(error.issues[0]).toMatchObject({ code: 'unsupported_model', path: ['fit', 'model'] });
    }
  });

  it('rejects continuous discounting with intervals (the per-customer path sums months)', () => {
    const error = thrownRelmarkError(() => customerLifetimeValue(fit, spend, histories.slice(0, 3), { horizonMonths: 3, monthlyDiscountRate: 0.01, discounting: 'continuous', intervals }));
    expect(error.code).toBe('invalid_options');
    expect(error.issues[0]?.path).toEqual(['discounting']);
  });

  it('rejects covariates on an unparsed fit of a model without covariates', () => {
    const mbg = { ...fit, model: 'mbg-nbd', covariates: { purchase: { names: ['vip'], coefficients: { vip: 0.5 }, standardErrors: { vip: 0.1 } }, dropout: { names: [], coefficients: {}, standardErrors: {} } } };
    const error = thrownRelmarkError(() => expectedPurchases(mbg as never, { x: 1, tx: 2, T: 6, covariates: { vip: 1 } }, 5));
    expect(error.code).toBe('invalid_parameters');
    expect(error.issues[0]).toMatchObject({ code: 'unsupported_model', path: ['fit', 'covariates'] });
  });
});
