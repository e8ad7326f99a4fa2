import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../test/helpers/thrownRelmarkError.js';
import { pointsBalance } from './pointsBalance.js';
import { pointsLiability } from './pointsLiability.js';

const asOf = '2024-06-30';
const balances = pointsBalance(
  [
    { type: 'earn', id: 'e1', customerId: 'a', at: '2023-01-01', points: 300 },
    { type: 'earn', id: 'e2', customerId: 'a', at: '2024-06-29', points: 200, availableAt: '2024-07-29' },
    { type: 'earn', id: 'e3', customerId: 'b', at: '2024-03-31', points: 100, expiresAt: '2024-12-31T23:00:00Z' },
    { type: 'earn', id: 'e4', customerId: 'c', at: '2024-01-01', points: 50 },
    { type: 'redeem', id: 'r4', customerId: 'c', at: '2024-02-01', points: 50 },
    { type: 'reverse', id: 'x4', customerId: 'c', at: '2024-03-01', reverses: 'e4' },
  ],
  { asOf, policy: { negativeBalance: 'for_returns' } },
);

describe('pointsLiability', () => {
  it('values available and pending points net of breakage, by age and expiry month, and keeps debts apart', () => {
    const report = pointsLiability(balances, { asOf, pointValue: 0.02, breakageRate: 0.25 });
    expect(report).toMatchObject({ outstandingPoints: 600, expectedRedemptionPoints: 450, members: 2, negativeBalancePoints: 50 });
    expect(report.liability).toBeCloseTo(9, 12);
    expect(report.byAge.map((b) => [b.fromDays, b.toDays, b.points])).toEqual([[0, 90, 200], [90, 180, 100], [180, 365, 0], [365, null, 300]]);
    expect(report.byExpiry.map((b) => [b.expiresIn, b.points])).toEqual([['2024-12', 100], ['never', 500]]);
  });

  it.each([
    [0, 600],
    [1, 0],
  ])('with breakage %s expects %i points to be redeemed', (breakageRate, expected) => {
    expect(pointsLiability(balances, { asOf, pointValue: 1, breakageRate }).expectedRedemptionPoints).toBe(expected);
  });

  it('gives zeros for no balances, with custom buckets', () => {
    const report = pointsLiability([], { asOf, pointValue: 1, breakageRate: 0.1, ageBucketsDays: [30] });
    expect(report).toMatchObject({ outstandingPoints: 0, liability: 0, byExpiry: [], byAge: [{ label: '0–30 days', points: 0 }, { label: '30+ days', points: 0 }] });
  });

  it('rejects bad options and balances taken at another date', () => {
    const options = errorOf(() => pointsLiability(balances, { asOf, pointValue: Number.NaN, breakageRate: 1.2, ageBucketsDays: [90, 30] }));
    expect(options.code).toBe('invalid_options');
    expect(options.issues.map((issue) => issue.path)).toEqual([['pointValue'], ['breakageRate'], ['ageBucketsDays']]);
    const stale = errorOf(() => pointsLiability(balances, { asOf: '2024-07-01', pointValue: 1, breakageRate: 0 }));
    expect(stale.code).toBe('invalid_input');
    expect(stale.issues.map((issue) => issue.path)).toEqual([['balances', 0, 'asOf'], ['balances', 1, 'asOf'], ['balances', 2, 'asOf']]);
  });
});
