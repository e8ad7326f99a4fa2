import { describe, expect, it } from 'vitest';
import {
  BgBbFitSchema,
  bgBbDert,
  bgBbExpectedPurchases,
  bgBbExpectedPurchasesNewCustomer,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  bgBbProbabilityOfPurchases,
  fitBgBb,
  fitBgBbUnchecked,
  simulateBgBb,
} from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { bgBbSurvivalSum } from './bgBbExpectedPurchases.js';
import { bgBbLogLikelihoodKernel, bgBbPatterns } from './bgBbLogLikelihood.js';

const published = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const histories = [
  { x: 0, tx: 0, n: 6 },
  { x: 2, tx: 4, n: 6 },
  { x: 6, tx: 6, n: 6 },
  { x: 1, tx: 1, n: 3 },
  { x: 3, tx: 9, n: 12 },
  { x: 0, tx: 0, n: 0 },
];

describe('bgBbLogLikelihood', () => {
  it.each([[published], [{ alpha: 0.3, beta: 4, gamma: 2.5, delta: 0.4 }], [{ alpha: 8, beta: 0.2, gamma: 1, delta: 15 }]])(
    'has an analytic gradient equal to central differences at %j (rtol 1e-6)',
    (params) => {
      const patterns = bgBbPatterns({ x: Float64Array.from(histories, (h) => h.x), tx: Float64Array.from(histories, (h) => h.tx), n: Float64Array.from(histories, (h) => h.n) });
      const gradient = new Float64Array(4);
      bgBbLogLikelihoodKernel(params, patterns, gradient);
      (['alpha', 'beta', 'gamma', 'delta'] as const).forEach((key, i) => {
        const h = 1e-6 * params[key];
        const up = bgBbLogLikelihoodKernel({ ...params, [key]: params[key] + h }, patterns);
        const down = bgBbLogLikelihoodKernel({ ...params, [key]: params[key] - h }, patterns);
        expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-7 });
      });
    },
  );

  it('equals the sum of one-customer log-likelihoods, is 0 for no customers and for n = 0', () => {
    const sum = histories.reduce((acc, h) => acc + bgBbLogLikelihood(published, [h]), 0);
    expectClose(bgBbLogLikelihood(published, histories), sum, { rtol: 1e-13 });
    expect(bgBbLogLikelihood(published, [])).toBe(0);
    expect(bgBbLogLikelihood(published, [{ x: 0, tx: 0, n: 0 }])).toBe(0);
  });

  it('gives weights the meaning of repeated rows', () => {
    const weighted = { x: Float64Array.of(2, 0), tx: Float64Array.of(4, 0), n: Float64Array.of(6, 6), weights: Float64Array.of(3, 2) };
    const expanded = [...Array(3).fill({ x: 2, tx: 4, n: 6 }), ...Array(2).fill({ x: 0, tx: 0, n: 6 })];
    expectClose(bgBbLogLikelihood(published, weighted), bgBbLogLikelihood(published, expanded), { rtol: 1e-13 });
  });

  it('is the log of Σₓ-consistent probabilities: e^LL over all (x, tx) patterns of n = 4 sums to 1', () => {
    // Every possible (x, tx) for n = 4 is a disjoint event; their likelihoods add up to 1.
    let total = 0;
    for (let tx = 0; tx <= 4; tx++) {
      for (let x = tx === 0 ? 0 : 1; x <= tx; x++) {
        // The likelihood is of one sequence; sequences with the same (x, tx) number C(tx − 1, x − 1).
        const sequences = x === 0 ? 1 : binomial(tx - 1, x - 1);
        total += sequences * Math.exp(bgBbLogLikelihood(published, [{ x, tx, n: 4 }]));
      }
    }
    expectClose(total, 1, { rtol: 1e-12 });
  });

  it('lists every invalid history with its path', () => {
    expect(() =>
      bgBbLogLikelihood(published, [
        { x: 1.5, tx: 2, n: 3 },
        { x: 1, tx: 4, n: 3 },
        { x: 3, tx: 2, n: 3 },
        { x: 0, tx: 1, n: 3 },
        { x: 0, tx: 0, n: Number.NaN },
      ]),
    ).toThrowErrorMatchingInlineSnapshot(`
      [RelmarkError: bgBbLogLikelihood: invalid histories (5 issues)
      ✖ x must be an integer ≥ 0, received 1.5
        → at histories[0].x
      ✖ Recency tx (4) exceeds the opportunities n (3)
        → at histories[1].tx
      ✖ x (3) exceeds tx (2): each transaction takes one opportunity up to tx
        → at histories[2].x
      ✖ A customer without repeat transactions (x = 0) must have tx = 0, received 1
        → at histories[3].tx
      ✖ n must be an integer ≥ 0, received NaN
        → at histories[4].n]
    `);
  });

  it('rejects invalid parameters with invalid_parameters and their paths', () => {
    const error = thrownRelmarkError(() => bgBbLogLikelihood({ alpha: 0, beta: 1, gamma: Number.NaN, delta: 1 }, histories));
    expect([error.code, error.issues.map((i) => i.path)]).toEqual(['invalid_parameters', [['params', 'alpha'], ['params', 'gamma']]]);
  });

  it('stays finite for long histories (n = 2000, x = 1000)', () => {
    expect(Number.isFinite(bgBbLogLikelihood(published, [{ x: 1000, tx: 1500, n: 2000 }]))).toBe(true);
  });
});

describe('BG/BB predictions', () => {
  it('P(X(n) = x) sums to 1 over x, is 0 for x > n, and its mean is the new-customer expectation', () => {
    for (const n of [0, 1, 6, 25]) {
      let total = 0;
      let mean = 0;
      for (let x = 0; x <= n; x++) {
        const p = bgBbProbabilityOfPurchases(published, x, n);
        total += p;
        mean += x * p;
      }
      expectClose(total, 1, { rtol: 1e-12 });
      // FHS 2010 eq. 7 and eq. 8 are two routes to the same mean.
      expectClose(mean, bgBbExpectedPurchasesNewCustomer(published, n), { rtol: 1e-11, atol: 1e-15 });
      expect(bgBbProbabilityOfPurchases(published, n + 1, n)).toBe(0);
    }
  });

  it('takes the closed form beyond 10,000 opportunities, continuous with the term-by-term sum', () => {
    for (const gamma of [0.657, 1.8, 1]) {
      const direct = bgBbSurvivalSum(gamma, 2.783, 6, 10_000);
      const closed = bgBbSurvivalSum(gamma, 2.783, 6, 10_001);
      // The term for t = 10,007 is B(γ, δ+10,007)/B(γ, δ) = bgBbSurvivalSum(γ, δ, 10,006, 1).
      const nextTerm = bgBbSurvivalSum(gamma, 2.783, 6 + 10_000, 1);
      expectClose(closed, direct + nextTerm, { rtol: 1e-9 });
    }
  });

  it('new-customer expectation is the conditional one at x = tx = n = 0', () => {
    expect(bgBbExpectedPurchasesNewCustomer(published, 10)).toBe(bgBbExpectedPurchases(published, { x: 0, tx: 0, n: 0 }, 10));
    expect(bgBbExpectedPurchases(published, { x: 2, tx: 4, n: 6 }, 0)).toBe(0);
  });

  it('DERT equals the discounted sum of the expected transactions per future opportunity (rtol 1e-10)', () => {
    for (const history of [{ x: 0, tx: 0, n: 6 }, { x: 2, tx: 4, n: 6 }, { x: 6, tx: 6, n: 6 }]) {
      let direct = 0;
      let previous = 0;
      for (let k = 1; k <= 2000; k++) {
        const cumulative = bgBbExpectedPurchases(published, history, k);
        direct += (cumulative - previous) / 1.1 ** k;
        previous = cumulative;
      }
      expectClose(bgBbDert(published, history, { discountRate: 0.1 }), direct, { rtol: 1e-10 });
    }
  });

  it('P(alive) at n = 0 is δ/(γ+δ), the chance to survive one opportunity', () => {
    expectClose(bgBbProbabilityAlive(published, { x: 0, tx: 0, n: 0 }), published.delta / (published.gamma + published.delta), { rtol: 1e-13 });
  });

  it.each([
    ['a negative discount rate', { discountRate: -0.1 }],
    ['a zero discount rate', { discountRate: 0 }],
    ['a missing discount rate', {}],
  ])('DERT rejects %s with invalid_options', (_, options) => {
    expect(thrownRelmarkError(() => bgBbDert(published, { x: 1, tx: 1, n: 2 }, options as never)).code).toBe('invalid_options');
  });

  it.each([
    ['m = 1.5', () => bgBbExpectedPurchases(published, { x: 1, tx: 1, n: 2 }, 1.5), ['m']],
    ['n = −1', () => bgBbExpectedPurchasesNewCustomer(published, -1), ['n']],
    ['x = Infinity', () => bgBbProbabilityOfPurchases(published, Number.POSITIVE_INFINITY, 3), ['x']],
    ['tx > n', () => bgBbProbabilityAlive(published, { x: 1, tx: 3, n: 2 }), ['history', 'tx']],
  ])('rejects %s with invalid_input and its path', (_, fn, path) => {
    const error = thrownRelmarkError(fn);
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_input', path]);
  });
});

describe('fitBgBb and simulateBgBb', () => {
  const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };

  it('recovers the parameters of simulated data within 3 standard errors', () => {
    const fit = fitBgBb(simulateBgBb({ params: truth, customers: 20_000, n: 8, seed: 11 }));
    for (const key of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
    }
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-6);
  });

  it('simulates a mean x close to the new-customer expectation (within 4 standard errors)', () => {
    const sim = simulateBgBb({ params: truth, customers: 20_000, n: 6, seed: 5 });
    const mean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    const variance = sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (sim.x.length - 1);
    expect(Math.abs(mean - bgBbExpectedPurchasesNewCustomer(truth, 6))).toBeLessThan(4 * Math.sqrt(variance / sim.x.length));
  });

  it('returns plain data that survives a JSON round trip, bit for bit reproducible, the same on compressed rows', () => {
    const sim = simulateBgBb({ params: truth, customers: 3000, n: 6, seed: 3 });
    const fit = fitBgBb(sim);
    expect(BgBbFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
    expect(fitBgBb(sim)).toEqual(fit);
    const compressed = fitBgBbUnchecked({ ...sim, weights: new Float64Array(sim.x.length).fill(1) });
    expectClose(compressed.logLikelihood, fit.logLikelihood, { rtol: 1e-12 });
  });

  it('simulates the same histories for the same seed, and n per customer', () => {
    const options = { params: truth, customers: 4, n: [0, 1, 5, 9], seed: 2 };
    expect(simulateBgBb(options)).toEqual(simulateBgBb(options));
    expect(Array.from(simulateBgBb(options).n)).toEqual([0, 1, 5, 9]);
    expect(simulateBgBb(options).x[0]).toBe(0);
  });

  it.each([
    ['no customers', [], 'empty_input'],
    ['only zero weights', { x: Float64Array.of(1), tx: Float64Array.of(1), n: Float64Array.of(2), weights: Float64Array.of(0) }, 'empty_input'],
    ['every n = 0', [{ x: 0, tx: 0, n: 0 }], 'invalid_input'],
    ['nobody transacting (no maximum)', [{ x: 0, tx: 0, n: 6 }, { x: 0, tx: 0, n: 3 }], 'degenerate_data'],
    ['a single customer', [{ x: 2, tx: 4, n: 6 }], 'degenerate_data'],
    ['columns of unequal length', { x: Float64Array.of(1, 0), tx: Float64Array.of(1), n: Float64Array.of(2, 2) }, 'invalid_input'],
    ['not histories at all', 'donations', 'invalid_input'],
  ])('handles %s with the documented error code', (_, input, code) => {
    expect(thrownRelmarkError(() => fitBgBb(input as never)).code).toBe(code);
  });

  it('throws degenerate_data with a hint, before any evaluation, when nobody transacts', () => {
    const error = thrownRelmarkError(() => fitBgBb([{ x: 0, tx: 0, n: 6 }]));
    expect([error.code, error.issues.map((issue) => issue.path), error.details?.evaluations]).toEqual(['degenerate_data', [['x']], 0]);
    expect(error.details?.hint).toMatch(/penalizer/);
  });

  it.each([
    ['a negative customer count', { customers: -1 }, ['customers']],
    ['an n array of the wrong length', { n: [1, 2] }, ['n']],
    ['a fractional n', { n: 2.5 }, ['n']],
    ['a fractional seed', { seed: 0.5 }, ['seed']],
  ])('simulateBgBb rejects %s with invalid_options', (_, patch, path) => {
    const error = thrownRelmarkError(() => simulateBgBb({ params: truth, customers: 3, n: 6, seed: 1, ...patch } as never));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', path]);
  });

  it('does not mutate its input', () => {
    const columns = {
      x: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 1, 2, 3),
      tx: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 6, 6, 6),
      n: Float64Array.of(6, 6, 6, 6, 6, 6, 6, 6, 6, 6),
      weights: Float64Array.of(3464, 1091, 613, 322, 240, 335, 1203, 129, 234, 357),
    };
    const copy = structuredClone(columns);
    fitBgBbUnchecked(columns);
    expect(columns).toEqual(copy);
  });
});

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}
