import { describe, expect, it } from 'vitest';
import { SbgFitSchema, fitSbg, sbgDerl, sbgExpectedLifetime, sbgRetentionRate, sbgSurvival } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';
import { sbgLogLikelihoodKernel } from './fitSbg.js';

// Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1):
// survivors of two cohorts of 1,000 subscribers over years 0–7.
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitSbg', () => {
  // ref: Fader & Hardie 2007, estimates printed to 3 decimals: regular α 0.704, β 1.182; high end
  // α 0.668, β 3.806 (the issue text lists these two pairs under swapped cohort names; the pairing
  // here is the one the data support: the high-end cohort retains 87% in year 1, β/(α+β) = 0.851).
  // Tolerance: half a unit in the third decimal (atol 5e-4).
  it.each([
    ['regular', regular, 0.704, 1.182],
    ['high end', highEnd, 0.668, 3.806],
  ])('reproduces the published estimates for the %s cohort (atol 5e-4)', (_, alive, alpha, beta) => {
    const fit = fitSbg(alive);
    expectClose([fit.params.alpha, fit.params.beta], [alpha, beta], { atol: 5e-4, rtol: 0 });
    expect([fit.model, fit.customers, fit.periods]).toEqual(['sbg', 1000, 7]);
    expectClose(fit.logLikelihood, directLogLikelihood(fit.params, alive), { rtol: 1e-12 });
    expect(SbgFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
  });

  it('gives the same estimates for percentages as for counts (scale invariance)', () => {
    const counts = fitSbg(highEnd);
    const percentages = fitSbg(highEnd.map((a) => a / 10));
    expectClose([percentages.params.alpha, percentages.params.beta], [counts.params.alpha, counts.params.beta], { rtol: 1e-6 });
    expectClose(percentages.logLikelihood, counts.logLikelihood / 10, { rtol: 1e-9 });
  });

  it('has an analytic gradient equal to central differences (rtol 1e-6)', () => {
    const params = { alpha: 0.9, beta: 2.2 };
    const gradient = new Float64Array(2);
    sbgLogLikelihoodKernel(params, regular, gradient);
    (['alpha', 'beta'] as const).forEach((key, i) => {
      const h = 1e-6 * params[key];
      const up = sbgLogLikelihoodKernel({ ...params, [key]: params[key] + h }, regular);
      const down = sbgLogLikelihoodKernel({ ...params, [key]: params[key] - h }, regular);
      expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6 });
    });
  });

  it.each([
    ['nobody churns', [100, 100, 100]],
    ['everybody churns in the first period', [100, 0, 0]],
  ])('throws degenerate_data with a hint when %s (no interior maximum)', (_, alive) => {
    const error = thrownRelmarkError(() => fitSbg(alive));
    expect(error.code).toBe('degenerate_data');
    expect(error.details).toHaveProperty('hint');
  });

  it('lists every invalid count with its path', () => {
    expect(() => fitSbg([0, 5, Number.NaN, -1, 2, 3])).toThrowErrorMatchingInlineSnapshot(`
      [RelmarkError: fitSbg: invalid survival counts (5 issues)
      ✖ The cohort size alive[0] must be > 0
        → at alive[0]
      ✖ alive[1] (5) exceeds an earlier count (0): survivors cannot increase
        → at alive[1]
      ✖ A count must be finite and ≥ 0, received NaN
        → at alive[2]
      ✖ A count must be finite and ≥ 0, received -1
        → at alive[3]
      ✖ alive[5] (3) exceeds an earlier count (2): survivors cannot increase
        → at alive[5]]
    `);
    expect(thrownRelmarkError(() => fitSbg([1000])).code).toBe('invalid_input');
  });

  it('does not mutate its input', () => {
    const alive = Object.freeze([...regular]);
    fitSbg(alive);
    expect(alive).toEqual(regular);
  });
});

describe('sBG predictions', () => {
  const params = { alpha: 0.668, beta: 3.806 };

  it('survival is 1 at t = 0 and the retention rates multiply to it', () => {
    expect(sbgSurvival(params, 0)).toBe(1);
    let product = 1;
    for (let t = 1; t <= 12; t++) {
      product *= sbgRetentionRate(params, t);
      expectClose(sbgSurvival(params, t), product, { rtol: 1e-12 });
    }
  });

  it('expected lifetime is (α+β−1)/(α−1) = Σ S(t) for α > 1, and invalid_parameters (no finite mean) for α ≤ 1', () => {
    const p = { alpha: 3, beta: 2 };
    let sum = 0;
    for (let t = 0; t < 5000; t++) sum += sbgSurvival(p, t);
    expectClose(sbgExpectedLifetime(p), sum, { rtol: 1e-6 });
    expectClose(sbgExpectedLifetime(p, { horizon: 5000 }), sum, { rtol: 1e-12 });
    expect([thrownRelmarkError(() => sbgExpectedLifetime(params)).code, thrownRelmarkError(() => sbgExpectedLifetime(params)).issues[0]?.code]).toEqual(['invalid_parameters', 'no_finite_mean']);
    expect(thrownRelmarkError(() => sbgExpectedLifetime({ alpha: 1, beta: 2 })).code).toBe('invalid_parameters');
    expect(sbgExpectedLifetime(params, { horizon: 0 })).toBe(0);
  });

  it('DERL equals the discounted sum Σ S(n+k)/S(n−1)/(1+d)^k (rtol 1e-10) and grows with renewals', () => {
    let previous = 0;
    for (const renewals of [0, 1, 4, 10]) {
      const n = renewals + 1;
      let direct = 0;
      for (let k = 0; k < 3000; k++) direct += sbgSurvival(params, n + k) / sbgSurvival(params, n - 1) / 1.1 ** k;
      const derl = sbgDerl(params, { discountRate: 0.1, renewals });
      expectClose(derl, direct, { rtol: 1e-10 });
      expect(derl).toBeGreaterThan(previous);
      previous = derl;
    }
  });

  it.each([
    ['sbgSurvival(t = 1.5)', () => sbgSurvival(params, 1.5), 'invalid_input', ['t']],
    ['sbgRetentionRate(t = 0)', () => sbgRetentionRate(params, 0), 'invalid_input', ['t']],
    ['sbgExpectedLifetime(horizon = -1)', () => sbgExpectedLifetime(params, { horizon: -1 }), 'invalid_options', ['horizon']],
    ['sbgDerl(discountRate = 0)', () => sbgDerl(params, { discountRate: 0 }), 'invalid_options', ['discountRate']],
    ['sbgDerl(renewals = 0.5)', () => sbgDerl(params, { discountRate: 0.1, renewals: 0.5 }), 'invalid_options', ['renewals']],
    ['sbgSurvival(alpha = 0)', () => sbgSurvival({ alpha: 0, beta: 1 }, 1), 'invalid_parameters', ['params', 'alpha']],
  ])('%s throws %s with its path', (_, fn, code, path) => {
    const error = thrownRelmarkError(fn);
    expect([error.code, error.issues[0]?.path]).toEqual([code, path]);
  });
});

/** The sBG log-likelihood written out from P(T = t) and S(t) as products of the recurrences (FH 2007, eq. B3). */
function directLogLikelihood(params: { alpha: number; beta: number }, alive: readonly number[]): number {
  const { alpha, beta } = params;
  let churn = alpha / (alpha + beta);
  let survival = 1 - churn;
  let ll = ((alive[0] as number) - (alive[1] as number)) * Math.log(churn);
  for (let t = 2; t < alive.length; t++) {
    churn *= (beta + t - 2) / (alpha + beta + t - 1);
    survival -= churn;
    ll += ((alive[t - 1] as number) - (alive[t] as number)) * Math.log(churn);
  }
  return ll + (alive[alive.length - 1] as number) * Math.log(survival);
}
