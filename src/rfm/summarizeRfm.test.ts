import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as thrown } from '../../test/helpers/thrownRelmarkError.js';
import type { TransactionInput } from '../models/transaction.js';
import { summarizeRfm } from './summarizeRfm.js';

const asOf = '2024-03-31';
const log: TransactionInput[] = [
  { id: 'p1', customerId: 'ann', at: '2024-01-10', amount: 40 },
  { id: 'p2', customerId: 'ann', at: '2024-03-01T09:00:00Z', amount: 60 },
  { id: 'p3', customerId: 'ann', at: '2024-03-01T17:00:00Z', amount: 20 },
  { id: 'r1', customerId: 'ann', at: '2024-03-05', amount: 10, kind: 'refund', refundOf: 'p2' },
  { id: 'p4', customerId: 7, at: '2023-12-24', amount: 25 },
];


describe('summarizeRfm', () => {
  it('computes recency, frequency, net monetary, orders, revenue and dates per customer, sorted by id', () => {
    const result = summarizeRfm(log, { asOf });
    expect(result.summaries).toEqual([
      {
        customerId: '7',
        recency: 98,
        frequency: 1,
        monetary: 25,
        orders: 1,
        revenue: 25,
        firstPurchaseAt: new Date('2023-12-24T00:00:00Z'),
        lastPurchaseAt: new Date('2023-12-24T00:00:00Z'),
      },
      {
        customerId: 'ann',
        recency: (29 * 24 + 7) / 24, // last purchase 2024-03-01 17:00 UTC: 29 days 7 hours before asOf
        frequency: 3,
        monetary: 110,
        orders: 3,
        revenue: 110,
        firstPurchaseAt: new Date('2024-01-10T00:00:00Z'),
        lastPurchaseAt: new Date('2024-03-01T17:00:00Z'),
      },
    ]);
    expect(result.asOf).toEqual(new Date('2024-03-31T00:00:00Z'));
    expect(result.windowStart).toBeNull();
    expect(result.excluded).toEqual({ future: 0, beforeWindow: 0, refundsWithoutPurchase: 0 });
  });

  it('counts distinct UTC days with frequency: "days" and divides by frequency with monetary: "mean"', () => {
    const ann = summarizeRfm(log, { asOf, frequency: 'days', monetary: 'mean' }).summaries[1];
    expect(ann?.frequency).toBe(2); // 2024-01-10 and 2024-03-01 (two purchases that day)
    expect(ann?.orders).toBe(3);
    expect(ann?.monetary).toBe(55); // 110 net over 2 days
  });

  it('reports recency in the requested unit (month = 30.4375 days)', () => {
    const byUnit = (timeUnit: 'week' | 'month' | 'year') => summarizeRfm(log, { asOf, timeUnit }).summaries[0]?.recency;
    expect(byUnit('week')).toBe(14);
    expect(byUnit('month')).toBe(98 / 30.4375);
    expect(byUnit('year')).toBe(98 / 365.25);
  });

  it('rejects transactions after asOf with future_date and the path of each', () => {
    const error = thrown(() => summarizeRfm(log, { asOf: '2024-02-01' }));
    expect(error.code).toBe('future_date');
    expect(error.issues.map((i) => i.path)).toEqual([
      ['transactions', 1, 'at'],
      ['transactions', 2, 'at'],
      ['transactions', 3, 'at'],
    ]);
    expect(error.issues[0]).toMatchInlineSnapshot(`
      {
        "code": "future_date",
        "message": "Transaction at 2024-03-01T09:00:00.000Z is after asOf 2024-02-01T00:00:00.000Z",
        "path": [
          "transactions",
          1,
          "at",
        ],
      }
    `);
  });

  it('excludes and counts transactions after asOf when asked', () => {
    const result = summarizeRfm(log, { asOf: '2024-02-01', futureTransactions: 'exclude' });
    expect(result.excluded.future).toBe(3);
    expect(result.summaries.map((s) => [s.customerId, s.frequency, s.monetary])).toEqual([
      ['7', 1, 25],
      ['ann', 1, 40],
    ]);
  });

  it('restricts the history to a window of calendar months, days or a start', () => {
    // 2024-03-31 minus 1 calendar month is 2024-02-29 (clamped), so p1 and p4 fall outside.
    const months = summarizeRfm(log, { asOf, window: { months: 1 } });
    expect(months.windowStart).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(months.excluded.beforeWindow).toBe(2);
    expect(months.summaries.map((s) => [s.customerId, s.frequency, s.monetary])).toEqual([['ann', 2, 70]]);
    const days = summarizeRfm(log, { asOf, window: { days: 31 } });
    expect(days.windowStart).toEqual(new Date('2024-02-29T00:00:00Z'));
    const start = summarizeRfm(log, { asOf, window: { start: '2024-01-10' } });
    expect(start.summaries.map((s) => s.customerId)).toEqual(['ann']);
    expect(start.summaries[0]?.frequency).toBe(3);
  });

  it('nets refunds by their own date, and counts refunds of customers without a purchase in range', () => {
    const rows: TransactionInput[] = [
      { id: 'p1', customerId: 'x', at: '2024-01-05', amount: 30 },
      { id: 'r1', customerId: 'x', at: '2024-03-10', amount: 30, kind: 'refund', refundOf: 'p1' },
    ];
    const all = summarizeRfm(rows, { asOf });
    expect(all.summaries.map((s) => [s.frequency, s.monetary])).toEqual([[1, 0]]);
    const lastMonth = summarizeRfm(rows, { asOf, window: { months: 1 } });
    expect(lastMonth.summaries).toEqual([]);
    expect(lastMonth.excluded).toEqual({ future: 0, beforeWindow: 1, refundsWithoutPurchase: 1 });
  });

  it.each([
    ['no transactions', [], []],
    ['one purchase exactly at asOf', [{ customerId: 'a', at: asOf, amount: 5 }], [['a', 0, 1, 5]]],
    ['a zero amount', [{ customerId: 'a', at: '2024-03-30', amount: 0 }], [['a', 1, 1, 0]]],
    [
      'all customers equal',
      [
        { customerId: 'b', at: '2024-03-30', amount: 5 },
        { customerId: 'a', at: '2024-03-30', amount: 5 },
      ],
      [
        ['a', 1, 1, 5],
        ['b', 1, 1, 5],
      ],
    ],
  ] as [string, TransactionInput[], unknown[]][])('edge case: %s', (_name, rows, expected) => {
    expect(summarizeRfm(rows, { asOf }).summaries.map((s) => [s.customerId, s.recency, s.frequency, s.monetary])).toEqual(expected);
  });

  it('reports every invalid field at once with its path (NaN, Infinity, bad dates)', () => {
    const error = thrown(() =>
      summarizeRfm(
        [
          { customerId: 'a', at: '2024-01-01', amount: Number.NaN },
          { customerId: 'b', at: 'yesterday', amount: 3 },
          { customerId: 'c', at: '2024-01-01', amount: Number.POSITIVE_INFINITY },
          { customerId: 'd', at: '2025-01-01', amount: 1 },
        ],
        { asOf },
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['transactions', 0, 'amount']],
      ['custom', ['transactions', 1, 'at']],
      ['invalid_type', ['transactions', 2, 'amount']],
      ['future_date', ['transactions', 3, 'at']],
    ]);
  });

  it('rejects repeated transaction ids with duplicate_id', () => {
    const error = thrown(() =>
      summarizeRfm(
        [
          { id: 't', customerId: 'a', at: '2024-01-01', amount: 1 },
          { id: 't', customerId: 'b', at: '2024-01-02', amount: 1 },
        ],
        { asOf },
      ),
    );
    expect(error.code).toBe('duplicate_id');
    expect(error.issues.map((i) => i.path)).toEqual([['transactions', 1]]);
  });

  it('rejects invalid options with invalid_options and their paths', () => {
    const missing = thrown(() => summarizeRfm(log, {} as never));
    expect(missing.code).toBe('invalid_options');
    expect(missing.issues.map((i) => i.path)).toEqual([['asOf']]);
    const bad = thrown(() => summarizeRfm(log, { asOf, timeUnit: 'fortnight' as never, window: { months: 2, days: 3 } }));
    expect(bad.code).toBe('invalid_options');
    expect(bad.issues.map((i) => i.path)).toEqual([['timeUnit'], ['window']]);
  });

  it('does not mutate its input', () => {
    const frozen = Object.freeze(log.map((t) => Object.freeze({ ...t })));
    const copy = structuredClone(frozen);
    summarizeRfm(frozen, { asOf });
    expect(frozen).toEqual(copy);
  });
});
