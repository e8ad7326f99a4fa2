import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sbgDerl, sbgRetentionRate, sbgSurvival } from 'relmark/clv';
import { sbgParamsArbitrary } from 'relmark/testing';

describe('sBG laws', () => {
  test.prop([sbgParamsArbitrary(), fc.integer({ min: 1, max: 500 })])('survival lies in (0, 1] and decreases; retention rises', (params, t) => {
    const s = sbgSurvival(params, t);
    expect(s > 0 && s <= 1 && s < sbgSurvival(params, t - 1)).toBe(true);
    const r = sbgRetentionRate(params, t);
    expect(r > 0 && r < 1 && sbgRetentionRate(params, t + 1) >= r).toBe(true);
  });

  test.prop([sbgParamsArbitrary(), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50 })])(
    'DERL is at least the next renewal probability and falls as the discount rate rises',
    (params, d1, d2, renewals) => {
      const [low, high] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const atLow = sbgDerl(params, { discountRate: low, renewals });
      const atHigh = sbgDerl(params, { discountRate: high, renewals });
      expect(atHigh <= atLow * (1 + 1e-12)).toBe(true);
      expect(atHigh >= sbgRetentionRate(params, renewals + 1) * (1 - 1e-12)).toBe(true);
    },
  );
});
