import type { PurchaseHistory } from '../clv/purchaseHistory.js';
import type { TimeUnit } from '../models/primitives.js';
import type { Transaction } from '../models/transaction.js';
import type { RfmSummary } from '../rfm/rfmSummary.js';
import { createSummaryAccumulator } from '../summaries/index.js';

/** The per-customer summaries the commands work from. */
export interface InputSummary {
  /** BTYD histories (x, tx, T in `timeUnit`, mean repeat spend), by customer id. */
  readonly histories: PurchaseHistory[];
  /** RFM summaries (recency in days, frequency, monetary), by customer id. */
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
 * The one place where the commands turn transactions into per-customer summaries: a summary
 * accumulator (relmark/summaries) fed chunk by chunk, so memory holds the per-customer state
 * (purchase occasions and RFM totals), never the file. Transactions after `asOf` are counted and left
 * out. When the file has no refund column, transaction ids are dropped before they reach the
 * accumulator: they would only be indexed to link refunds (about 100 bytes a row), and duplicate
 * ids have already been checked batch by batch.
 */
export function createInputSummarizer(options: { readonly asOf: Date; readonly timeUnit: TimeUnit; readonly keepIds: boolean }): InputSummarizer {
  const accumulator = createSummaryAccumulator({ asOf: options.asOf, timeUnit: options.timeUnit });
  return {
    add(valid) {
      accumulator.addUnchecked(options.keepIds ? valid : valid.map(({ id: _id, ...rest }) => rest));
    },
    finish() {
      return { histories: accumulator.histories(), rfm: accumulator.rfmSummaries({ timeUnit: 'day' }), afterAsOf: accumulator.excluded.future };
    },
  };
}
