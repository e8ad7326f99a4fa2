import { describe, expect, it } from 'vitest';
import { summarizeHistories } from 'relmark/clv';
import { summarizeRfm } from 'relmark/rfm';
import { createSummaryAccumulator, restoreSummaryAccumulator } from 'relmark/summaries';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const asOf = '2024-02-01';
const log = [
  { id: 'p1', customerId: 'ann', at: '2024-01-02T09:00:00Z', amount: 12.3 },
  { id: 'p2', customerId: 'ann', at: '2024-01-02T18:00:00Z', amount: 4.56 },
  { id: 'p3', customerId: 'ann', at: '2024-01-20', amount: 30.1 },
  { id: 'r1', customerId: 'ann', at: '2024-01-25', amount: 10.05, kind: 'refund' as const, refundOf: 'p3' },
  { id: 'p4', customerId: 'bob', at: '2024-01-05', amount: 7.77 },
  { id: 'p5', customerId: 'bob', at: '2024-01-31T23:59:59Z', amount: 0.1 },
];

describe('createSummaryAccumulator', () => {
  it('matches the batch functions on decimal amounts, up to rounding of sums in another order', () => {
    const acc = createSummaryAccumulator({ asOf, timeUnit: 'day' });
    acc.add(log.slice(3));
    acc.add(log.slice(0, 3));
    const batch = summarizeHistories(log, { asOf, timeUnit: 'day' });
    const got = acc.histories();
    expect(got.map(({ monetaryMean: _, ...h }) => h)).toEqual(batch.map(({ monetaryMean: _, ...h }) => h));
    got.forEach((h, i) => expect(h.monetaryMean).toBeCloseTo(batch[i]!.monetaryMean!, 12));
    const rfm = summarizeRfm(log, { asOf }).summaries;
    acc.rfmSummaries().forEach((s, i) => {
      expect(s.revenue).toBeCloseTo(rfm[i]!.revenue, 12);
      expect([s.customerId, s.recency, s.frequency, s.orders]).toEqual([rfm[i]!.customerId, rfm[i]!.recency, rfm[i]!.frequency, rfm[i]!.orders]);
    });
    expect(acc.customers).toBe(2);
    expect(acc.rows).toBe(6);
  });

  it('is empty without rows', () => {
    const acc = createSummaryAccumulator({ asOf });
    acc.add([]);
    expect([acc.histories(), acc.rfmSummaries(), acc.customers, acc.rows, acc.excluded]).toEqual([[], [], 0, 0, { future: 0, beforeWindow: 0, refundsWithoutPurchase: 0 }]);
    expect(restoreSummaryAccumulator(acc.toJSON()).histories()).toEqual([]);
  });

  it('gives one customer with one occasion x = 0 and tx = 0', () => {
    const acc = createSummaryAccumulator({ asOf: '2024-01-15', timeUnit: 'day' });
    acc.add([{ customerId: 7, at: '2024-01-01', amount: 3 }]);
    expect(acc.histories()).toEqual([{ customerId: '7', x: 0, tx: 0, T: 14, monetaryMean: 0 }]);
  });

  it('merges a same-day purchase split across partitions into one occasion', () => {
    const a = createSummaryAccumulator({ asOf: '2024-01-15', timeUnit: 'day' });
    const b = createSummaryAccumulator({ asOf: '2024-01-15', timeUnit: 'day' });
    a.add([{ customerId: 'x', at: '2024-01-03T08:00:00Z', amount: 1 }, { customerId: 'x', at: '2024-01-01', amount: 1 }]);
    b.add([{ customerId: 'x', at: '2024-01-03T20:00:00Z', amount: 2 }]);
    a.merge(b);
    expect(a.histories()).toEqual([{ customerId: 'x', x: 1, tx: 2, T: 14, monetaryMean: 3 }]);
    expect(a.rfmSummaries({ frequency: 'days' })[0]?.frequency).toBe(2);
    expect(a.rfmSummaries()[0]?.frequency).toBe(3);
  });

  it('nets a refund that arrives before its purchase, in another partition', () => {
    const refunds = createSummaryAccumulator({ asOf: '2024-01-15', timeUnit: 'day' });
    refunds.add([{ id: 'r', customerId: 'x', at: '2024-01-10', amount: 4, kind: 'refund', refundOf: 'p' }]);
    expect(refunds.excluded.refundsWithoutPurchase).toBe(1);
    const purchases = createSummaryAccumulator({ asOf: '2024-01-15', timeUnit: 'day' });
    purchases.add([{ customerId: 'x', at: '2024-01-01', amount: 1 }, { id: 'p', customerId: 'x', at: '2024-01-05', amount: 10 }]);
    refunds.merge(purchases);
    expect(refunds.histories()).toEqual([{ customerId: 'x', x: 1, tx: 4, T: 14, monetaryMean: 6 }]);
    expect(refunds.excluded.refundsWithoutPurchase).toBe(0);
  });

  it('reports a refund whose purchase never arrived when a summary is read', () => {
    const acc = createSummaryAccumulator({ asOf });
    acc.add([{ customerId: 'x', at: '2024-01-01', amount: 1 }]);
    acc.add([{ id: 'r', customerId: 'x', at: '2024-01-10', amount: 4, kind: 'refund', refundOf: 'nope' }]);
    for (const read of [() => acc.histories(), () => acc.rfmSummaries()]) {
      const error = thrownRelmarkError(read);
      expect([error.code, error.issues.map((i) => [i.code, i.path])]).toEqual(['invalid_input', [['unknown_purchase', ['transactions', 1, 'refundOf']]]]);
    }
  });

  it('rejects an invalid chunk with every path (counted across chunks) and adds none of it', () => {
    const acc = createSummaryAccumulator({ asOf });
    acc.add([{ id: 'p1', customerId: 'a', at: '2024-01-01', amount: 1 }]);
    const error = thrownRelmarkError(() =>
      acc.add([
        { customerId: 'b', at: '2024-01-02', amount: 2 },
        { customerId: 'b', at: '2024-01-02', amount: -2 },
        { id: 'p1', customerId: 'b', at: '2024-01-03', amount: 2 },
        { customerId: 'b', at: '2024-03-01', amount: 2 },
      ] as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['too_small', ['transactions', 2, 'amount']],
      ['duplicate_id', ['transactions', 3, 'id']],
      ['future_date', ['transactions', 4, 'at']],
    ]);
    expect([acc.rows, acc.customers]).toEqual([1, 1]);
  });

  it.each([
    ['future_date', [{ customerId: 'b', at: '2024-03-01', amount: 2 }]],
    ['duplicate_id', [{ id: 'p', customerId: 'b', at: '2024-01-01', amount: 2 }, { id: 'p', customerId: 'b', at: '2024-01-02', amount: 2 }]],
  ])('throws %s when every issue is one', (code, rows) => {
    expect(thrownRelmarkError(() => createSummaryAccumulator({ asOf }).add(rows)).code).toBe(code);
  });

  it('excludes and counts rows after asOf with futureTransactions: exclude, and always in addUnchecked', () => {
    const rows = [
      { customerId: 'a', at: '2024-01-01', amount: 1 },
      { customerId: 'a', at: '2024-03-01', amount: 1 },
    ];
    const acc = createSummaryAccumulator({ asOf, futureTransactions: 'exclude' });
    acc.add(rows);
    expect([acc.excluded.future, acc.histories()]).toEqual([1, summarizeHistories(rows.slice(0, 1), { asOf })]);
    const unchecked = createSummaryAccumulator({ asOf });
    unchecked.addUnchecked(rows.map((r) => ({ ...r, at: new Date(r.at), kind: 'purchase' as const })));
    expect({ ...unchecked.toJSON(), options: null }).toEqual({ ...acc.toJSON(), options: null });
  });

  it.each([
    ['a missing asOf', {}],
    ['an unknown period', { asOf, period: 'hour' }],
    ['an unknown option', { asOf, window: { days: 3 } }],
  ])('rejects %s with invalid_options', (_name, options) => {
    expect(thrownRelmarkError(() => createSummaryAccumulator(options as never)).code).toBe('invalid_options');
  });

  it('refuses to merge accumulators with other options, itself, or shared transaction ids', () => {
    const a = createSummaryAccumulator({ asOf });
    a.add([{ id: 'p', customerId: 'a', at: '2024-01-01', amount: 1 }]);
    const otherUnit = createSummaryAccumulator({ asOf, timeUnit: 'day' });
    expect(thrownRelmarkError(() => a.merge(otherUnit)).issues.map((i) => i.path)).toEqual([['other', 'timeUnit']]);
    expect(thrownRelmarkError(() => a.merge(a)).code).toBe('invalid_input');
    expect(thrownRelmarkError(() => a.merge({} as never)).code).toBe('invalid_input');
    const b = createSummaryAccumulator({ asOf });
    b.add([{ id: 'p', customerId: 'b', at: '2024-01-02', amount: 1 }]);
    expect(thrownRelmarkError(() => a.merge(b)).issues.map((i) => [i.code, i.path])).toEqual([['duplicate_id', ['transactions', 1, 'id']]]);
    expect(a.rows).toBe(1);
  });

  it('rejects malformed snapshots with paths', () => {
    const acc = createSummaryAccumulator({ asOf });
    acc.add([{ customerId: 'a', at: '2024-01-01', amount: 1 }, { customerId: 'a', at: '2024-01-03', amount: 1 }]);
    const json = acc.toJSON();
    const broken = { ...json, customers: [{ ...json.customers[0]!, keys: [5, 4] }] };
    expect(thrownRelmarkError(() => restoreSummaryAccumulator(broken)).issues.map((i) => i.path)).toEqual([['snapshot', 'customers', 0, 'keys']]);
    expect(thrownRelmarkError(() => restoreSummaryAccumulator({ ...json, version: 2 })).issues.map((i) => i.path)).toEqual([['snapshot', 'version']]);
    expect(thrownRelmarkError(() => restoreSummaryAccumulator('{}')).code).toBe('invalid_input');
  });

  it('has a state that JSON.stringify and spreads do not expose', () => {
    const acc = createSummaryAccumulator({ asOf });
    expect(Object.keys(acc).sort()).toEqual(['add', 'addUnchecked', 'customers', 'excluded', 'histories', 'merge', 'rfmSummaries', 'rows', 'toJSON']);
  });
});
