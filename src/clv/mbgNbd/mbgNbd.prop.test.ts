import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  compressHistories,
  expectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNewCustomer,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  probabilityAlive,
  simulateMbgNbd,
  toHistoryColumns,
  type MbgNbdFit,
} from 'relmark/clv';
import { mbgNbdParamsArbitrary, purchaseHistoryArbitrary } from 'relmark/testing';

const paramsArb = mbgNbdParamsArbitrary();
const historyArb = purchaseHistoryArbitrary({ maxT: 78, maxX: 250 });
const horizonArb = fc.double({ min: 0, max: 200, noNaN: true });
const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.max(1, Math.abs(a), Math.abs(b));
const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
const fitOf = (params: MbgNbdFit['params']): MbgNbdFit => ({
  model: 'mbg-nbd', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: params, diagnostics,
});

describe('MBG/NBD laws', () => {
  test.prop([paramsArb, historyArb])('0 ≤ P(alive) ≤ 1, finite, and the generic probabilityAlive agrees', (params, history) => {
    const p = mbgNbdProbabilityAlive(params, history);
    expect(p >= 0 && p <= 1).toBe(true);
    expect(probabilityAlive(fitOf(params), history)).toBe(p);
  });

  test.prop([paramsArb, historyArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'P(alive) is non-decreasing in recency tx (a later last purchase is better news)',
    (params, history, u, v) => {
      fc.pre(history.x > 0);
      const [lo, hi] = u <= v ? [u, v] : [v, u];
      const early = mbgNbdProbabilityAlive(params, { ...history, tx: lo * history.T });
      const late = mbgNbdProbabilityAlive(params, { ...history, tx: hi * history.T });
      expect(late >= early - 1e-12).toBe(true);
    },
  );

  test.prop([paramsArb, historyArb, horizonArb, horizonArb])(
    'E[X(t)] is 0 at t = 0, finite and non-decreasing in t (conditional, generic and new customer)',
    (params, history, s, t) => {
      const [lo, hi] = s <= t ? [s, t] : [t, s];
      expect(mbgNbdExpectedPurchases(params, history, 0)).toBe(0);
      const cLo = mbgNbdExpectedPurchases(params, history, lo);
      const cHi = mbgNbdExpectedPurchases(params, history, hi);
      // Up to 1e-12 relative and 1e-300 absolute: at subnormal horizons the expectation itself is
      // subnormal and rounds by 5e-324 (MBG/NBD gives E[X(5e-324)] = 5e-324 but E[X(1e-323)] = 0,
      // drawn by the fixed seed of npm test), which is rounding, not a decrease.
      expect(Number.isFinite(cHi) && cLo >= 0 && cHi >= cLo * (1 - 1e-12) - 1e-300).toBe(true);
      expect(expectedPurchases(fitOf(params), history, hi)).toBe(cHi);
      const nLo = mbgNbdExpectedPurchasesNewCustomer(params, lo);
      const nHi = mbgNbdExpectedPurchasesNewCustomer(params, hi);
      expect(nLo >= 0 && nHi >= nLo * (1 - 1e-12) - 1e-300).toBe(true);
    },
  );

  test.prop([paramsArb, fc.array(fc.tuple(historyArb, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 15 }), fc.infiniteStream(fc.nat())], { numRuns: 50 })(
    'the log-likelihood is invariant under permutation and equals its compressed form',
    (params, groups, stream) => {
      const expanded = groups.flatMap(([h, copies]) => Array.from({ length: copies }, () => ({ x: h.x, tx: h.tx, T: h.T })));
      const keys = [...stream.take(expanded.length)];
      const shuffled = expanded.map((h, i) => [keys[i] as number, h] as const).sort((p, q) => p[0] - q[0]).map(([, h]) => h);
      const a = mbgNbdLogLikelihood(params, expanded);
      expect(close(mbgNbdLogLikelihood(params, shuffled), a, 1e-9)).toBe(true);
      expect(close(mbgNbdLogLikelihood(params, compressHistories(toHistoryColumns(expanded))), a, 1e-9)).toBe(true);
    },
  );

  test.prop([paramsArb, fc.integer()], { numRuns: 20 })('the same seed gives the same histories, with 0 ≤ tx ≤ T', (params, seed) => {
    const options = { params, customers: 50, T: 30, seed };
    const sim = simulateMbgNbd(options);
    expect(simulateMbgNbd(options)).toEqual(sim);
    sim.x.forEach((x, i) => expect(x >= 0 && (sim.tx[i] as number) <= 30 && (x > 0 || sim.tx[i] === 0)).toBe(true));
  });
});
