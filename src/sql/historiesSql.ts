import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { keysPerUnit, periodKey, PurchasePeriodSchema, type PurchasePeriod } from '../clv/summarizeHistories.js';
import { TimeUnitSchema, type TimeUnit } from '../models/primitives.js';
import { dayNumber, dialectParts, numberLiteral, parseSqlOptions, quoteIdentifier, sqlSourceShape, transactionsCte, type SqlSourceOptions } from './sqlDialect.js';

/** Options of {@link historiesSql}. @category SQL */
export interface HistoriesSqlOptions extends SqlSourceOptions {
  /** The unit of `tx` and `T` (a month is 30.4375 days). @defaultValue 'week' (as `summarizeHistories`) */
  readonly timeUnit?: TimeUnit;
  /** `'day'`: purchases on the same UTC day are one occasion; `'instant'`: only those at the same instant. @defaultValue 'day' */
  readonly period?: PurchasePeriod;
}

const OptionsSchema = z.strictObject({ ...sqlSourceShape, timeUnit: TimeUnitSchema.default('week'), period: PurchasePeriodSchema.default('day') });

/**
 * Writes the SQL query that summarises a transaction table into one purchase history per customer
 * where the data lives, with the semantics of `summarizeHistories`: run it in the warehouse and fit
 * relmark's models on its result.
 *
 * @remarks
 * The query returns the columns `customerId` (as a string), `x`, `tx`, `T` and `monetaryMean` — the
 * fields of `PurchaseHistory`, so its CSV/Parquet export reads straight back — ordered by customer id
 * (in the database's collation; relmark sorts by code units). Per customer, exactly as
 * `summarizeHistories`: purchases in the same period (UTC day, or instant) are one occasion; x = the
 * occasions after the first; tx and T run from the first occasion to the last one and to `asOf`, in
 * whole days for `period: 'day'` (`asOf`'s day included) divided by the unit; monetaryMean = the mean
 * net value of the repeat occasions, clamped at 0, and 0 when x = 0. A refund (a row whose `kind`
 * column is `'refund'`) lowers the occasion of the purchase its `refundOf` column names, found by
 * the `id` column. Instants are read as epoch milliseconds (TIMESTAMP columns as UTC; for Spark, run
 * with `spark.sql.session.timeZone` set to `UTC` so that TIMESTAMP and DATE columns are UTC too).
 * An instant finer than a millisecond is cut DOWN to its millisecond in every dialect, as the JS
 * path reads it (a purchase at 23:59:59.9996 stays on its day). Engine versions: PostgreSQL ≥ 14
 * (`EXTRACT(EPOCH …)` as an exact NUMERIC; DATE columns), DuckDB ≥ 0.9 (`epoch_ns`), Spark ≥ 3.1
 * (`unix_millis`), BigQuery GoogleSQL (`UNIX_MILLIS`).
 *
 * Safety: every identifier is quoted for the dialect (a `"` in a name is doubled for DuckDB and
 * PostgreSQL, a backtick doubled for Spark and escaped for BigQuery), names with control characters
 * are refused, and `asOf` is rendered as an integer literal of epoch milliseconds, so nothing in the
 * options can end the query or add a statement.
 *
 * What the SQL cannot do as the JS path does: it does not validate rows (run `readTransactions` on
 * a sample, or trust the warehouse's constraints); rows after `asOf` are left out rather than
 * reported (`futureTransactions: 'exclude'`), rows with a NULL customer, instant or amount are
 * skipped, and a refund whose purchase is missing is ignored. The money sums run in the database's
 * order, so `monetaryMean` agrees with the JS path to rounding (exactly for DECIMAL amounts);
 * counts and times agree exactly. Run against `summarizeHistories` on DuckDB (embedded) and on a
 * PostgreSQL 15 server started by the tests (generated logs, CDNOW); BigQuery's and Spark's text is
 * pinned by golden tests.
 *
 * Edge cases: an empty table gives no rows; a customer with one occasion has x = 0, tx = 0.
 *
 * @param options - Dialect, table, columns, `asOf` (required), `timeUnit`, `period`.
 * @returns The query text (one `WITH … SELECT` statement, no trailing semicolon).
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option (an empty or
 *   control-character identifier, an unknown dialect), or `kind` without `id` and `refundOf`.
 * @example
 * ```ts
 * import { historiesSql } from 'relmark';
 * const sql = historiesSql({ dialect: 'postgresql', table: ['shop', 'orders'], asOf: '1997-09-30',
 *   columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' } });
 * sql.includes('FROM "shop"."orders"');
 * //=> true
 * sql.includes('at_ms <= 875577600000');
 * //=> true
 * ```
 * @category SQL
 * @see {@link rfmSummarySql} for RFM summaries.
 */
export function historiesSql(options: HistoriesSqlOptions): string {
  const parsed = parseHistoriesOptions(options, 'historiesSql');
  const { dialect } = parsed;
  const d = dialectParts[dialect];
  const q = (name: string) => quoteIdentifier(name, dialect);
  const units = numberLiteral(keysPerUnit(parsed.period, parsed.timeUnit));
  const endKey = numberLiteral(periodKey(parsed.asOf.getTime(), parsed.period));
  return [
    occasionsCtes(parsed),
    `SELECT customer_id AS ${q('customerId')},`,
    `       COUNT(*) - 1 AS ${q('x')},`,
    `       CAST(MAX(period_key) - MIN(period_key) AS ${d.double}) / ${units} AS ${q('tx')},`,
    `       CAST(${endKey} - MIN(period_key) AS ${d.double}) / ${units} AS ${q('T')},`,
    `       CASE WHEN COUNT(*) = 1 THEN 0 ELSE GREATEST(0, SUM(CASE WHEN occasion > 1 THEN value ELSE 0 END) / (COUNT(*) - 1)) END AS ${q('monetaryMean')}`,
    'FROM occasions',
    'GROUP BY customer_id',
    'ORDER BY customer_id',
  ].join('\n');
}

/** The parsed options of {@link historiesSql}. @internal */
export type ParsedHistoriesOptions = z.output<typeof OptionsSchema>;

/** Parses {@link HistoriesSqlOptions} (also the base of other generators' options). @internal */
export function parseHistoriesOptions<S extends z.ZodType<ParsedHistoriesOptions>>(options: unknown, where: string, schema?: S): z.output<S> {
  const parsed = parseSqlOptions(schema ?? OptionsSchema, options, where) as z.output<S>;
  const { columns } = parsed;
  if (columns?.kind !== undefined && (columns.id === undefined || columns.refundOf === undefined)) {
    throw new RelmarkError('invalid_options', `${where}: invalid options`, {
      issues: [{ code: 'missing_column', path: ['columns', columns.id === undefined ? 'id' : 'refundOf'], message: 'A kind column needs the id and refundOf columns, to net each refund against its purchase' }],
    });
  }
  return parsed;
}

/** The zod schema of {@link HistoriesSqlOptions}, to extend. @internal */
export const HistoriesSqlOptionsSchema = OptionsSchema;

/**
 * `WITH …, occasions AS (…)`: one row per customer and occasion (`customer_id`, `period_key`, the
 * occasion's net `value`, its number `occasion` from 1), cut at `asOf`, refunds netted. @internal
 */
export function occasionsCtes(parsed: ParsedHistoriesOptions): string {
  const { dialect, columns, period } = parsed;
  const key = period === 'day' ? dayNumber('at_ms', dialect) : 'at_ms';
  const linked = columns?.kind !== undefined;
  const refunds = linked
    ? [
        '  UNION ALL',
        '  SELECT p.customer_id, p.period_key, -r.amount',
        '  FROM tx AS r JOIN purchases AS p ON r.refund_of = p.id',
        '  WHERE r.is_refund = 1',
      ]
    : [];
  return [
    'WITH',
    transactionsCte(parsed, linked) + ',',
    'purchases AS (',
    `  SELECT customer_id, ${key} AS period_key, amount${linked ? ', id' : ''} FROM tx WHERE is_refund = 0`,
    '),',
    'occasion_values AS (',
    '  SELECT customer_id, period_key, amount AS value FROM purchases',
    ...refunds,
    '),',
    'occasions AS (',
    '  SELECT customer_id, period_key, SUM(value) AS value,',
    '         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY period_key) AS occasion',
    '  FROM occasion_values GROUP BY customer_id, period_key',
    ')',
  ].join('\n');
}
