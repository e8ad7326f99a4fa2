import { describe, expect, it } from 'vitest';
import { summarizeRfm, summarizeRfmColumns, summarizeRfmUnchecked, summarizeSegments } from 'relmark/rfm';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

// A customer's amounts must total within ±Number.MAX_VALUE; beyond it a sum would be Infinity and
// the mean NaN, so the summaries throw a RelmarkError that names the customer and the row instead.
const huge = [
  { id: 'a1', customerId: 'small', at: '2024-01-01', amount: 5 },
  { id: 'b1', customerId: 'big', at: '2024-01-02', amount: 1e308 },
  { id: 'b2', customerId: 'big', at: '2024-01-03', amount: 1e308 },
];

describe('amount overflow in the RFM summaries', () => {
  it('summarizeRfm throws amount_overflow naming the customer and the row where the total overflowed', () => {
    const error = thrownRelmarkError(() => summarizeRfm(huge, { asOf: '2024-02-01' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['amount_overflow', ['transactions', 2, 'amount']]]);
    expect(error.issues[0]?.message).toContain('"big"');
    expect(error.details).toEqual({ customerIds: ['big'] });
  });

  it('names the input row when excluded future rows come first', () => {
    const rows = [{ id: 'f', customerId: 'big', at: '2025-01-01', amount: 1 }, ...huge];
    const error = thrownRelmarkError(() => summarizeRfm(rows, { asOf: '2024-02-01', futureTransactions: 'exclude', monetary: 'mean' }));
    expect(error.issues.map((i) => i.path)).toEqual([['transactions', 3, 'amount']]);
  });

  it('summarizeRfmUnchecked and summarizeRfmColumns throw it too, with their own paths', () => {
    const rows = huge.map((t) => ({ ...t, at: new Date(t.at), kind: 'purchase' as const }));
    expect(thrownRelmarkError(() => summarizeRfmUnchecked(rows, { asOf: Date.UTC(2024, 1, 1) })).issues.map((i) => i.path)).toEqual([['transactions', 2, 'amount']]);
    const columns = { customer: Int32Array.of(0, 0, 1), customerIds: ['x', 'y'], at: Float64Array.of(0, 1, 2), amount: Float64Array.of(1.5e308, 1.5e308, 1) };
    const error = thrownRelmarkError(() => summarizeRfmColumns(columns, { asOf: 10 }));
    expect([error.code, error.issues.map((i) => i.path), error.details]).toEqual(['invalid_input', [['amount', 1]], { customerIds: ['x'] }]);
  });

  it('sums right up to the bound: amounts that total Number.MAX_VALUE give finite results', () => {
    const half = Number.MAX_VALUE / 2;
    const { summaries } = summarizeRfm(
      [
        { customerId: 'c', at: '2024-01-01', amount: half },
        { customerId: 'c', at: '2024-01-02', amount: half },
      ],
      { asOf: '2024-02-01', monetary: 'mean' },
    );
    expect([summaries[0]?.revenue, summaries[0]?.monetary]).toEqual([Number.MAX_VALUE, half]);
  });

  it('summarizeSegments throws amount_overflow naming the segment when its revenue overflows', () => {
    const summaries = [
      { customerId: 'a', recency: 1, frequency: 1, monetary: 1e308 },
      { customerId: 'b', recency: 1, frequency: 1, monetary: 1e308 },
    ];
    const segments = [
      { customerId: 'a', segment: 'Champions' },
      { customerId: 'b', segment: 'Champions' },
    ];
    const error = thrownRelmarkError(() => summarizeSegments(segments, summaries));
    expect([error.code, error.issues.map((i) => i.code)]).toEqual(['invalid_input', ['amount_overflow']]);
    expect(error.issues[0]?.message).toContain('Champions');
  });
});

describe('summarizeSegments near the bound', () => {
  it('gives finite shares when only the total over segments overflows', () => {
    const summaries = [
      { customerId: 'a', recency: 1, frequency: 1, monetary: 1.5e308 },
      { customerId: 'b', recency: 1, frequency: 1, monetary: 1.5e308 },
      { customerId: 'c', recency: 1, frequency: 1, monetary: 0 },
    ];
    const segments = [
      { customerId: 'a', segment: 'A' },
      { customerId: 'b', segment: 'B' },
      { customerId: 'c', segment: 'C' },
    ];
    const rows = summarizeSegments(segments, summaries);
    expect(rows.map((r) => [r.segment, r.revenue, r.revenueShare])).toEqual([
      ['A', 1.5e308, 0.5],
      ['B', 1.5e308, 0.5],
      ['C', 0, 0],
    ]);
  });
});
