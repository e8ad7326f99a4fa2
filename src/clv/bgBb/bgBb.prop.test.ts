import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgBbExpectedPurchases, bgBbLogLikelihood, bgBbProbabilityAlive } from 'relmark/clv';
import { bgBbHistoryArbitrary, bgBbParamsArbitrary } from 'relmark/testing';

const historyArb = bgBbHistoryArbitrary({ maxN: 30 });
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('BG/BB laws', () => {
  test.prop([bgBbParamsArbitrary(), historyArb])('0 ≤ P(alive) ≤ 1', (params, history) => {
    const p = bgBbProbabilityAlive(params, history);
    expect(p >= 0 && p <= 1).toBe(true);
  });

  test.prop([bgBbParamsArbitrary(), historyArb])('a more recent last transaction never lowers P(alive) (same x and n)', (params, history) => {
    fc.pre(history.x > 0 && history.tx < history.n);
    const later = bgBbProbabilityAlive(params, { ...history, tx: history.tx + 1 });
    const p = bgBbProbabilityAlive(params, history);
    expect(later >= p - 1e-12).toBe(true);
  });

  test.prop([bgBbParamsArbitrary(), historyArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })])(
    'expected transactions are 0 at m = 0, non-decreasing in m and at most m',
    (params, history, s, t) => {
      const [lo, hi] = s <= t ? [s, t] : [t, s];
      const eLo = bgBbExpectedPurchases(params, history, lo);
      const eHi = bgBbExpectedPurchases(params, history, hi);
      expect(bgBbExpectedPurchases(params, history, 0)).toBe(0);
      expect(eLo >= 0 && eHi >= eLo - 1e-12 * Math.max(1, eHi) && eHi <= hi * (1 + 1e-12)).toBe(true);
    },
  );

  test.prop([bgBbParamsArbitrary(), fc.array(fc.tuple(historyArb, fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 20 })])(
    'the log-likelihood of weighted rows equals that of the expanded rows, in any order',
    (params, groups) => {
      const expanded = groups.flatMap(([h, copies]) => Array.from({ length: copies }, () => h));
      const weighted = {
        x: Float64Array.from(groups, ([h]) => h.x),
        tx: Float64Array.from(groups, ([h]) => h.tx),
        n: Float64Array.from(groups, ([h]) => h.n),
        weights: Float64Array.from(groups, ([, copies]) => copies),
      };
      const ll = bgBbLogLikelihood(params, expanded);
      expect(close(ll, bgBbLogLikelihood(params, weighted))).toBe(true);
      expect(close(ll, bgBbLogLikelihood(params, [...expanded].reverse()))).toBe(true);
    },
  );

  test.prop([bgBbParamsArbitrary(), historyArb], { numRuns: 20 })('predictions do not mutate frozen inputs', (params, history) => {
    const frozenParams = Object.freeze({ ...params });
    const frozenHistory = Object.freeze({ ...history });
    bgBbProbabilityAlive(frozenParams, frozenHistory);
    bgBbExpectedPurchases(frozenParams, frozenHistory, 5);
    expect(frozenHistory).toEqual(history);
  });
});
