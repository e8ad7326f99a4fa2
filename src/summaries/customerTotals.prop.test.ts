import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeHistories } from '../clv/summarizeHistories.js';
import type { TransactionInput } from '../models/transaction.js';
import { summarizeRfm } from '../rfm/summarizeRfm.js';
import { createCustomerTotals, type TotalsBatch } from './customerTotals.js';

const day = 86_400_000;
const start = Date.UTC(2024, 0, 1);

/** Purchases of a few customers (several on one day), and refunds of parts of some of them. */
const logArbitrary = fc
  .array(fc.record({ customer: fc.nat(4), day: fc.nat(60), hour: fc.nat(23), cents: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 1, maxLength: 40 })
  .chain((purchases) =>
    fc.record({
      purchases: fc.constant(purchases),
      refunds: fc.array(fc.record({ of: fc.nat(purchases.length - 1), share: fc.integer({ min: 1, max: 4 }), later: fc.nat(10) }), { maxLength: 6 }),
      order: fc.shuffledSubarray([...Array(purchases.length).keys()], { minLength: purchases.length, maxLength: purchases.length }),
      batch: fc.integer({ min: 1, max: 7 }),
      // Date-sorted exports keep the occasions in a log; a row back in time moves them into the set.
      arrangement: fc.constantFrom('shuffled', 'sorted', 'sorted, some rows moved to the end'),
      moved: fc.subarray([...purchases.keys()]),
    }),
  );

describe('createCustomerTotals', () => {
  it('gives the histories of summarizeHistories and the summaries of summarizeRfm, whatever the row order and batching', () => {
    fc.assert(
      fc.property(logArbitrary, ({ purchases, refunds, order: shuffled, batch, arrangement, moved }) => {
        const byTime = [...purchases.keys()].sort((a, b) => (purchases[a]?.day ?? 0) * 24 + (purchases[a]?.hour ?? 0) - ((purchases[b]?.day ?? 0) * 24 + (purchases[b]?.hour ?? 0)));
        const order = arrangement === 'shuffled' ? shuffled : arrangement === 'sorted' ? byTime : [...byTime.filter((i) => !moved.includes(i)), ...moved];
        const transactions: TransactionInput[] = purchases.map((p, i) => ({ id: `p${i}`, customerId: `c${p.customer}`, at: start + p.day * day + p.hour * 3_600_000, amount: p.cents / 100 }));
        // Each purchase is refunded at most once, by a quarter to the whole of it.
        const refunded = new Set<number>();
        refunds.forEach((r, k) => {
          if (refunded.has(r.of)) return;
          refunded.add(r.of);
          const p = transactions[r.of] as { customerId: string; at: number; amount: number };
          transactions.push({ id: `r${k}`, customerId: p.customerId, at: p.at + r.later * day, amount: (p.amount * r.share) / 4, kind: 'refund', refundOf: `p${r.of}` });
        });
        const asOf = start + 80 * day;
        const rows = [...order.map((i) => transactions[i] as TransactionInput), ...transactions.slice(purchases.length)];
        const ids = [...new Set(rows.map((t) => String(t.customerId)))];
        const atOf = new Map(transactions.map((t) => [t.id, t.at as number]));
        const totals = createCustomerTotals({ occasions: true });
        for (let from = 0; from < rows.length; from += batch) {
          const part = rows.slice(from, from + batch);
          const columns: TotalsBatch = {
            length: part.length,
            customer: Int32Array.from(part, (t) => ids.indexOf(String(t.customerId))),
            at: Float64Array.from(part, (t) => t.at as number),
            amount: Float64Array.from(part, (t) => t.amount),
            refund: Uint8Array.from(part, (t) => (t.kind === 'refund' ? 1 : 0)),
            refundedAt: Float64Array.from(part, (t) => (t.kind === 'refund' ? (atOf.get(t.refundOf) as number) : Number.NaN)),
          };
          totals.add(columns);
        }
        const got = totals.finish(asOf, 'week');
        const histories = new Map(summarizeHistories(transactions, { asOf, timeUnit: 'week' }).map((h) => [h.customerId, h]));
        const rfm = new Map(summarizeRfm(transactions, { asOf }).summaries.map((s) => [s.customerId, s]));
        expect(got.customer.length).toBe(histories.size);
        got.customer.forEach((c, j) => {
          const id = ids[c] as string;
          const h = histories.get(id);
          const s = rfm.get(id);
          expect([got.x[j], got.tx[j], got.T[j]]).toEqual([h?.x, h?.tx, h?.T]);
          expect(got.monetaryMean[j]).toBeCloseTo(h?.monetaryMean ?? Number.NaN, 9);
          expect([got.recency[j], got.frequency[j], got.orders[j]]).toEqual([s?.recency, s?.frequency, s?.orders]);
          expect(got.monetary[j]).toBeCloseTo(s?.monetary ?? Number.NaN, 9);
        });
      }),
    );
  });

  it('counts a day seen before the switch from the ordered log to the set once (days 1, 2, then 0, 3, 2 again)', () => {
    const totals = createCustomerTotals({ occasions: true });
    const days = [1, 2, 0, 3, 2];
    totals.add({
      length: days.length,
      customer: new Int32Array(days.length),
      at: Float64Array.from(days, (d) => start + d * day),
      amount: new Float64Array(days.length).fill(1),
      refund: new Uint8Array(days.length),
      refundedAt: new Float64Array(days.length).fill(Number.NaN),
    });
    expect(totals.occasionCount).toBe(4);
    const got = totals.finish(start + 10 * day, 'day');
    expect([got.x[0], got.tx[0], got.T[0], got.orders[0]]).toEqual([3, 3, 10, 5]);
  });

  it('leaves out and counts rows after asOf, and conserves every other row', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ customer: fc.nat(3), day: fc.nat(30) }), { minLength: 1, maxLength: 30 }), fc.nat(30), (rows, cut) => {
        const asOf = start + cut * day;
        const totals = createCustomerTotals({ occasions: false, asOf });
        totals.add({
          length: rows.length,
          customer: Int32Array.from(rows, (r) => r.customer),
          at: Float64Array.from(rows, (r) => start + r.day * day),
          amount: new Float64Array(rows.length).fill(1),
          refund: new Uint8Array(rows.length),
          refundedAt: new Float64Array(rows.length).fill(Number.NaN),
        });
        const got = totals.finish(asOf, 'day');
        const kept = rows.filter((r) => r.day <= cut).length;
        expect(totals.future).toBe(rows.length - kept);
        expect(got.orders.reduce((n, o) => n + o, 0)).toBe(kept);
        expect(got.monetary.reduce((n, m) => n + m, 0)).toBe(kept);
      }),
    );
  });
});
