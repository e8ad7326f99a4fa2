import { summarizeHistories } from '../clv/summarizeHistories.js';
import type { PurchaseHistory } from '../clv/purchaseHistory.js';
import type { TimeUnit } from '../models/primitives.js';
import type { Transaction } from '../models/transaction.js';
import type { RfmSummary } from '../rfm/rfmSummary.js';
import { summarizeRfm } from '../rfm/summarizeRfm.js';

/** The per-customer summaries the commands work from. */
export interface InputSummary {
  /** BTYD histories (x, tx, T in `timeUnit`, mean repeat spend), by customer id. */
  readonly histories: PurchaseHistory[];
  /** RFM summaries (recency, frequency, monetary), by customer id. */
  readonly rfm: RfmSummary[];
  /** Valid transactions dated after `asOf`, left out of the summaries. */
  readonly afterAsOf: number;
}

/** Receives the valid transactions chunk by chunk and gives the summaries at the end. */
export interface InputSummarizer {
  add(valid: readonly Transaction[]): void;
  finish(): InputSummary;
}

/**
 * The one place where the commands turn transactions into per-customer summaries, so that the
 * streaming accumulator (`createSummaryAccumulator` from relmark's summaries area) replaces this in
 * one place. Until then it keeps the valid transactions up to `asOf` and summarises them at the end
 * (memory grows with the number of transactions); transactions after `asOf` are counted and left out.
 */
export function createInputSummarizer(options: { readonly asOf: Date; readonly timeUnit: TimeUnit }): InputSummarizer {
  const kept: Transaction[] = [];
  const end = options.asOf.getTime();
  let afterAsOf = 0;
  return {
    add(valid) {
      for (const t of valid) {
        if (t.at.getTime() > end) afterAsOf++;
        else kept.push(t);
      }
    },
    finish() {
      // A refund whose purchase was dated after asOf (and left out) is left out too.
      const purchaseIds = new Set<string>();
      for (const t of kept) if (t.kind === 'purchase' && t.id !== undefined) purchaseIds.add(t.id);
      const transactions = kept.filter((t) => t.kind === 'purchase' || purchaseIds.has(t.refundOf ?? ''));
      afterAsOf += kept.length - transactions.length;
      if (transactions.length === 0) return { histories: [], rfm: [], afterAsOf };
      const histories = summarizeHistories(transactions, { asOf: options.asOf, timeUnit: options.timeUnit });
      const rfm = summarizeRfm(transactions, { asOf: options.asOf, timeUnit: 'day' }).summaries;
      return { histories, rfm, afterAsOf };
    },
  };
}
