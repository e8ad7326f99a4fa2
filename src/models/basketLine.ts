import * as z from 'zod';
import type { RelmarkIssue } from '../errors/RelmarkError.js';
import { checkBatchOptions, wrongType } from '../internal/guards.js';
import { type BatchResult, type CrossRowIssue, type IndexedRow, parseBatch } from './parse.js';
import { IdSchema, InstantSchema, MoneySchema } from './primitives.js';
import { OrderLineSchema } from './transaction.js';

/**
 * One order line placed in its basket: an {@link OrderLineSchema} line (`sku`, `quantity`,
 * `unitPrice`) that also names its transaction, its customer and its instant, and optionally a
 * product `category` and a line `id`.
 *
 * @remarks
 * The lines of one `transactionId` form one basket. `quantity` defaults to 1 and `unitPrice` is
 * optional here, because basket data (the arules Groceries set, point-of-sale exports) often has
 * neither; when given they must be positive and non-negative as in {@link OrderLineSchema}. `id` is
 * needed only to detect a line sent twice ({@link parseBasketLines} rejects a repeated id).
 * @example
 * ```ts
 * import { BasketLineSchema } from 'relmark/models';
 * const line = BasketLineSchema.parse({ transactionId: 't1', customerId: 7, at: '2024-05-01', sku: 'coffee' });
 * [line.customerId, line.quantity, line.at.toISOString()];
 * //=> ['7', 1, '2024-05-01T00:00:00.000Z']
 * BasketLineSchema.safeParse({ transactionId: 't1', customerId: 7, at: '2024-05-01', sku: 'tea', quantity: -1 }).success;
 * //=> false
 * ```
 * @category Models
 */
export const BasketLineSchema = OrderLineSchema.extend({
  id: IdSchema.optional(),
  transactionId: IdSchema,
  customerId: IdSchema,
  at: InstantSchema,
  category: z.string().min(1).optional(),
  quantity: z.number().positive().default(1),
  unitPrice: MoneySchema.optional(),
});
/** An order line in its basket, as produced by {@link BasketLineSchema}. @category Models */
export type BasketLine = z.output<typeof BasketLineSchema>;
/** What {@link BasketLineSchema} accepts. @category Models */
export type BasketLineInput = z.input<typeof BasketLineSchema>;

/** A transaction that order lines may name: its id and, when known, its customer. @category Parsing */
export interface BasketTransactionRef {
  readonly id?: string | undefined;
  readonly customerId?: string | undefined;
}

/** Options for {@link parseBasketLines}. @category Parsing */
export interface ParseBasketLinesOptions {
  /**
   * The known transactions (for example the `valid` rows of `parseTransactions`). When given, a
   * line whose `transactionId` is none of their ids is rejected (`unknown_transaction`), and so is a
   * line whose `customerId` differs from its transaction's (`transaction_customer_mismatch`).
   */
  readonly transactions?: readonly BasketTransactionRef[];
  /** The container name in issue paths. @defaultValue 'rows' */
  readonly pathName?: string;
  /** The source line of each row, reported on rejected rows. */
  readonly lineOf?: (index: number) => number | undefined;
}

/**
 * Parses order lines for basket analysis and returns the valid lines and every rejected row with
 * its reasons and original input (see {@link parseBatch}); nothing is dropped.
 *
 * @remarks
 * Besides {@link BasketLineSchema} per row (a missing `transactionId`, a negative or zero quantity,
 * a negative price are rejected with their paths), a row is rejected when:
 * - its `id` repeats an earlier row's (`duplicate_id`; the first is kept);
 * - `transactions` is given and the row names a transaction that is not in it
 *   (`unknown_transaction`), or one of another customer (`transaction_customer_mismatch`).
 * Output order is input order. Runs in O(n + transactions).
 *
 * @param rows - Raw rows (from JSON, CSV records mapped to fields, or typed objects); never mutated.
 * @param options - Known transactions, path name and line numbers.
 * @returns `{ valid, validIndices, rejected }`.
 * @throws {@link RelmarkError} `invalid_input` only if `rows` is not an array; `invalid_options` if
 *   `options` is not an object of the documented fields or `transactions` is not an array.
 * @example
 * ```ts
 * import { parseBasketLines } from 'relmark/models';
 * const { valid, rejected } = parseBasketLines(
 *   [
 *     { id: 'l1', transactionId: 't1', customerId: 'c1', at: '2024-05-01', sku: 'coffee', unitPrice: 7 },
 *     { id: 'l2', transactionId: 't9', customerId: 'c1', at: '2024-05-01', sku: 'filters' },
 *     { id: 'l1', transactionId: 't1', customerId: 'c1', at: '2024-05-01', sku: 'mug' },
 *     { id: 'l3', transactionId: 't1', customerId: 'c1', at: '2024-05-01', sku: 'tea', unitPrice: -2 },
 *   ],
 *   { transactions: [{ id: 't1', customerId: 'c1' }] },
 * );
 * [valid.length, rejected.map((r) => r.issues[0]?.code)];
 * //=> [1, ['unknown_transaction', 'duplicate_id', 'too_small']]
 * ```
 * @category Parsing
 */
export function parseBasketLines(rows: readonly unknown[], options: ParseBasketLinesOptions = {}): BatchResult<BasketLine> {
  checkBatchOptions('parseBasketLines', options);
  options ??= {};
  const pathName = options.pathName ?? 'rows';
  const transactions: unknown = options.transactions;
  let known: Map<string, string | undefined> | undefined;
  if (transactions !== undefined) {
    requireArrayOption(transactions);
    known = new Map();
    for (let i = 0; i < transactions.length; i++) {
      const t: unknown = transactions[i];
      const id: unknown = typeof t === 'object' && t !== null ? (t as BasketTransactionRef).id : undefined;
      if (typeof id !== 'string') continue;
      const customerId: unknown = (t as BasketTransactionRef).customerId;
      known.set(id, typeof customerId === 'string' ? customerId : undefined);
    }
  }
  return parseBatch(BasketLineSchema, rows, {
    pathName,
    uniqueKey: (line) => line.id,
    ...(known ? { crossCheck: (valid: readonly IndexedRow<BasketLine>[]) => checkTransactions(valid, known, pathName) } : {}),
    ...(options.lineOf ? { lineOf: options.lineOf } : {}),
  });
}

function requireArrayOption(value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw wrongType('parseBasketLines', ['options', 'transactions'], 'an array of transactions', value, 'invalid_options');
}

function checkTransactions(rows: readonly IndexedRow<BasketLine>[], known: ReadonlyMap<string, string | undefined>, pathName: string): CrossRowIssue[] {
  const out: CrossRowIssue[] = [];
  for (const { index, value } of rows) {
    if (!known.has(value.transactionId)) {
      const issue: RelmarkIssue = {
        code: 'unknown_transaction',
        path: [pathName, index, 'transactionId'],
        message: `Line names transaction "${value.transactionId}", which is not among the ${known.size} known transactions`,
      };
      out.push({ index, issue });
      continue;
    }
    const owner = known.get(value.transactionId);
    if (owner !== undefined && owner !== value.customerId) {
      out.push({
        index,
        issue: {
          code: 'transaction_customer_mismatch',
          path: [pathName, index, 'customerId'],
          message: `Line is for customer "${value.customerId}" but transaction "${value.transactionId}" is customer "${owner}"'s`,
        },
      });
    }
  }
  return out;
}
