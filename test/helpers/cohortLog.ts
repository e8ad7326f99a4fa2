import { fc } from '@fast-check/vitest';
import type { TransactionInput } from '../../src/models/transaction.js';

/**
 * Test support (not exported by the package): valid transaction logs for the cohort laws — a few
 * customers, purchases over two years with integer amounts (so that sums are exact in any order),
 * and refunds that follow their purchase and never exceed it. @internal
 */
export interface CohortLog {
  readonly transactions: TransactionInput[];
  readonly asOf: string;
}

const start = Date.UTC(2023, 0, 1);
const day = 86_400_000;

/** @internal */
export function cohortLogArbitrary(): fc.Arbitrary<CohortLog> {
  const purchase = fc.record({ customer: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 0, max: 700 }), hour: fc.integer({ min: 0, max: 23 }), amount: fc.integer({ min: 0, max: 500 }) });
  const refund = fc.record({ of: fc.nat(), after: fc.integer({ min: 0, max: 60 }), share: fc.double({ min: 0, max: 1, noNaN: true }) });
  return fc
    .record({ purchases: fc.array(purchase, { minLength: 1, maxLength: 40 }), refunds: fc.array(refund, { maxLength: 6 }), asOfDay: fc.integer({ min: 0, max: 760 }) })
    .map(({ purchases, refunds, asOfDay }) => {
      const transactions: TransactionInput[] = purchases.map((p, i) => ({
        id: `p${i}`,
        customerId: `c${p.customer}`,
        at: new Date(start + p.day * day + p.hour * 3_600_000).toISOString(),
        amount: p.amount,
      }));
      const refunded = new Set<number>();
      for (const [j, r] of refunds.entries()) {
        const i = r.of % purchases.length;
        if (refunded.has(i)) continue;
        refunded.add(i);
        const p = purchases[i]!;
        transactions.push({
          id: `r${j}`,
          customerId: `c${p.customer}`,
          at: new Date(start + (p.day + r.after) * day + p.hour * 3_600_000).toISOString(),
          amount: Math.floor(p.amount * r.share),
          kind: 'refund',
          refundOf: `p${i}`,
        });
      }
      return { transactions, asOf: new Date(start + asOfDay * day).toISOString() };
    });
}
