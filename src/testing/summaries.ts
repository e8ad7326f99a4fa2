import * as fc from 'fast-check';
import type { TransactionInput } from '../models/transaction.js';

/** Constraints of {@link partitionedTransactionsArbitrary}. @category Testing */
export interface PartitionedTransactionsConstraints {
  /** The most customers in a log. @defaultValue 5 */
  readonly maxCustomers?: number;
  /** The most purchases in a log (each may add one refund). @defaultValue 30 */
  readonly maxPurchases?: number;
  /** The most partitions the log is split into. @defaultValue 3 */
  readonly maxPartitions?: number;
  /** The most chunks per partition. @defaultValue 3 */
  readonly maxChunks?: number;
}

/** A transaction log and one way of splitting it into partitions of chunks (see {@link partitionedTransactionsArbitrary}). @category Testing */
export interface PartitionedTransactions {
  /** The whole log, valid for `summarizeHistories` and `summarizeRfm` as of `asOf`. */
  readonly transactions: TransactionInput[];
  /** The same rows, shuffled and split: `partitions[p][c]` is chunk c of partition p; every row appears exactly once. */
  readonly partitions: TransactionInput[][][];
  /** An instant after every row (ISO string). */
  readonly asOf: string;
}

/**
 * A valid transaction log with same-day and same-instant purchases, refunds and several customers,
 * together with a random split of its rows into partitions and chunks in a random order: the input
 * of the law "merging the summaries of the parts gives the summary of the whole".
 *
 * @remarks
 * Purchases fall on a few days in January 2024 (so that periods repeat, also across partitions),
 * at a few distinct minutes; amounts are multiples of 0.25 up to 500 and refunds whole quarters of
 * their purchase, so that every sum of money is exact in binary floating point and results can be
 * compared with `toEqual`. Purchases carry ids `p0, p1, …`, refunds `r0, …` naming them. Parts may
 * be empty. The same fast-check seed gives the same value.
 * @param constraints - Sizes of the log and of the split.
 * @returns An arbitrary of {@link PartitionedTransactions}.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { partitionedTransactionsArbitrary } from 'relmark/testing';
 * const [split] = fc.sample(partitionedTransactionsArbitrary(), { numRuns: 1, seed: 4 });
 * split!.partitions.flat(2).length === split!.transactions.length;
 * //=> true
 * ```
 * @category Testing
 */
export function partitionedTransactionsArbitrary(constraints: PartitionedTransactionsConstraints = {}): fc.Arbitrary<PartitionedTransactions> {
  const maxCustomers = Math.max(1, constraints.maxCustomers ?? 5);
  const maxPartitions = Math.max(1, constraints.maxPartitions ?? 3);
  const maxChunks = Math.max(1, constraints.maxChunks ?? 3);
  const purchase = fc.record({
    customer: fc.integer({ min: 0, max: maxCustomers - 1 }),
    day: fc.integer({ min: 0, max: 20 }),
    minute: fc.constantFrom(0, 0, 30, 600, 1439),
    quarters: fc.integer({ min: 0, max: 2000 }),
    refund: fc.option(fc.record({ share: fc.integer({ min: 0, max: 4 }), delay: fc.integer({ min: 0, max: 5 }) }), { freq: 4 }),
  });
  const log = fc.array(purchase, { maxLength: constraints.maxPurchases ?? 30 }).map((purchases) => {
    const out: TransactionInput[] = [];
    purchases.forEach((p, i) => {
      const at = Date.UTC(2024, 0, 1) + p.day * 86_400_000 + p.minute * 60_000;
      out.push({ id: `p${i}`, customerId: `c${p.customer}`, at: new Date(at).toISOString(), amount: p.quarters / 4 });
      if (p.refund !== null) {
        out.push({
          id: `r${i}`,
          customerId: `c${p.customer}`,
          at: new Date(at + p.refund.delay * 86_400_000).toISOString(),
          amount: (Math.floor((p.quarters * p.refund.share) / 4) / 4),
          kind: 'refund',
          refundOf: `p${i}`,
        });
      }
    });
    return out;
  });
  return log.chain((transactions) =>
    fc
      .record({
        order: fc.shuffledSubarray(transactions.map((_, i) => i), { minLength: transactions.length, maxLength: transactions.length }),
        part: fc.array(fc.integer({ min: 0, max: maxPartitions * maxChunks - 1 }), { minLength: transactions.length, maxLength: transactions.length }),
      })
      .map(({ order, part }) => {
        const partitions: TransactionInput[][][] = Array.from({ length: maxPartitions }, () => Array.from({ length: maxChunks }, () => []));
        order.forEach((row, k) => {
          const slot = part[k] as number;
          (partitions[Math.floor(slot / maxChunks)] as TransactionInput[][])[slot % maxChunks]?.push(transactions[row] as TransactionInput);
        });
        return { transactions, partitions, asOf: '2024-02-01T00:00:00.000Z' };
      }),
  );
}
