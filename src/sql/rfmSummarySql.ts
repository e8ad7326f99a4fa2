import * as z from 'zod';
import { msPerUnit } from '../internal/time.js';
import { TimeUnitSchema, type TimeUnit } from '../models/primitives.js';
import { dayNumber, dialectParts, numberLiteral, parseSqlOptions, quoteIdentifier, sqlSourceShape, transactionsCte, type SqlSourceOptions } from './sqlDialect.js';

/** Options of {@link rfmSummarySql}. @category SQL */
export interface RfmSummarySqlOptions extends SqlSourceOptions {
  /** Unit of recency (`month` = 30.4375 days). @defaultValue 'day' (as `summarizeRfm`) */
  readonly timeUnit?: TimeUnit;
  /** `'total'`: net revenue; `'mean'`: net revenue per unit of frequency. @defaultValue 'total' */
  readonly monetary?: 'total' | 'mean';
  /** `'purchases'`: purchases; `'days'`: distinct UTC days with a purchase. @defaultValue 'purchases' */
  readonly frequency?: 'purchases' | 'days';
}

const OptionsSchema = z.strictObject({
  ...sqlSourceShape,
  timeUnit: TimeUnitSchema.default('day'),
  monetary: z.enum(['total', 'mean']).default('total'),
  frequency: z.enum(['purchases', 'days']).default('purchases'),
});

/**
 * Writes the SQL query that summarises a transaction table into one RFM row per customer where the
 * data lives, with the semantics of `summarizeRfm` (whole history, rows after `asOf` left out).
 *
 * @remarks
 * The query returns `customerId`, `recency`, `frequency`, `monetary`, `orders`, `revenue`,
 * `firstPurchaseAt` and `lastPurchaseAt` (epoch ms) — the fields of `RfmSummary` — for customers
 * with at least one purchase, ordered by customer id (database collation). As `summarizeRfm`:
 * recency = (asOf − last purchase) in `timeUnit`, exact; frequency = purchases, or distinct UTC days
 * with a purchase; revenue = purchases − refunds, each refund by its own date (a row whose `kind`
 * column is `'refund'`; no `id`/`refundOf` needed); monetary = revenue, or revenue / frequency.
 * Identifiers are quoted per dialect and `asOf` is an integer literal (see {@link historiesSql} for
 * the safety rules and for what the SQL does not validate). The money sums run in the database's
 * order, so revenue agrees with the JS path to rounding; counts and times agree exactly.
 *
 * Edge cases: an empty table gives no rows; a customer with only refunds gets no row.
 *
 * @param options - Dialect, table, columns, `asOf` (required), `timeUnit`, `monetary`, `frequency`.
 * @returns The query text (one `WITH … SELECT` statement, no trailing semicolon).
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option.
 * @example
 * ```ts
 * import { rfmSummarySql } from 'relmark';
 * const sql = rfmSummarySql({ dialect: 'bigquery', table: 'shop.orders', asOf: '2024-03-31', frequency: 'days' });
 * [sql.includes('FROM `shop.orders`'), sql.includes('COUNT(DISTINCT')];
 * //=> [true, true]
 * ```
 * @category SQL
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): string {
  const parsed = parseSqlOptions(OptionsSchema, options, 'rfmSummarySql');
  const { dialect, timeUnit, monetary, frequency } = parsed;
  const d = dialectParts[dialect];
  const q = (name: string) => quoteIdentifier(name, dialect);
  const purchaseMs = 'CASE WHEN is_refund = 0 THEN at_ms END';
  const frequencyExpression = frequency === 'days' ? `COUNT(DISTINCT ${dayNumber(purchaseMs, dialect)})` : 'SUM(1 - is_refund)';
  return [
    'WITH',
    transactionsCte(parsed, false) + ',',
    'customers AS (',
    '  SELECT customer_id,',
    `         MAX(${purchaseMs}) AS last_ms,`,
    `         MIN(${purchaseMs}) AS first_ms,`,
    `         ${frequencyExpression} AS frequency,`,
    '         SUM(1 - is_refund) AS orders,',
    '         SUM(CASE WHEN is_refund = 1 THEN -amount ELSE amount END) AS revenue',
    '  FROM tx',
    '  GROUP BY customer_id',
    '  HAVING SUM(1 - is_refund) > 0',
    ')',
    `SELECT customer_id AS ${q('customerId')},`,
    `       CAST(${numberLiteral(parsed.asOf.getTime())} - last_ms AS ${d.double}) / ${numberLiteral(msPerUnit[timeUnit])} AS ${q('recency')},`,
    `       frequency AS ${q('frequency')},`,
    `       ${monetary === 'mean' ? `revenue / CAST(frequency AS ${d.double})` : 'revenue'} AS ${q('monetary')},`,
    `       orders AS ${q('orders')},`,
    `       revenue AS ${q('revenue')},`,
    `       first_ms AS ${q('firstPurchaseAt')},`,
    `       last_ms AS ${q('lastPurchaseAt')}`,
    'FROM customers',
    'ORDER BY customer_id',
  ].join('\n');
}
