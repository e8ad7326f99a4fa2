import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../test/helpers/thrownRelmarkError.js';
import type { TierProgramInput } from '../models/reward.js';
import { assignTier } from './assignTier.js';
import { qualifyingActivityFrom } from './qualifyingActivity.js';

const tiers = [
  { id: 'member', name: 'Member', rank: 0 },
  { id: 'silver', name: 'Silver', rank: 1 },
  { id: 'gold', name: 'Gold', rank: 2 },
];
const rolling = (downgrade: TierProgramInput['downgrade']): TierProgramInput => ({
  tiers,
  rules: [
    { tierId: 'silver', metric: 'points', threshold: 1000, window: { kind: 'rolling', months: 12 } },
    { tierId: 'gold', metric: 'points', threshold: 5000, window: { kind: 'rolling', months: 12 } },
    { tierId: 'gold', metric: 'purchases', threshold: 20, window: { kind: 'rolling', months: 12 } },
  ],
  downgrade,
});
const points = (at: string, amount: number, customerId = 'c1') => ({ customerId, at, metric: 'points' as const, amount });

describe('assignTier', () => {
  it('upgrades at once when activity meets any rule of a higher tier', () => {
    const activity = [points('2024-01-10', 600), points('2024-02-10', 600)];
    expect(assignTier(activity, { asOf: '2024-02-09', program: rolling('none') })[0]).toMatchObject({ tierId: 'member', since: null, nextReviewAt: null });
    expect(assignTier(activity, { asOf: '2024-02-10', program: rolling('none') })[0]).toMatchObject({
      tierId: 'silver',
      since: '2024-02-10T00:00:00.000Z',
      nextReviewAt: '2025-01-01T00:00:00.000Z',
      nextTier: { tierId: 'gold', rules: [{ metric: 'points', value: 1200, threshold: 5000, shortfall: 3800 }, { metric: 'purchases', value: 0, shortfall: 20 }] },
    });
    const purchases = Array.from({ length: 20 }, (_, i) => ({ customerId: 'c1', at: `2024-03-${String(i + 1).padStart(2, '0')}`, metric: 'purchases' as const, amount: 1 }));
    expect(assignTier(purchases, { asOf: '2024-03-31', program: rolling('none') })[0]?.tierId).toBe('gold');
  });

  it.each([
    ['none', 'gold', 'gold'],
    ['one_step', 'silver', 'member'],
    ['recompute', 'member', 'member'],
  ] as const)('downgrade %s: a lapsed gold member holds %s after one review and %s after two', (downgrade, afterOne, afterTwo) => {
    const activity = [points('2023-02-01', 6000)];
    const at = (asOf: string) => assignTier(activity, { asOf, program: rolling(downgrade) })[0]?.tierId;
    expect(at('2023-12-31')).toBe('gold');
    // The review of 1 January 2024 sees the 12 months before it, which still hold the 6000 points.
    expect(at('2024-01-01')).toBe('gold');
    expect(at('2025-01-01')).toBe(afterOne);
    expect(at('2026-01-01')).toBe(afterTwo);
  });

  it('reviews on the anniversary of attainment when asked', () => {
    const activity = [points('2023-05-15', 6000)];
    const review = { anchor: 'attainment', everyMonths: 12 } as const;
    const assignment = assignTier(activity, { asOf: '2024-05-14', program: rolling('recompute'), review })[0];
    expect(assignment).toMatchObject({ tierId: 'gold', nextReviewAt: '2024-05-15T00:00:00.000Z' });
    // At the anniversary, the rolling window [2023-05-15, 2024-05-15) still holds the points.
    expect(assignTier(activity, { asOf: '2024-05-15', program: rolling('recompute'), review })[0]).toMatchObject({
      tierId: 'gold',
      nextReviewAt: '2025-05-15T00:00:00.000Z',
    });
    expect(assignTier(activity, { asOf: '2025-05-15', program: rolling('recompute'), review })[0]?.tierId).toBe('member');
  });

  it('judges a calendar-year window on the year before a 1 January review', () => {
    const program: TierProgramInput = {
      tiers,
      rules: [{ tierId: 'silver', metric: 'spend', threshold: 500, window: { kind: 'calendar_year' } }],
      downgrade: 'recompute',
    };
    const activity = [{ customerId: 'c1', at: '2024-12-31T23:00:00Z', metric: 'spend' as const, amount: 500 }];
    expect(assignTier(activity, { asOf: '2025-01-01', program })[0]).toMatchObject({ tierId: 'silver', qualifiedTierId: 'member' });
    expect(assignTier(activity, { asOf: '2026-01-01', program })[0]?.tierId).toBe('member');
  });

  it('counts a lifetime window from the start, so a lifetime tier is never lost', () => {
    const program: TierProgramInput = { tiers, rules: [{ tierId: 'silver', metric: 'purchases', threshold: 3, window: { kind: 'lifetime' } }], downgrade: 'recompute' };
    const activity = ['2010-01-01', '2012-01-01', '2014-01-01'].map((at) => ({ customerId: 'c1', at, metric: 'purchases' as const, amount: 1 }));
    expect(assignTier(activity, { asOf: '2030-01-01', program })[0]?.tierId).toBe('silver');
  });

  it('lets a refund lower qualifying spend', () => {
    const activity = qualifyingActivityFrom({
      transactions: [
        { id: 't1', customerId: 'c1', at: '2024-01-01', amount: 600 },
        { id: 't2', customerId: 'c1', at: '2024-01-02', amount: 200, kind: 'refund', refundOf: 't1' },
      ],
    });
    const program: TierProgramInput = { tiers, rules: [{ tierId: 'silver', metric: 'spend', threshold: 500, window: { kind: 'calendar_year' } }], downgrade: 'recompute' };
    expect(assignTier(activity, { asOf: '2024-01-01T12:00:00Z', program })[0]?.tierId).toBe('silver');
    expect(assignTier(activity, { asOf: '2024-06-01', program })[0]).toMatchObject({ tierId: 'silver', qualifiedTierId: 'member' });
  });

  it('derives qualifying points from earns and their reversals, not from redemptions', () => {
    const activity = qualifyingActivityFrom({
      entries: [
        { type: 'earn', id: 'e1', customerId: 'c1', at: '2024-01-01', points: 800 },
        { type: 'redeem', id: 'r1', customerId: 'c1', at: '2024-01-02', points: 800 },
        { type: 'earn', id: 'e2', customerId: 'c1', at: '2024-01-03', points: 300 },
        { type: 'reverse', id: 'x1', customerId: 'c1', at: '2024-01-04', reverses: 'e2', points: 100 },
      ],
    });
    expect(activity.map((a) => a.amount)).toEqual([800, 300, -100]);
  });

  it('lists members without activity in the entry tier, by id in code-unit order', () => {
    const result = assignTier([points('2024-01-01', 10, 'b')], { asOf: '2024-02-01', program: rolling('none'), customerIds: ['a', 'Z'] });
    expect(result.map((a) => [a.customerId, a.tierId])).toEqual([['Z', 'member'], ['a', 'member'], ['b', 'member']]);
    expect(assignTier([], { asOf: '2024-02-01', program: rolling('none') })).toEqual([]);
  });

  it('ignores activity after asOf (a point-in-time query)', () => {
    expect(assignTier([points('2024-05-01', 9000)], { asOf: '2024-04-30', program: rolling('none') })[0]?.tierId).toBe('member');
  });

  it('reports a bad programme as invalid_options and bad rows as invalid_input, with paths', () => {
    const badProgram = errorOf(() =>
      assignTier([], { asOf: '2024-01-01', program: { tiers: [...tiers, { id: 'gold', name: 'Again', rank: 2 }], rules: [{ tierId: 'platinum', metric: 'spend', threshold: 1, window: { kind: 'lifetime' } }], downgrade: 'none' } }),
    );
    expect(badProgram.code).toBe('invalid_options');
    expect(badProgram.issues.map((issue) => issue.path)).toEqual([['program', 'tiers', 3, 'id'], ['program', 'tiers', 3, 'rank'], ['program', 'rules', 0, 'tierId']]);
    const badRows = errorOf(() => assignTier([points('2024-01-01', Number.NaN), { ...points('2024-01-01', 1), metric: 'visits' as 'points' }], { asOf: '2024-01-01', program: rolling('none') }));
    expect(badRows.code).toBe('invalid_input');
    expect(badRows.issues.map((issue) => issue.path)).toEqual([['activity', 0, 'amount'], ['activity', 1, 'metric']]);
  });
});
