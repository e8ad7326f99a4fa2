import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../test/helpers/thrownRelmarkError.js';
import type { PointsEntryInput } from '../models/reward.js';
import { pointsBalance, type PointsBalanceOptions } from './pointsBalance.js';

const earn = (id: string, at: string, points: number, extra: Partial<PointsEntryInput> = {}): PointsEntryInput =>
  ({ type: 'earn', id, customerId: 'c1', at, points, ...extra }) as PointsEntryInput;
const redeem = (id: string, at: string, points: number): PointsEntryInput => ({ type: 'redeem', id, customerId: 'c1', at, points });
const reverse = (id: string, at: string, reverses: string, points?: number): PointsEntryInput =>
  ({ type: 'reverse', id, customerId: 'c1', at, reverses, ...(points === undefined ? {} : { points }) }) as PointsEntryInput;

function only(entries: readonly PointsEntryInput[], options: PointsBalanceOptions) {
  const balances = pointsBalance(entries, options);
  expect(balances).toHaveLength(1);
  return balances[0]!;
}

describe('pointsBalance', () => {
  it('splits available and pending points and lists open lots in consumption order', () => {
    const balance = only(
      [earn('e1', '2024-01-10', 300), earn('e2', '2024-03-05', 200, { availableAt: '2024-04-04' }), redeem('r1', '2024-03-20', 120)],
      { asOf: '2024-03-31' },
    );
    expect(balance).toMatchObject({ available: 180, pending: 200, earned: 500, redeemed: 120, expired: 0, adjusted: 0, reversed: 0 });
    expect(balance.lots.map((lot) => [lot.entryId, lot.remaining, lot.state, lot.expiresAt])).toEqual([
      ['e1', 180, 'available', null],
      ['e2', 200, 'pending', null],
    ]);
    // Once the lock period ends the pending points become available.
    expect(only([earn('e2', '2024-03-05', 200, { availableAt: '2024-04-04' })], { asOf: '2024-04-04' }).available).toBe(200);
  });

  it('applies a repeated idempotency key once, and an entry without a key once per id', () => {
    const e = earn('e1', '2024-01-01', 100, { idempotencyKey: 'order-1' });
    const balance = only([e, { ...e }, earn('e2', '2024-01-02', 5), earn('e2', '2024-01-02', 5)], { asOf: '2024-02-01' });
    expect(balance.earned).toBe(105);
  });

  it('rejects a different entry under an idempotency key already used', () => {
    const error = errorOf(() =>
      pointsBalance([earn('e1', '2024-01-01', 100, { idempotencyKey: 'k' }), earn('e2', '2024-01-01', 90, { idempotencyKey: 'k' })], {
        asOf: '2024-02-01',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "idempotency_conflict",
          "message": "Idempotency key "k" was already used by entries[0] for a different entry",
          "path": [
            "entries",
            1,
            "idempotencyKey",
          ],
        },
      ]
    `);
  });

  it('reports duplicate ids of different entries with duplicate_id', () => {
    const error = errorOf(() => pointsBalance([earn('e1', '2024-01-01', 100), earn('e1', '2024-01-02', 100)], { asOf: '2024-02-01' }));
    expect(error.code).toBe('duplicate_id');
    expect(error.issues.map((issue) => issue.path)).toEqual([['entries', 1, 'id']]);
  });

  it('rejects a redemption larger than the balance, naming the entry and the shortfall, and lists every one', () => {
    const error = errorOf(() =>
      pointsBalance([earn('e1', '2024-01-01', 100), redeem('r1', '2024-01-05', 150), redeem('r2', '2024-01-06', 60), redeem('r3', '2024-01-07', 60)], {
        asOf: '2024-02-01',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "insufficient_points",
          "message": "The redemption "r1" of 150 points on 2024-01-05T00:00:00.000Z exceeds the 100 points available: short by 50",
          "path": [
            "entries",
            1,
            "points",
          ],
        },
        {
          "code": "insufficient_points",
          "message": "The redemption "r3" of 60 points on 2024-01-07T00:00:00.000Z exceeds the 40 points available: short by 20",
          "path": [
            "entries",
            3,
            "points",
          ],
        },
      ]
    `);
  });

  it('cannot spend pending points', () => {
    const error = errorOf(() => pointsBalance([earn('e1', '2024-01-01', 100, { availableAt: '2024-02-01' }), redeem('r1', '2024-01-15', 10)], { asOf: '2024-03-01' }));
    expect(error.issues[0]).toMatchObject({ code: 'insufficient_points', path: ['entries', 1, 'points'] });
  });

  it.each([
    ['soonest_expiring', [['e2', 0], ['e1', 100]]],
    ['oldest_earned', [['e1', 0], ['e2', 100]]],
  ] as const)('consumes lots in %s order', (consumption, lots) => {
    const balance = pointsBalance(
      [earn('e1', '2024-01-01', 100), earn('e2', '2024-02-01', 100, { expiresAt: '2024-03-01' }), redeem('r1', '2024-02-10', 100)],
      { asOf: '2024-02-15', policy: { consumption } },
    )[0]!;
    const remaining = Object.fromEntries(balance.lots.map((lot) => [lot.entryId, lot.remaining]));
    expect(lots.map(([id]) => [id, remaining[id] ?? 0])).toEqual(lots.map(([id, left]) => [id, left]));
  });

  it.each([
    [{ kind: 'never' }, '2030-01-01', 100, null],
    [{ kind: 'after', amount: 30, unit: 'day' }, '2024-02-29', 100, '2024-03-01T00:00:00.000Z'],
    [{ kind: 'after', amount: 30, unit: 'day' }, '2024-03-01', 0, null],
    [{ kind: 'after', amount: 1, unit: 'month' }, '2024-02-28', 100, '2024-02-29T00:00:00.000Z'],
    [{ kind: 'end_of_period', period: 'month' }, '2024-01-31T23:59:59Z', 100, '2024-02-01T00:00:00.000Z'],
    [{ kind: 'end_of_period', period: 'month' }, '2024-02-01', 0, null],
    [{ kind: 'end_of_period', period: 'year', periodsAfter: 1 }, '2025-12-31', 100, '2026-01-01T00:00:00.000Z'],
    [{ kind: 'inactivity', amount: 6, unit: 'month' }, '2024-07-30', 100, '2024-07-31T00:00:00.000Z'],
    [{ kind: 'inactivity', amount: 6, unit: 'month' }, '2024-07-31', 0, null],
  ] as const)('expiry %j: a lot earned 2024-01-31 has %s → %i points open (expiring %s)', (expiry, asOf, open, expiresAt) => {
    const balance = only([earn('e1', '2024-01-31', 100)], { asOf, policy: { expiry } });
    expect(balance.available).toBe(open);
    expect(balance.expired).toBe(100 - open);
    expect(balance.lots[0]?.expiresAt ?? null).toBe(open === 0 ? null : expiresAt);
  });

  it('lets a lot explicit expiresAt win over the policy, and a lot cannot be spent at its expiry instant', () => {
    const entries = [earn('e1', '2024-01-01', 100, { expiresAt: '2024-01-10' })];
    expect(only(entries, { asOf: '2024-01-09', policy: { expiry: { kind: 'after', amount: 1, unit: 'day' } } }).available).toBe(100);
    const error = errorOf(() => pointsBalance([...entries, redeem('r1', '2024-01-10', 1)], { asOf: '2024-02-01' }));
    expect(error.issues[0]?.code).toBe('insufficient_points');
  });

  it('resets the inactivity clock with each earn or redemption, not with adjustments', () => {
    const policy = { expiry: { kind: 'inactivity', amount: 90, unit: 'day' } } as const;
    const active = [earn('e1', '2024-01-01', 100), redeem('r1', '2024-03-01', 10)];
    expect(only(active, { asOf: '2024-05-29', policy }).available).toBe(90);
    expect(only(active, { asOf: '2024-05-30', policy })).toMatchObject({ available: 0, expired: 90 });
    const adjusted: PointsEntryInput[] = [earn('e1', '2024-01-01', 100), { type: 'adjust', id: 'a1', customerId: 'c1', at: '2024-03-01', points: 5, reason: 'goodwill' }];
    expect(only(adjusted, { asOf: '2024-03-31', policy })).toMatchObject({ available: 0, expired: 105, adjusted: 5 });
  });

  it('claws back the unspent part of a reversed earn and reports the rest', () => {
    const balance = only([earn('e1', '2024-01-01', 100), earn('e2', '2024-01-02', 50), redeem('r1', '2024-01-03', 120), reverse('x1', '2024-01-04', 'e1')], {
      asOf: '2024-02-01',
      policy: { consumption: 'oldest_earned' },
    });
    expect(balance).toMatchObject({ available: 30, reversed: 0, earned: 150, redeemed: 120 });
    expect(balance.reversals).toEqual([
      { entryId: 'x1', reverses: 'e1', kind: 'claw_back', requested: 100, clawedBack: 0, fromBalance: 0, belowZero: 0, unrecovered: 100, restored: 0 },
    ]);
  });

  it('takes an unrecovered return from the balance, below zero, only when the policy allows it; later earns repay it', () => {
    const entries = [earn('e1', '2024-01-01', 100), earn('e2', '2024-01-02', 50), redeem('r1', '2024-01-03', 120), reverse('x1', '2024-01-04', 'e1')];
    const policy = { consumption: 'oldest_earned', negativeBalance: 'for_returns' } as const;
    const balance = only(entries, { asOf: '2024-02-01', policy });
    expect(balance).toMatchObject({ available: -70, reversed: 100, lots: [] });
    expect(balance.reversals[0]).toMatchObject({ clawedBack: 0, fromBalance: 30, belowZero: 70, unrecovered: 0 });
    const repaid = only([...entries, earn('e3', '2024-01-05', 100)], { asOf: '2024-02-01', policy });
    expect(repaid).toMatchObject({ available: 30, lots: [{ entryId: 'e3', remaining: 30 }] });
  });

  it('restores a reversed redemption to the lots it came from, which keep their expiry', () => {
    const policy = { expiry: { kind: 'after', amount: 10, unit: 'day' } } as const;
    const entries = [earn('e1', '2024-01-01', 100), redeem('r1', '2024-01-05', 80), reverse('x1', '2024-01-06', 'r1', 30)];
    expect(only(entries, { asOf: '2024-01-07', policy })).toMatchObject({ available: 50, redeemed: 50, lots: [{ entryId: 'e1', remaining: 50 }] });
    expect(only(entries, { asOf: '2024-01-11', policy })).toMatchObject({ available: 0, expired: 50, redeemed: 50 });
    const error = errorOf(() => pointsBalance([...entries, reverse('x2', '2024-01-07', 'r1', 60)], { asOf: '2024-01-08', policy }));
    expect(error.issues).toEqual([
      {
        code: 'reversal_exceeds_entry',
        path: ['entries', 3, 'points'],
        message: 'The reversal "x2" on 2024-01-07T00:00:00.000Z asks for 60 points, but only 50 are left to reverse',
      },
    ]);
  });

  it('applies expire entries to a named lot or in consumption order', () => {
    const entries: PointsEntryInput[] = [
      earn('e1', '2024-01-01', 100),
      earn('e2', '2024-01-02', 100),
      { type: 'expire', id: 'x1', customerId: 'c1', at: '2024-06-01', points: 40, lotId: 'e2' },
      { type: 'expire', id: 'x2', customerId: 'c1', at: '2024-06-02', points: 30 },
    ];
    const balance = only(entries, { asOf: '2024-07-01', policy: { consumption: 'oldest_earned' } });
    expect(balance).toMatchObject({ available: 130, expired: 70 });
    expect(balance.lots.map((lot) => [lot.entryId, lot.remaining])).toEqual([['e1', 70], ['e2', 60]]);
  });

  it('answers point-in-time queries from the full ledger', () => {
    const ledger = [earn('e1', '2024-01-01', 100), redeem('r1', '2024-02-01', 40), earn('e2', '2024-03-01', 10)];
    expect(only(ledger, { asOf: '2024-01-31' })).toMatchObject({ available: 100, redeemed: 0 });
    expect(only(ledger, { asOf: '2024-02-01' })).toMatchObject({ available: 60, redeemed: 40 });
    expect(only(ledger, { asOf: '2024-12-31' })).toMatchObject({ available: 70, earned: 110 });
    const error = errorOf(() => pointsBalance(ledger, { asOf: '2024-01-31', futureEntries: 'reject' }));
    expect(error.code).toBe('future_date');
    expect(error.issues.map((issue) => issue.path)).toEqual([['entries', 1, 'at'], ['entries', 2, 'at']]);
  });

  it.each([
    ['NaN points', { ...earn('e1', '2024-01-01', 1), points: Number.NaN }, ['entries', 0, 'points']],
    ['infinite points', { ...earn('e1', '2024-01-01', 1), points: Number.POSITIVE_INFINITY }, ['entries', 0, 'points']],
    ['fractional points', { ...earn('e1', '2024-01-01', 1), points: 1.5 }, ['entries', 0, 'points']],
    ['an invalid date', { ...earn('e1', '2024-01-01', 1), at: '2024-02-30' }, ['entries', 0, 'at']],
    ['availableAt before the earn', earn('e1', '2024-01-02', 1, { availableAt: '2024-01-01' }), ['entries', 0, 'availableAt']],
    ['expiresAt before availableAt', earn('e1', '2024-01-01', 1, { availableAt: '2024-01-05', expiresAt: '2024-01-05' }), ['entries', 0, 'expiresAt']],
    ['a reversal of an unknown entry', reverse('x1', '2024-01-01', 'nope'), ['entries', 0, 'reverses']],
  ])('rejects %s with its path', (_name, entry, path) => {
    const error = errorOf(() => pointsBalance([entry as PointsEntryInput], { asOf: '2024-06-01' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('rejects a reversal of another customer entry, or of a later one', () => {
    const error = errorOf(() =>
      pointsBalance(
        [
          earn('e1', '2024-01-05', 10),
          { ...reverse('x1', '2024-01-06', 'e1'), customerId: 'c2' },
          reverse('x2', '2024-01-04', 'e1'),
        ],
        { asOf: '2024-06-01' },
      ),
    );
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_reversal', ['entries', 1, 'reverses']],
      ['invalid_reversal', ['entries', 2, 'reverses']],
    ]);
  });

  it('reports invalid options with invalid_options', () => {
    const error = errorOf(() => pointsBalance([], { asOf: 'yesterday', policy: { expiry: { kind: 'after', amount: 0, unit: 'day' } } }));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((issue) => issue.path)).toEqual([['asOf'], ['policy', 'expiry', 'amount']]);
  });

  it.each([
    ['no entries', [], []],
    ['only future entries', [earn('e1', '2025-01-01', 10)], [{ customerId: 'c1', available: 0, earned: 0, lots: [] }]],
  ])('handles %s', (_name, entries, expected) => {
    expect(pointsBalance(entries, { asOf: '2024-06-01' })).toMatchObject(expected);
  });

  it('orders members by id in code-unit order and never mutates its input', () => {
    const entries = Object.freeze([
      Object.freeze({ ...earn('e1', '2024-01-01', 5), customerId: 'b' }),
      Object.freeze({ ...earn('e2', '2024-01-01', 5), customerId: 'B' }),
      Object.freeze({ ...earn('e3', '2024-01-01', 5), customerId: 'a' }),
    ]) as readonly PointsEntryInput[];
    const before = structuredClone(entries);
    expect(pointsBalance(entries, { asOf: '2024-06-01' }).map((b) => b.customerId)).toEqual(['B', 'a', 'b']);
    expect(entries).toEqual(before);
  });
});
