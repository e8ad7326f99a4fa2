import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeHistories } from '../clv/summarizeHistories.js';
import { createCustomerTotals, type TotalsBatch } from './customerTotals.js';

const day = 86_400_000;
const start = Date.UTC(2024, 0, 1);

// finish(…, { litt: true }) is what the CLI fits MBG/CNBD-k on: it must equal summarizeHistories' litt.
describe('createCustomerTotals with litt', () => {
  it("gives summarizeHistories' litt (sum of log gaps between purchase days), whatever the row order and batching", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ customer: fc.nat(4), day: fc.nat(90), hour: fc.nat(23) }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('day', 'week') as fc.Arbitrary<'day' | 'week'>,
        (purchases, batch, timeUnit) => {
          const transactions = purchases.map((p, i) => ({ id: `p${i}`, customerId: `c${p.customer}`, at: start + p.day * day + p.hour * 3_600_000, amount: 1 }));
          const ids = [...new Set(transactions.map((t) => t.customerId))];
          const totals = createCustomerTotals({ occasions: true });
          for (let from = 0; from < transactions.length; from += batch) {
            const part = transactions.slice(from, from + batch);
            const columns: TotalsBatch = {
              length: part.length,
              customer: Int32Array.from(part, (t) => ids.indexOf(t.customerId)),
              at: Float64Array.from(part, (t) => t.at),
              amount: Float64Array.from(part, (t) => t.amount),
              refund: new Uint8Array(part.length),
              refundedAt: new Float64Array(part.length).fill(Number.NaN),
            };
            totals.add(columns);
          }
          const asOf = start + 100 * day;
          const got = totals.finish(asOf, timeUnit, { litt: true });
          const histories = new Map(summarizeHistories(transactions, { asOf, timeUnit, litt: true }).map((h) => [h.customerId, h]));
          got.customer.forEach((c, j) => {
            const h = histories.get(ids[c] as string);
            expect(got.x[j]).toBe(h?.x);
            expect(Math.abs((got.litt?.[j] as number) - (h?.litt as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(h?.litt as number)));
          });
        },
      ),
    );
  });

  it('adds no litt column unless asked', () => {
    const totals = createCustomerTotals({ occasions: true });
    totals.add({ length: 1, customer: Int32Array.of(0), at: Float64Array.of(start), amount: Float64Array.of(1), refund: new Uint8Array(1), refundedAt: Float64Array.of(Number.NaN) });
    expect('litt' in totals.finish(start + day, 'week')).toBe(false);
  });
});
