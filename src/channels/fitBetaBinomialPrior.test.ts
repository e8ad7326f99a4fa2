import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.js';
import { createRandom } from '../internal/random.js';
import { fitBetaBinomialPrior } from './fitBetaBinomialPrior.js';
import { sampleBeta } from '../internal/samplers.js';

describe('fitBetaBinomialPrior', () => {
  it('matches scipy on a small over-dispersed data set with fractional counts', () => {
    // ref: scipy 1.17.1, minimize(−Σ[gammaln(a+s)+gammaln(b+n−s)−gammaln(a+b+n)−gammaln(a)−gammaln(b)+gammaln(a+b)])
    //   over log(a, b) by Nelder–Mead then BFGS (gtol 1e-12): a = 0.525203750390222, b = 0.5066330347041877,
    //   LL = −50.40821276685465. Tolerance: parameters rtol 1e-5, LL rtol 1e-10.
    const successes = [0, 1, 5, 0, 8, 9, 1, 0, 6, 4, 0, 0, 1, 10, 2, 3, 0, 2, 5, 0.25, 1.75];
    const trials = [5, 5, 6, 2, 8, 9, 4, 3, 7, 6, 1, 2, 5, 10, 4, 6, 3, 2, 5, 1.25, 3];
    const fit = fitBetaBinomialPrior(successes, trials);
    expect(fit.method).toBe('empirical');
    expect(fit.customers).toBe(21);
    expect(fit.atBoundary).toBe(false);
    expectClose([fit.alpha, fit.beta], [0.525203750390222, 0.5066330347041877], { rtol: 1e-5 });
    expectClose(fit.logLikelihood, -50.40821276685465, { rtol: 1e-10 });
  });

  it('recovers the Beta(2, 5) that generated 4,000 simulated customers with 20 trials each (within 15%)', () => {
    const random = createRandom(11);
    const successes: number[] = [];
    const trials: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const rate = sampleBeta(2, 5, random);
      let s = 0;
      for (let t = 0; t < 20; t++) if (random() < rate) s++;
      successes.push(s);
      trials.push(20);
    }
    const fit = fitBetaBinomialPrior(successes, trials);
    expectClose([fit.alpha, fit.beta], [2, 5], { rtol: 0.15 });
  });

  it('gives the same fit whatever the order of customers, and skips customers without trials', () => {
    const successes = [0, 3, 1, 4, 0, 2, 0];
    const trials = [2, 4, 5, 4, 1, 6, 0];
    const fit = fitBetaBinomialPrior(successes, trials);
    const reversed = fitBetaBinomialPrior([...successes].reverse(), [...trials].reverse());
    expect(reversed).toEqual(fit);
    expect(fit.customers).toBe(6);
  });

  it.each([
    ['no customers', [], []],
    ['one customer', [3], [5]],
    ['only customers without trials', [0, 0], [0, 0]],
  ])('falls back to Beta(1, 1) with %s', (_name, successes, trials) => {
    expect(fitBetaBinomialPrior(successes, trials)).toMatchObject({ alpha: 1, beta: 1, method: 'fallback' });
  });

  it('ends on the box with a finite prior when no customer ever engages', () => {
    const fit = fitBetaBinomialPrior([0, 0, 0, 0], [3, 5, 2, 8]);
    expect(fit.atBoundary).toBe(true);
    expect(fit.alpha / (fit.alpha + fit.beta)).toBeLessThan(1e-5);
    expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta)).toBe(true);
  });

  it('converges on the box despite rounding noise in the objective (regression: found by a property test)', () => {
    const fit = fitBetaBinomialPrior([0, 0.25], [1, 0.25]);
    expect(fit.method).toBe('empirical');
    expect(fit.atBoundary).toBe(true);
  });

  it('ends on the concentration bound when customers show no over-dispersion', () => {
    const fit = fitBetaBinomialPrior([5, 5, 5, 5, 5, 5], [10, 10, 10, 10, 10, 10]);
    expect(fit.atBoundary).toBe(true);
    expectClose(fit.alpha / (fit.alpha + fit.beta), 0.5, { rtol: 1e-5 }); // the likelihood is flat in the mean there
  });
});
