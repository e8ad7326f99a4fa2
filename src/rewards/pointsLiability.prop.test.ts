import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsLedgerArbitrary, withoutRejectedEntries } from '../testing/rewards.js';
import { pointsBalance } from './pointsBalance.js';
import { pointsLiability } from './pointsLiability.js';

const asOf = new Date('2024-04-15');
const policy = { expiry: { kind: 'after', amount: 60, unit: 'day' } } as const;
const balancesArbitrary = pointsLedgerArbitrary().map((entries) => pointsBalance(withoutRejectedEntries(entries, policy), { asOf, policy }));

describe('pointsLiability laws', () => {
  it('buckets by age and by expiry partition the outstanding points, which equal available + pending', () => {
    fc.assert(
      fc.property(balancesArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (balances, breakageRate) => {
        const report = pointsLiability(balances, { asOf, pointValue: 0.01, breakageRate });
        const sum = (xs: readonly { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);
        expect(sum(report.byAge)).toBe(report.outstandingPoints);
        expect(sum(report.byExpiry)).toBe(report.outstandingPoints);
        expect(report.outstandingPoints).toBe(balances.reduce((s, b) => s + b.available + b.pending, 0));
      }),
    );
  });

  it('is non-increasing in the breakage rate and linear in the point value', () => {
    fc.assert(
      fc.property(balancesArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (balances, b1, b2) => {
        const [low, high] = b1 <= b2 ? [b1, b2] : [b2, b1];
        const at = (breakageRate: number, pointValue: number) => pointsLiability(balances, { asOf, pointValue, breakageRate }).liability;
        expect(at(high, 1)).toBeLessThanOrEqual(at(low, 1));
        expect(at(low, 3)).toBeCloseTo(3 * at(low, 1), 6);
      }),
    );
  });
});
