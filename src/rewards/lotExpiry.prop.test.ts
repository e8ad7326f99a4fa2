import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsPolicyArbitrary } from '../testing/rewards.js';
import { lotExpiryCalculator, policyExpiry } from './lotExpiry.js';
import { PointsPolicySchema } from './pointsPolicy.js';

describe('lotExpiryCalculator', () => {
  it('agrees with policyExpiry for every instant, cached or not', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(
      fc.property(pointsPolicyArbitrary(), fc.array(instant, { minLength: 1, maxLength: 20 }), (policy, instants) => {
        const { expiry } = PointsPolicySchema.parse(policy);
        const calculate = lotExpiryCalculator(expiry);
        // Same-day instants exercise the cache: the day's first call fills it, later ones read it.
        const withSameDays = instants.flatMap((ms) => [ms, ms - (ms % 86_400_000) + 3_600_000]);
        for (const ms of withSameDays) expect(calculate(ms)).toBe(policyExpiry(ms, expiry));
      }),
    );
  });
});
