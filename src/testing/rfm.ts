import fc from 'fast-check';
import type { TransactionInput } from '../models/transaction.js';
import type { RfmScoreInput } from '../rfm/rfmScore.js';
import type { RfmSummaryInput } from '../rfm/rfmSummary.js';

/** Constraints of {@link rfmSummariesArbitrary}. @category Testing */
export interface RfmSummariesConstraints {
  /** @defaultValue 0 */
  readonly minLength?: number;
  /** @defaultValue 60 */
  readonly maxLength?: number;
  /** Values are drawn from this many distinct levels per dimension (small = many ties). @defaultValue 1000 */
  readonly levels?: number;
}

/**
 * Customer-level RFM rows with unique ids (`c0`, `c1`, …, shuffled) and finite values: recency and
 * frequency non-negative, monetary any sign. Few `levels` give many ties.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rfmSummariesArbitrary } from 'relmark/testing';
 * fc.sample(rfmSummariesArbitrary({ minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 1 })[0]?.length;
 * //=> 3
 * ```
 * @category Testing
 */
export function rfmSummariesArbitrary(constraints: RfmSummariesConstraints = {}): fc.Arbitrary<RfmSummaryInput[]> {
  const levels = Math.max(1, constraints.levels ?? 1000);
  const value = fc.integer({ min: 0, max: levels - 1 });
  const row = fc.record({ recency: value, frequency: value, monetary: fc.integer({ min: -levels, max: levels - 1 }) });
  return fc
    .array(row, { minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 60 })
    .chain((rows) => fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }).map((order) =>
      rows.map((r, i) => ({
        customerId: `c${order[i] as number}`,
        recency: r.recency / 4,
        frequency: r.frequency,
        monetary: r.monetary / 8,
      })),
    ));
}

/** Constraints of {@link rfmTransactionsArbitrary}. @category Testing */
export interface RfmTransactionsConstraints {
  /** @defaultValue 6 */
  readonly maxCustomers?: number;
  /** @defaultValue 40 */
  readonly maxPurchases?: number;
}

/**
 * Valid purchase-and-refund logs in 2024, as of `'2025-01-01'`: unique transaction ids, each refund
 * naming an earlier purchase of the same customer and never exceeding it in total.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rfmTransactionsArbitrary } from 'relmark/testing';
 * const [log] = fc.sample(rfmTransactionsArbitrary(), { numRuns: 1, seed: 7 });
 * log!.every((t) => t.at < '2025-01-01');
 * //=> true
 * ```
 * @category Testing
 */
export function rfmTransactionsArbitrary(constraints: RfmTransactionsConstraints = {}): fc.Arbitrary<TransactionInput[]> {
  const maxCustomers = Math.max(1, constraints.maxCustomers ?? 6);
  const purchase = fc.record({
    customer: fc.integer({ min: 0, max: maxCustomers - 1 }),
    day: fc.integer({ min: 0, max: 365 }),
    minute: fc.integer({ min: 0, max: 1439 }),
    cents: fc.integer({ min: 0, max: 50_000 }),
    refundShare: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 4 }),
    refundDelay: fc.integer({ min: 0, max: 10 }),
  });
  return fc.array(purchase, { maxLength: constraints.maxPurchases ?? 40 }).map((purchases) => {
    const out: TransactionInput[] = [];
    purchases.forEach((p, i) => {
      const at = Date.UTC(2024, 0, 1) + p.day * 86_400_000 + p.minute * 60_000;
      out.push({ id: `p${i}`, customerId: `c${p.customer}`, at: new Date(at).toISOString(), amount: p.cents / 100 });
      if (p.refundShare !== null) {
        const refundAt = Math.min(at + p.refundDelay * 86_400_000, Date.UTC(2024, 11, 31));
        out.push({
          id: `r${i}`,
          customerId: `c${p.customer}`,
          at: new Date(Math.max(refundAt, at)).toISOString(),
          amount: Math.floor((p.cents * p.refundShare) / 100) / 100,
          kind: 'refund',
          refundOf: `p${i}`,
        });
      }
    });
    return out;
  });
}

/**
 * RFM score rows with unique ids and scores in 1…`bins`.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { rfmScoresArbitrary } from 'relmark/testing';
 * fc.sample(rfmScoresArbitrary({ bins: 3 }), { numRuns: 5, seed: 3 }).flat().every((s) => s.r <= 3);
 * //=> true
 * ```
 * @category Testing
 */
export function rfmScoresArbitrary(constraints: { readonly bins?: number; readonly maxLength?: number } = {}): fc.Arbitrary<RfmScoreInput[]> {
  const score = fc.integer({ min: 1, max: constraints.bins ?? 5 });
  return fc
    .array(fc.record({ r: score, f: score, m: score }), { maxLength: constraints.maxLength ?? 60 })
    .map((rows) => rows.map((s, i) => ({ customerId: `c${i}`, ...s })));
}
