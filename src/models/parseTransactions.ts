import { checkBatchOptions } from '../internal/guards.js';
import type { RelmarkIssue } from '../errors/RelmarkError.js';
import { type BatchResult, type CrossRowIssue, type IndexedRow, parseBatch } from './parse.js';
import { type Transaction, TransactionSchema } from './transaction.js';

/** Options for {@link parseTransactions}. @category Parsing */
export interface ParseTransactionsOptions {
  /** The container name in issue paths. @defaultValue 'rows' */
  readonly pathName?: string;
  /** The source line of each row, reported on rejected rows. */
  readonly lineOf?: (index: number) => number | undefined;
}

/**
 * Parses transaction rows and checks them across rows; returns the valid transactions and every
 * rejected row with its reasons (see {@link parseBatch}).
 *
 * @remarks
 * Besides {@link TransactionSchema} per row, a row is rejected when:
 * - its `id` repeats an earlier row's (`duplicate_id`; the first is kept);
 * - it is a refund whose `refundOf` names no valid purchase (`unknown_purchase`), a purchase of
 *   another customer (`refund_customer_mismatch`) or in another currency (`refund_currency_mismatch`),
 *   or it precedes that purchase (`refund_before_purchase`);
 * - together with the earlier refunds of the same purchase (in time order, then input order) it
 *   exceeds the purchase amount (`refund_exceeds_purchase`); the issue names the shortfall.
 * Output order is input order.
 *
 * @param rows - Raw rows (from JSON, CSV records mapped to fields, or typed objects).
 * @param options - Path name and line numbers.
 * @throws {@link RelmarkError} `invalid_input` only if `rows` is not an array; `invalid_options` if `options` is not an object of the documented fields.
 * @example
 * ```ts
 * import { parseTransactions } from 'relmark/models';
 * const { valid, rejected } = parseTransactions([
 *   { id: 'p1', customerId: 'c1', at: '2024-01-01', amount: 50 },
 *   { id: 'r1', customerId: 'c1', at: '2024-01-05', amount: 20, kind: 'refund', refundOf: 'p1' },
 *   { id: 'r2', customerId: 'c1', at: '2024-01-06', amount: 40, kind: 'refund', refundOf: 'p1' },
 * ]);
 * [valid.length, rejected[0]?.issues[0]?.code];
 * //=> [2, 'refund_exceeds_purchase']
 * ```
 * @category Parsing
 */
export function parseTransactions(rows: readonly unknown[], options: ParseTransactionsOptions = {}): BatchResult<Transaction> {
  checkBatchOptions('parseTransactions', options);
  const pathName = options.pathName ?? 'rows';
  return parseBatch(TransactionSchema, rows, {
    pathName,
    uniqueKey: (t) => t.id,
    crossCheck: (valid) => checkRefunds(valid, pathName),
    ...(options.lineOf ? { lineOf: options.lineOf } : {}),
  });
}

function checkRefunds(rows: readonly IndexedRow<Transaction>[], pathName: string): CrossRowIssue[] {
  const purchases = new Map<string, Transaction>();
  for (const { value } of rows) if (value.kind === 'purchase' && value.id !== undefined) purchases.set(value.id, value);

  const refunds = rows
    .filter((row) => row.value.kind === 'refund')
    .sort((x, y) => x.value.at.getTime() - y.value.at.getTime() || x.index - y.index);
  const refunded = new Map<string, number>();
  const out: CrossRowIssue[] = [];
  const reject = (index: number, field: string, code: string, message: string) => {
    const issue: RelmarkIssue = { code, path: [pathName, index, field], message };
    out.push({ index, issue });
  };

  for (const { index, value: refund } of refunds) {
    const purchaseId = refund.refundOf ?? '';
    const purchase = purchases.get(purchaseId);
    if (!purchase) {
      reject(index, 'refundOf', 'unknown_purchase', `Refund names purchase "${purchaseId}", which is not a valid purchase in this batch`);
      continue;
    }
    if (purchase.customerId !== refund.customerId) {
      reject(index, 'customerId', 'refund_customer_mismatch', `Refund is for customer "${refund.customerId}" but purchase "${purchaseId}" is customer "${purchase.customerId}"'s`);
      continue;
    }
    if (purchase.currency !== refund.currency) {
      reject(index, 'currency', 'refund_currency_mismatch', `Refund currency ${refund.currency ?? '(none)'} differs from purchase currency ${purchase.currency ?? '(none)'}`);
      continue;
    }
    if (refund.at.getTime() < purchase.at.getTime()) {
      reject(index, 'at', 'refund_before_purchase', `Refund at ${refund.at.toISOString()} precedes purchase "${purchaseId}" at ${purchase.at.toISOString()}`);
      continue;
    }
    const before = refunded.get(purchaseId) ?? 0;
    const after = before + refund.amount;
    // A relative tolerance keeps sums of cents (0.1 + 0.2) from being flagged by rounding alone.
    if (after > purchase.amount * (1 + 1e-12) + 1e-9) {
      reject(
        index,
        'amount',
        'refund_exceeds_purchase',
        `Refunds of purchase "${purchaseId}" would total ${after} but it was ${purchase.amount} (exceeds by ${after - purchase.amount})`,
      );
      continue;
    }
    refunded.set(purchaseId, after);
  }
  return out;
}
