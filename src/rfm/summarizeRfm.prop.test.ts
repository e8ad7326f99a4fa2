import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { rfmTransactionsArbitrary } from '../testing/rfm.js';
import { summarizeRfm, type SummarizeRfmOptions } from './summarizeRfm.js';

const asOf = '2025-01-01';
const options = fc.constantFrom<SummarizeRfmOptions>(
  { asOf },
  { asOf, frequency: 'days', monetary: 'mean', timeUnit: 'week' },
  { asOf, window: { months: 6 } },
  { asOf: '2024-07-01', futureTransactions: 'exclude' },
);
const logs = rfmTransactionsArbitrary();

test.prop([logs, options])('summaries conserve the number of purchases and the net revenue', (log, opts) => {
  const result = summarizeRfm(log, opts);
  const asOfMs = new Date(`${opts.asOf as string}T00:00:00Z`).getTime();
  const start = result.windowStart?.getTime() ?? Number.NEGATIVE_INFINITY;
  const inRange = log.filter((t) => {
    const at = new Date(t.at as string).getTime();
    return at <= asOfMs && at >= start;
  });
  const customersWithPurchase = new Set(inRange.filter((t) => t.kind !== 'refund').map((t) => t.customerId));
  const counted = inRange.filter((t) => customersWithPurchase.has(t.customerId));
  const purchases = counted.filter((t) => t.kind !== 'refund');
  const net = counted.reduce((sum, t) => sum + (t.kind === 'refund' ? -t.amount : t.amount), 0);
  expect(result.summaries.reduce((sum, s) => sum + s.orders, 0)).toBe(purchases.length);
  expect(Math.abs(result.summaries.reduce((sum, s) => sum + s.revenue, 0) - net)).toBeLessThan(1e-6);
  expect(result.excluded.future + result.excluded.beforeWindow + result.excluded.refundsWithoutPurchase + counted.length).toBe(log.length);
  for (const s of result.summaries) {
    expect(s.recency).toBeGreaterThanOrEqual(0);
    expect(s.frequency).toBeGreaterThanOrEqual(1);
    expect(s.frequency).toBeLessThanOrEqual(s.orders);
    expect(s.firstPurchaseAt.getTime()).toBeLessThanOrEqual(s.lastPurchaseAt.getTime());
  }
});

test.prop([logs, options, fc.integer()])('a permutation of the transactions changes no summary (money up to rounding)', (log, opts, seed) => {
  const shuffled = fc.sample(fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), { numRuns: 1, seed })[0] ?? [];
  const a = summarizeRfm(shuffled, opts);
  const b = summarizeRfm(log, opts);
  const exact = (r: typeof a) => ({ ...r, summaries: r.summaries.map(({ monetary: _m, revenue: _r, ...rest }) => rest) });
  expect(exact(a)).toEqual(exact(b));
  // Floating-point addition is not associative: totals may differ in the last bits only.
  a.summaries.forEach((s, i) => {
    expect(Math.abs(s.revenue - b.summaries[i]!.revenue)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s.revenue)));
    expect(Math.abs(s.monetary - b.summaries[i]!.monetary)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s.monetary)));
  });
});

test.prop([logs, options])('never mutates its input', (log, opts) => {
  const frozen = Object.freeze(log.map((t) => Object.freeze({ ...t })));
  const before = structuredClone(frozen);
  summarizeRfm(frozen, Object.freeze({ ...opts }));
  expect(frozen).toEqual(before);
});
