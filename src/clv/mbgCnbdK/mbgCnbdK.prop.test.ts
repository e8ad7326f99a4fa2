import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  expectedPurchases,
  mbgCnbdKExpectedPurchases,
  mbgCnbdKExpectedPurchasesNewCustomer,
  mbgCnbdKLogLikelihood,
  mbgCnbdKProbabilityAlive,
  mbgNbdLogLikelihood,
  probabilityAlive,
  simulateMbgCnbdK,
  type MbgCnbdKFit,
} from 'relmark/clv';
import { mbgNbdParamsArbitrary, purchaseHistoryArbitrary } from 'relmark/testing';

const rates = mbgNbdParamsArbitrary();
const kArb = fc.integer({ min: 1, max: 12 });
const paramsArb = fc.tuple(kArb, rates).map(([k, p]) => ({ k, ...p }));
const historyArb = purchaseHistoryArbitrary({ maxT: 78, maxX: 250 });
// litt of x gaps that sum to at most tx: any value ≤ x·ln(tx/x) (equal gaps give the largest).
const withLittArb = fc.tuple(historyArb, fc.double({ min: 0, max: 20, noNaN: true })).map(([h, drop]) => ({
  x: h.x,
  tx: h.tx,
  T: h.T,
  litt: h.x > 0 && h.tx / h.x > 0 ? h.x * Math.log(h.tx / h.x) - drop : 0,
}));
const horizonArb = fc.double({ min: 0, max: 200, noNaN: true });
const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.max(1, Math.abs(a), Math.abs(b));
const fitOf = (params: MbgCnbdKFit['params']): MbgCnbdKFit => ({
  model: 'mbg-cnbd-k', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: { r: 1, alpha: 1, a: 1, b: 1 },
  diagnostics: { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' }, kProfile: [{ k: params.k, logLikelihood: 0 }],
});

describe('MBG/CNBD-k laws', () => {
  test.prop([rates, fc.array(withLittArb, { minLength: 1, maxLength: 20 })])('k = 1 is MBG/NBD: the same log-likelihood to 1e-9', (p, hs) => {
    expect(close(mbgCnbdKLogLikelihood({ k: 1, ...p }, hs), mbgNbdLogLikelihood(p, hs), 1e-9)).toBe(true);
  });

  test.prop([paramsArb, historyArb])('0 ≤ P(alive) ≤ 1, finite, and the generic probabilityAlive agrees', (p, h) => {
    const value = mbgCnbdKProbabilityAlive(p, h);
    expect(value >= 0 && value <= 1).toBe(true);
    expect(probabilityAlive(fitOf(p), h)).toBe(value);
  });

  test.prop([paramsArb, historyArb, horizonArb, horizonArb])(
    'E[X(t)] is 0 at t = 0, finite and non-decreasing in t (conditional and generic)',
    (p, h, s, t) => {
      const [lo, hi] = s <= t ? [s, t] : [t, s];
      expect(mbgCnbdKExpectedPurchases(p, h, 0)).toBe(0);
      const eLo = mbgCnbdKExpectedPurchases(p, h, lo);
      const eHi = mbgCnbdKExpectedPurchases(p, h, hi);
      expect(Number.isFinite(eHi) && eLo >= 0 && eHi >= eLo * (1 - 1e-12) - 1e-300).toBe(true);
      expect(expectedPurchases(fitOf(p), h, hi)).toBe(eHi);
    },
  );

  test.prop([paramsArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })], { numRuns: 50 })(
    'the new-customer expectation is finite and non-decreasing in t',
    (p, s, t) => {
      const [lo, hi] = s <= t ? [s, t] : [t, s];
      const eLo = mbgCnbdKExpectedPurchasesNewCustomer(p, lo);
      const eHi = mbgCnbdKExpectedPurchasesNewCustomer(p, hi);
      expect(Number.isFinite(eHi) && eLo >= 0 && eHi >= eLo * (1 - 1e-9) - 1e-300).toBe(true);
    },
  );

  test.prop([paramsArb, fc.array(withLittArb, { minLength: 1, maxLength: 15 }), fc.infiniteStream(fc.nat())], { numRuns: 50 })(
    'the log-likelihood is finite and invariant under permutation',
    (p, hs, stream) => {
      const keys = [...stream.take(hs.length)];
      const shuffled = hs.map((h, i) => [keys[i] as number, h] as const).sort((u, v) => u[0] - v[0]).map(([, h]) => h);
      const a = mbgCnbdKLogLikelihood(p, hs);
      expect(Number.isFinite(a)).toBe(true);
      expect(close(mbgCnbdKLogLikelihood(p, shuffled), a, 1e-9)).toBe(true);
    },
  );

  test.prop([paramsArb, fc.integer()], { numRuns: 20 })('the same seed gives the same histories, with 0 ≤ tx ≤ T and litt ≤ x·ln(tx/x)', (p, seed) => {
    const options = { params: p, customers: 50, T: 30, seed };
    const sim = simulateMbgCnbdK(options);
    expect(simulateMbgCnbdK(options)).toEqual(sim);
    sim.x.forEach((x, i) => {
      const tx = sim.tx[i] as number;
      const litt = sim.litt[i] as number;
      expect(x >= 0 && tx <= 30 && (x > 0 || (tx === 0 && litt === 0))).toBe(true);
      if (x > 0) expect(litt <= x * Math.log(tx / x) + 1e-9 * Math.max(1, Math.abs(litt))).toBe(true);
    });
  });
});
