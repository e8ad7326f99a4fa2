import { describe, expect, it } from 'vitest';
import {
  BgBbFitSchema,
  BgNbdFitSchema,
  bgNbdLogLikelihood,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  GammaGammaFitSchema,
  MbgNbdFitSchema,
  ParetoNbdFitSchema,
  paretoNbdLogLikelihood,
  SbgFitSchema,
  simulateBgNbd,
  TransactionModelFitSchema,
} from 'relmark/clv';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

// Issue #17: an optional penalizer λ adds λ·Σ (ln θ)² to the negative mean log-likelihood (θ on the
// fitters' rescaled axes), so that data that cannot identify a model can be fitted on purpose.

const allZero = [{ x: 0, tx: 0, T: 10 }, { x: 0, tx: 0, T: 20 }, { x: 0, tx: 0, T: 30 }];
const identical = Array.from({ length: 50 }, () => ({ x: 3, tx: 20, T: 30 }));

describe('penalizer', () => {
  it.each([
    ['fitBgNbd', fitBgNbd, BgNbdFitSchema],
    ['fitMbgNbd', fitMbgNbd, MbgNbdFitSchema],
    ['fitParetoNbd', fitParetoNbd, ParetoNbdFitSchema],
  ] as const)('%s fits degenerate data on purpose and reports penalizer and penalty', (_, fit, schema) => {
    for (const data of [allZero, identical]) {
      const result = fit(data, { penalizer: 0.1 });
      expect(result.penalizer).toBe(0.1);
      expect(result.penalty).toBeGreaterThan(0);
      expect(Object.values(result.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
      expect(schema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
      expect(TransactionModelFitSchema.safeParse(result).success).toBe(true);
    }
  });

  it('keeps logLikelihood unpenalised: it equals the model log-likelihood at the fitted parameters', () => {
    const bg = fitBgNbd(identical, { penalizer: 0.05 });
    expect(Math.abs(bg.logLikelihood - bgNbdLogLikelihood(bg.params, identical))).toBeLessThan(1e-9 * Math.abs(bg.logLikelihood));
    const pn = fitParetoNbd(identical, { penalizer: 0.05 });
    expect(Math.abs(pn.logLikelihood - paretoNbdLogLikelihood(pn.params, identical))).toBeLessThan(1e-9 * Math.abs(pn.logLikelihood));
  });

  it('with penalizer 0 gives the fit without the option, bit for bit, and no penalty fields', () => {
    const data = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 2000, T: 39, seed: 11 });
    const plain = fitBgNbd(data);
    expect(fitBgNbd(data, { penalizer: 0 })).toEqual(plain);
    expect('penalizer' in plain || 'penalty' in plain).toBe(false);
  });

  it('shrinks the log-parameters: the penalty norm Σ (ln θ)² never grows with λ', () => {
    const data = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 300, T: 39, seed: 12 });
    const norms = [0.001, 0.01, 0.1, 1].map((lambda) => {
      const fit = fitBgNbd(data, { penalizer: lambda });
      return (fit.penalty as number) / lambda;
    });
    for (let i = 1; i < norms.length; i++) expect(norms[i] as number).toBeLessThanOrEqual((norms[i - 1] as number) * (1 + 1e-9));
  });

  it('fits BG/BB, Gamma-Gamma and sBG degenerate data on purpose', () => {
    const bb = fitBgBb([{ x: 0, tx: 0, n: 6 }, { x: 0, tx: 0, n: 3 }], { penalizer: 0.1 });
    expect([bb.penalizer, BgBbFitSchema.safeParse(bb).success]).toEqual([0.1, true]);
    const gg = fitGammaGamma(
      Array.from({ length: 20 }, (_, i) => ({ customerId: i, x: 1 + (i % 3), tx: 5, T: 10, monetaryMean: 25 })),
      { penalizer: 0.1 },
    );
    expect([gg.penalizer, GammaGammaFitSchema.safeParse(gg).success, gg.penalty as number > 0]).toEqual([0.1, true, true]);
    const sbg = fitSbg([100, 100, 100], { penalizer: 0.1 });
    expect([sbg.penalizer, SbgFitSchema.safeParse(sbg).success, Number.isFinite(sbg.params.alpha)]).toEqual([0.1, true, true]);
  });

  it.each([
    ['fitBgNbd', () => fitBgNbd(identical, { penalizer: -1 })],
    ['fitParetoNbd', () => fitParetoNbd(identical, { penalizer: Number.NaN })],
    ['fitMbgNbd', () => fitMbgNbd(identical, { penalizer: Number.POSITIVE_INFINITY })],
    ['fitBgBb', () => fitBgBb([{ x: 1, tx: 1, n: 2 }], { penalizer: -0.5 })],
    ['fitGammaGamma', () => fitGammaGamma([{ customerId: 'a', x: 1, tx: 1, T: 2, monetaryMean: 3 }], { penalizer: -1 })],
    ['fitSbg', () => fitSbg([10, 5], { penalizer: -1 })],
  ])('%s rejects a negative or non-finite penalizer with invalid_options at path penalizer', (_, call) => {
    const error = thrownRelmarkError(call);
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', ['penalizer']]);
  });
});
