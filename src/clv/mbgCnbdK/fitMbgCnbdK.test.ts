import { describe, expect, it } from 'vitest';
import { compareModels, customerLifetimeValue, type GammaGammaFit, fitMbgCnbdK, fitMbgCnbdKUnchecked, fitMbgNbd, MbgCnbdKFitSchema, simulateMbgCnbdK, TransactionModelFitSchema } from 'relmark/clv';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { thrownRelmarkError } from '../../../test/helpers/thrownRelmarkError.js';

// The parameters of BTYDplus' own MBG/CNBD-k test (tests/testthat/test-mbg-cnbd-k.R).
const truth = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 };

describe('fitMbgCnbdK', () => {
  it('chooses the simulated k and recovers (r, α, a, b) within 3 standard errors (8,000 customers, T spread over two years)', () => {
    const customers = 8000;
    const T = Array.from({ length: customers }, (_, i) => 12 * (1 + (i % 8)));
    const fit = fitMbgCnbdK(simulateMbgCnbdK({ params: truth, customers, T, seed: 11 }));
    expect([fit.model, fit.params.k, fit.customers]).toEqual(['mbg-cnbd-k', 3, customers]);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
    }
    // The profile: k = 1 … 5 tried (stopped after two falls), the chosen k has the largest log-likelihood.
    expect(fit.kProfile.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...fit.kProfile.map((p) => p.logLikelihood))).toBe(fit.logLikelihood);
  });

  it('returns plain data that survives a JSON round trip and parses as a transaction-model fit', () => {
    const fit = fitMbgCnbdK(simulateMbgCnbdK({ params: truth, customers: 2000, T: 52, seed: 3 }), { kMax: 4 });
    expect(MbgCnbdKFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
    expect(TransactionModelFitSchema.parse(JSON.parse(JSON.stringify(fit)))).toEqual(fit);
    expect(fit.kProfile.length).toBeLessThanOrEqual(4);
    expect(fit.diagnostics.gradientNorm).toBeLessThan(1e-4);
  });

  it('at k = 1 without litt is MBG/NBD: same parameters and log-likelihood', () => {
    const sim = simulateMbgCnbdK({ params: { ...truth, k: 1 }, customers: 2000, T: 39, seed: 9 });
    const plain = { x: sim.x, tx: sim.tx, T: sim.T };
    const one = fitMbgCnbdK(plain, { k: 1 });
    const mbg = fitMbgNbd(plain);
    expectClose([one.params.r, one.params.alpha, one.params.a, one.params.b], [mbg.params.r, mbg.params.alpha, mbg.params.a, mbg.params.b], { rtol: 1e-6 });
    expectClose(one.logLikelihood, mbg.logLikelihood, { rtol: 1e-10 });
  });

  it('scales α with the time axis and keeps k, r, a, b; the log-likelihood shifts by −Σx·ln 7', () => {
    const weeks = simulateMbgCnbdK({ params: truth, customers: 2000, T: 52, seed: 5 });
    const days = { x: weeks.x, tx: weeks.tx.map((t) => t * 7), T: weeks.T.map((t) => t * 7), litt: weeks.litt.map((l, i) => l + (weeks.x[i] as number) * Math.log(7)) };
    const fw = fitMbgCnbdK(weeks, { kMax: 4 });
    const fd = fitMbgCnbdK(days, { timeUnit: 'day', kMax: 4 });
    expect([fd.timeUnit, fd.params.k]).toEqual(['day', fw.params.k]);
    expectClose(fd.params.alpha / fw.params.alpha, 7, { rtol: 1e-5 });
    expectClose([fd.params.r, fd.params.a, fd.params.b], [fw.params.r, fw.params.a, fw.params.b], { rtol: 1e-5 });
    const sumX = weeks.x.reduce((s, v) => s + v, 0);
    expectClose(fd.logLikelihood, fw.logLikelihood - sumX * Math.log(7), { rtol: 1e-9 });
  });

  it.each([
    ['no customers', [], {}, 'empty_input'],
    ['histories without litt (k chosen)', [{ x: 1, tx: 1, T: 2 }, { x: 0, tx: 0, T: 3 }], {}, 'invalid_input'],
    ['histories without litt (k = 2)', [{ x: 1, tx: 1, T: 2 }, { x: 0, tx: 0, T: 3 }], { k: 2 }, 'invalid_input'],
    ['nobody with a repeat purchase', [{ x: 0, tx: 0, T: 10, litt: 0 }, { x: 0, tx: 0, T: 20, litt: 0 }], {}, 'degenerate_data'],
    ['a NaN litt', [{ x: 1, tx: 2, T: 20, litt: Number.NaN }], {}, 'invalid_input'],
    ['an unknown option', [{ x: 1, tx: 2, T: 20, litt: 0.7 }], { kmax: 3 }, 'invalid_options'],
    ['k = 0', [{ x: 1, tx: 2, T: 20, litt: 0.7 }], { k: 0 }, 'invalid_options'],
    ['kMax = 1.5', [{ x: 1, tx: 2, T: 20, litt: 0.7 }], { kMax: 1.5 }, 'invalid_options'],
  ])('handles %s with the documented error code', (_, input, options, code) => {
    expect(thrownRelmarkError(() => fitMbgCnbdK(input as never, options as never)).code).toBe(code);
  });

  it('points at litt when it is missing', () => {
    const error = thrownRelmarkError(() => fitMbgCnbdK([{ x: 1, tx: 1, T: 2 }]));
    expect(error.issues[0]?.path).toEqual(['litt']);
  });

  it('is deterministic and does not mutate its input', () => {
    const columns = simulateMbgCnbdK({ params: truth, customers: 800, T: 52, seed: 9 });
    const copy = structuredClone(columns);
    const a = fitMbgCnbdKUnchecked(columns, { kMax: 3 });
    expect(columns).toEqual(copy);
    expect(fitMbgCnbdKUnchecked(columns, { kMax: 3 })).toEqual(a);
  });

  it('is a candidate of compareModels by name, and wins by AIC on data with regular gaps (k counted as a 5th parameter)', () => {
    const sim = simulateMbgCnbdK({ params: truth, customers: 2000, T: 52, seed: 13 });
    const calibration = Array.from(sim.x, (x, i) => ({ customerId: `c${i}`, x, tx: sim.tx[i] as number, T: 52, litt: sim.litt[i] as number }));
    const holdout = calibration.map((h) => ({ customerId: h.customerId, purchases: 0, duration: 10 }));
    const result = compareModels({ calibration, holdout }, { candidates: ['mbg-nbd', 'bg-nbd', 'mbg-cnbd-k'], rankBy: 'aic' });
    expect(result.ranking[0]?.name).toBe('mbg-cnbd-k');
    expect(result.ranking[0]?.parameters).toBe(5);
  });

  it('values customers through customerLifetimeValue; at k = 1 exactly as the MBG/NBD fit does', () => {
    const sim = simulateMbgCnbdK({ params: { ...truth, k: 1 }, customers: 2000, T: 39, seed: 21 });
    const one = fitMbgCnbdK(sim, { k: 1 });
    const mbg = fitMbgNbd({ x: sim.x, tx: sim.tx, T: sim.T });
    const spend: GammaGammaFit = {
      model: 'gamma-gamma', params: { p: 6.248802, q: 3.744588, v: 15.44775 }, logLikelihood: -4055.92, customers: 946,
      standardErrors: { p: 1.19, q: 0.29, v: 4.16 }, excluded: [], diagnostics: one.diagnostics,
    };
    const customers = [{ customerId: '1', x: 2, tx: 30.43, T: 38.86, monetaryMean: 22.35 }, { customerId: '2', x: 0, tx: 0, T: 38.86, monetaryMean: 0 }];
    const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
    const a = customerLifetimeValue(one, spend, customers, options);
    const b = customerLifetimeValue(mbg, spend, customers, options);
    a.forEach((v, i) => expectClose(v.clv, b[i]?.clv as number, { rtol: 1e-5 }));
    const regular = customerLifetimeValue(fitMbgCnbdK(simulateMbgCnbdK({ params: truth, customers: 2000, T: 39, seed: 21 }), { kMax: 4 }), spend, customers, options);
    expect(regular.every((v) => Number.isFinite(v.clv) && v.clv >= 0)).toBe(true);
  });
});
