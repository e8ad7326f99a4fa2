import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  BgNbdFitSchema,
  bgNbdExpectedPurchases,
  customerLifetimeValue,
  expectedPurchases,
  fitBgNbd,
  fitParetoNbd,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  ParetoNbdFitSchema,
  probabilityAlive,
  type GammaGammaFit,
} from 'relmark/clv';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { bgNbdRowLogLikelihood, GammaMemo, paretoNbdRowLogLikelihood } from './rowLogLikelihoods.js';
import { simulateParetoNbdWithCovariates } from './simulateWithCovariates.js';

const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
const gammaPurchase = [0.5, -0.3];
const gammaDropout = [0.4, 0.25];
const names = ['c0', 'c1'];
const histories = simulateParetoNbdWithCovariates({ params: truth, purchase: gammaPurchase, dropout: gammaDropout, customers: 6000, T: (i) => 26 + (i % 26), seed: 41 });
const fit = fitParetoNbd(histories, { covariates: { purchase: names, dropout: names } });

describe('row log-likelihoods', () => {
  const cases = [
    { x: 0, tx: 0, T: 30 },
    { x: 3, tx: 12.5, T: 30 },
    { x: 7, tx: 30, T: 30 },
    { x: 40, tx: 51.2, T: 52 },
  ];

  it('sum to the Pareto/NBD and BG/NBD log-likelihoods (the oracles without covariates)', () => {
    const g = new Float64Array(4);
    const memo = new GammaMemo();
    const pareto = cases.reduce((sum, h) => sum + paretoNbdRowLogLikelihood([truth.r, truth.alpha, truth.s, truth.beta], h.x, h.tx, h.T, g, memo), 0);
    expect(pareto).toBeCloseTo(paretoNbdLogLikelihood(truth, cases), 9);
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const bgSum = cases.reduce((sum, h) => sum + bgNbdRowLogLikelihood([bg.r, bg.alpha, bg.a, bg.b], h.x, h.tx, h.T, g, memo), 0);
    expect(bgSum).toBeCloseTo(bgNbdLogLikelihood(bg, cases), 9);
  });

  it('have analytic gradients that match central differences', () => {
    const memo = new GammaMemo();
    for (const row of [paretoNbdRowLogLikelihood, bgNbdRowLogLikelihood]) {
      const p = [0.6, 8, 0.7, 3];
      for (const h of cases) {
        const g = new Float64Array(4);
        row(p, h.x, h.tx, h.T, g, memo);
        for (let j = 0; j < 4; j++) {
          const step = 1e-6 * (p[j] as number);
          const up = [...p];
          const down = [...p];
          up[j] = (p[j] as number) + step;
          down[j] = (p[j] as number) - step;
          const numeric = (row(up, h.x, h.tx, h.T, new Float64Array(4), memo) - row(down, h.x, h.tx, h.T, new Float64Array(4), memo)) / (2 * step);
          expect(Math.abs((g[j] as number) - numeric), `${row.name} x=${h.x} ∂${j}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }
    }
  });
});

describe('fitParetoNbd with covariates', () => {
  it('recovers the simulated coefficients and parameters within 3 standard errors (6,000 customers)', () => {
    names.forEach((name, j) => {
      const purchase = fit.covariates?.purchase;
      const dropout = fit.covariates?.dropout;
      expect(Math.abs((purchase?.coefficients[name] as number) - (gammaPurchase[j] as number)), `purchase ${name}`).toBeLessThanOrEqual(3 * (purchase?.standardErrors[name] as number));
      expect(Math.abs((dropout?.coefficients[name] as number) - (gammaDropout[j] as number)), `dropout ${name}`).toBeLessThanOrEqual(3 * (dropout?.standardErrors[name] as number));
    });
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
    }
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-4);
  });

  it('is a maximum of the likelihood: no lower than the fit without covariates (a nested model)', () => {
    const plain = fitParetoNbd(histories);
    expect(fit.logLikelihood).toBeGreaterThan(plain.logLikelihood);
    // With the coefficients at 0 the covariate likelihood is the plain one, at the plain optimum.
    const g = new Float64Array(4);
    const memo = new GammaMemo();
    const atPlain = histories.reduce((sum, h) => sum + paretoNbdRowLogLikelihood([plain.params.r, plain.params.alpha, plain.params.s, plain.params.beta], h.x, h.tx, h.T, g, memo), 0);
    expect(atPlain).toBeCloseTo(plain.logLikelihood, 6);
  });

  it('keeps names in order, reports a covariance for the intervals and survives a JSON round trip', () => {
    expect(fit.covariates?.purchase.names).toEqual(names);
    expect(fit.covariance?.names).toEqual(['r', 'alpha', 's', 'beta', 'purchase.c0', 'purchase.c1', 'dropout.c0', 'dropout.c1']);
    expect(fit.covariance?.values).toHaveLength(64);
    expect(ParetoNbdFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
  });

  it('does not depend on the scale or offset of a covariate (only the coefficient and α₀ change)', () => {
    const shifted = histories.map((h) => ({ ...h, covariates: { c0: h.covariates.c0 as number, c1: 10 * (h.covariates.c1 as number) + 3 } }));
    const other = fitParetoNbd(shifted, { covariates: { purchase: names, dropout: names } });
    expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 5);
    expect((other.covariates?.purchase.coefficients.c1 as number) * 10).toBeCloseTo(fit.covariates?.purchase.coefficients.c1 as number, 4);
    expect(other.params.r).toBeCloseTo(fit.params.r, 4);
  });

  it('reports every missing or non-finite covariate with its path', () => {
    const bad = histories.slice(0, 5).map((h) => ({ ...h, covariates: { ...h.covariates } })) as { x: number; tx: number; T: number; covariates: Record<string, number> }[];
    delete bad[1]?.covariates.c1;
    (bad[3] as { covariates: Record<string, number> }).covariates.c0 = Number.NaN;
    const error = thrownRelmarkError(() => fitParetoNbd(bad, { covariates: { purchase: ['c0'], dropout: ['c1'] } }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([
      ['histories', 1, 'covariates', 'c1'],
      ['histories', 3, 'covariates', 'c0'],
    ]);
  });

  it('rejects a constant covariate, columns without covariates and invalid options', () => {
    const constant = histories.slice(0, 500).map((h) => ({ ...h, covariates: { ...h.covariates, k: 1 } }));
    const flat = thrownRelmarkError(() => fitParetoNbd(constant, { covariates: { purchase: ['k'] } }));
    expect([flat.code, flat.issues[0]?.path]).toEqual(['degenerate_data', ['covariates', 'purchase', 0]]);
    const columns = { x: Float64Array.of(1, 0), tx: Float64Array.of(1, 0), T: Float64Array.of(2, 2) };
    expect(thrownRelmarkError(() => fitParetoNbd(columns, { covariates: { purchase: ['c0'] } })).code).toBe('invalid_input');
    const options = thrownRelmarkError(() => fitParetoNbd(histories, { covariates: { purchase: ['c0', 'c0'], other: [] } as never, penalizer: 0.1 }));
    expect(options.code).toBe('invalid_options');
    expect(options.issues.map((i) => i.path)).toEqual([['penalizer']]);
    const names2 = thrownRelmarkError(() => fitParetoNbd(histories, { covariates: { purchase: ['c0', 'c0'], other: [] } as never }));
    expect(names2.issues.map((i) => i.path)).toEqual([
      ['covariates', 'other'],
      ['covariates', 'purchase', 1],
    ]);
    expect(thrownRelmarkError(() => fitParetoNbd(histories, { covariates: {} })).issues[0]?.path).toEqual(['covariates']);
  });
});

describe('predictions of a fit with covariates', () => {
  const h = { x: 3, tx: 20, T: 30, covariates: { c0: 1, c1: -0.5 } };
  const c = fit.covariates;
  const eta = (effects: NonNullable<typeof c>['purchase']) => effects.names.reduce((s, n) => s + (effects.coefficients[n] as number) * (h.covariates[n as 'c0' | 'c1'] as number), 0);
  const own = { ...fit.params, alpha: fit.params.alpha * Math.exp(-eta(c?.purchase as never)), beta: fit.params.beta * Math.exp(-eta(c?.dropout as never)) };

  it('use the customer’s own α and β (CLVTools: αᵢ = α₀e^(−γᵀx), βᵢ = β₀e^(−γᵀz))', () => {
    expect(expectedPurchases(fit, h, 52)).toBe(paretoNbdExpectedPurchases(own, h, 52));
    expect(probabilityAlive(fit, h)).toBe(paretoNbdProbabilityAlive(own, h));
    expect(expectedPurchases(fit, { ...h, covariates: { c0: 0, c1: -0.5 } }, 52)).not.toBe(expectedPurchases(fit, h, 52));
  });

  it('value customers in CLV with their own parameters, and need covariates there too', () => {
    const spend: GammaGammaFit = {
      model: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 }, logLikelihood: -4000, customers: 946, standardErrors: { p: 0.3, q: 0.3, v: 2 }, excluded: [],
      diagnostics: { method: 'bfgs', iterations: 10, evaluations: 12, gradientNorm: 1e-9, reason: 'gradient' },
    };
    const [value] = customerLifetimeValue(fit, spend, [{ customerId: 'a', ...h, monetaryMean: 30 }], { horizonMonths: 1200, monthlyDiscountRate: 0 });
    expect(value?.probabilityAlive).toBe(paretoNbdProbabilityAlive(own, h));
    expect(value?.expectedPurchases).toBeCloseTo(paretoNbdExpectedPurchases(own, h, 1200 * (30.4375 / 7)), 8);
    const error = thrownRelmarkError(() => customerLifetimeValue(fit, spend, [{ customerId: 'a', x: 1, tx: 1, T: 2, covariates: { c0: 1 } }], { horizonMonths: 12, monthlyDiscountRate: 0 }));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_input', ['histories', 0, 'covariates', 'c1']]);
  });

  it('name a missing covariate of the history', () => {
    const error = thrownRelmarkError(() => expectedPurchases(fit, { x: 1, tx: 1, T: 2 }, 10));
    expect(error.issues.map((i) => i.path)).toEqual([
      ['history', 'covariates', 'c0'],
      ['history', 'covariates', 'c1'],
    ]);
  });
});

describe('fitBgNbd with covariates', () => {
  it('fits, is no worse than the plain fit, and predicts with aᵢ = a₀e^(γᵀz), bᵢ = b₀e^(γᵀz)', () => {
    const bgFit = fitBgNbd(histories, { covariates: { purchase: ['c0'], dropout: ['c1'] } });
    expect(bgFit.logLikelihood).toBeGreaterThan(fitBgNbd(histories).logLikelihood);
    expect(BgNbdFitSchema.parse(JSON.parse(JSON.stringify(bgFit)))).toEqual(bgFit);
    const h = { x: 2, tx: 10, T: 30, covariates: { c0: 1, c1: 0.7 } };
    const gp = bgFit.covariates?.purchase.coefficients.c0 as number;
    const gd = bgFit.covariates?.dropout.coefficients.c1 as number;
    const own = { r: bgFit.params.r, alpha: bgFit.params.alpha * Math.exp(-gp), a: bgFit.params.a * Math.exp(gd * 0.7), b: bgFit.params.b * Math.exp(gd * 0.7) };
    expect(expectedPurchases(bgFit, h, 20)).toBe(bgNbdExpectedPurchases(own, h, 20));
    // More purchases with c0 = 1 (the simulation's γ = 0.5 raises the rate).
    expect(gp).toBeGreaterThan(0);
  });
});
