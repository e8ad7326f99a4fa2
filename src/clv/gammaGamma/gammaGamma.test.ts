import { describe, expect, it } from 'vitest';
import { fitGammaGamma, fitGammaGammaUnchecked, GammaGammaFitSchema, gammaGammaExpectedSpend } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { gammaGammaLogLikelihoodKernel } from './gammaGammaLogLikelihood.js';

const spends = [12, 25, 18, 40, 9, 30, 22, 15, 60, 11, 27, 19, 35, 14, 24, 31, 8, 45, 20, 17];
const histories = spends.map((z, i) => ({ customerId: `c${i}`, x: 1 + (i % 4), tx: 5, T: 10, monetaryMean: z }));

describe('Gamma-Gamma', () => {
  it('has an analytic gradient equal to central differences (rtol 1e-6)', () => {
    const columns = { x: Float64Array.from(histories, (h) => h.x), monetaryMean: Float64Array.from(spends) };
    const params = { p: 3.2, q: 2.5, v: 40 };
    const gradient = new Float64Array(3);
    gammaGammaLogLikelihoodKernel(params, columns, gradient);
    (['p', 'q', 'v'] as const).forEach((key, i) => {
      const h = 1e-6 * params[key];
      const up = gammaGammaLogLikelihoodKernel({ ...params, [key]: params[key] + h }, columns);
      const down = gammaGammaLogLikelihoodKernel({ ...params, [key]: params[key] - h }, columns);
      expectClose(gradient[i] as number, (up - down) / (2 * h), { rtol: 1e-6, atol: 1e-8 });
    });
  });

  it('lists excluded customers with their reasons, in input order', () => {
    const fit = fitGammaGamma([
      ...histories,
      { customerId: 'zero', x: 0, tx: 0, T: 5 },
      { customerId: 'free', x: 2, tx: 3, T: 5, monetaryMean: 0 },
      { customerId: 'unknown', x: 1, tx: 3, T: 5 },
    ]);
    expect(fit.excluded).toEqual([
      { customerId: 'zero', reason: 'no_repeat_purchases' },
      { customerId: 'free', reason: 'non_positive_spend' },
      { customerId: 'unknown', reason: 'non_positive_spend' },
    ]);
    expect(fit.customers).toBe(spends.length);
    expect(GammaGammaFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
  });

  it('is invariant to the currency: scaling spend by c scales v by c and shifts the LL by −n·ln c', () => {
    const x = Float64Array.from(histories, (h) => h.x);
    const base = fitGammaGammaUnchecked({ x, monetaryMean: Float64Array.from(spends) });
    const cents = fitGammaGammaUnchecked({ x, monetaryMean: Float64Array.from(spends, (z) => z * 100) });
    expectClose(cents.params.v, base.params.v * 100, { rtol: 1e-5 });
    expectClose(cents.params.p, base.params.p, { rtol: 1e-5 });
    expectClose(cents.logLikelihood, base.logLikelihood - spends.length * Math.log(100), { rtol: 1e-9 });
  });

  it.each([
    ['no repeat buyers', [{ customerId: 'a', x: 0, tx: 0, T: 1 }], 'empty_input'],
    ['a duplicate id', [histories[0], histories[0]], 'duplicate_id'],
    ['equal spends (no interior maximum)', histories.map((h) => ({ ...h, monetaryMean: 10 })), 'degenerate_data'],
    ['a negative spend', [{ customerId: 'a', x: 1, tx: 1, T: 1, monetaryMean: -3 }], 'invalid_input'],
  ])('handles %s with the documented error code', (_, input, code) => {
    expect(() => fitGammaGamma(input as never)).toThrow(expect.objectContaining({ code }));
  });

  it('gives the population mean for x = 0 and moves toward z̄ as x grows', () => {
    const params = { p: 6, q: 4, v: 15 };
    expect(gammaGammaExpectedSpend(params, { x: 0 })).toBe(30);
    const few = gammaGammaExpectedSpend(params, { x: 1, monetaryMean: 100 });
    const many = gammaGammaExpectedSpend(params, { x: 50, monetaryMean: 100 });
    expect(few < many && many < 100).toBe(true);
  });

  it('rejects a spend model without a finite mean', () => {
    expect(() => gammaGammaExpectedSpend({ p: 6, q: 0.5, v: 15 }, { x: 0 })).toThrow(expect.objectContaining({ code: 'invalid_parameters' }));
  });
});

describe('simulateGammaGamma → fitGammaGamma', () => {
  it('recovers the parameters within 4 standard errors and is seeded', async () => {
    const { simulateBgNbd, simulateGammaGamma } = await import('relmark/clv');
    const truth = { p: 6.25, q: 3.74, v: 15.44 };
    const x = simulateBgNbd({ params: { r: 0.8, alpha: 4, a: 0.8, b: 2.5 }, customers: 20_000, T: 52, seed: 5 }).x;
    const spend = simulateGammaGamma({ params: truth, x, seed: 9 });
    expect(simulateGammaGamma({ params: truth, x, seed: 9 })).toEqual(spend);
    const buyers = Array.from(x, (v, i) => [v, spend[i] as number] as const).filter(([v]) => v > 0);
    const fit = fitGammaGammaUnchecked({ x: Float64Array.from(buyers, ([v]) => v), monetaryMean: Float64Array.from(buyers, ([, z]) => z) });
    for (const key of ['p', 'q', 'v'] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThanOrEqual(4 * fit.standardErrors[key]);
    }
  });
});
