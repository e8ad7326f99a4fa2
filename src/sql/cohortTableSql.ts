import * as z from 'zod';
import { TimeZoneSchema } from '../models/primitives.js';
import { type CohortPeriod, cohortPeriods, periodNumberer } from '../cohorts/cohortPeriod.js';
import { dialectParts, numberLiteral, parseSqlOptions, quoteIdentifier, sqlSourceShape, transactionsCte, type SqlDialect, type SqlSourceOptions } from './sqlDialect.js';

/** Options of {@link cohortTableSql}. @category SQL */
export interface CohortTableSqlOptions extends SqlSourceOptions {
  /** The calendar period of cohorts (weeks start on Monday). */
  readonly period: CohortPeriod;
  /** The IANA time zone of the period boundaries. @defaultValue 'UTC' */
  readonly timeZone?: string;
}

const OptionsSchema = z.strictObject({ ...sqlSourceShape, period: z.enum(cohortPeriods), timeZone: TimeZoneSchema.default('UTC') });

/** The local wall-clock timestamp of `at_ms` in `zone`, per dialect. */
function localTimestamp(dialect: SqlDialect, zone: string): string {
  const literal = `'${zone.replaceAll("'", "''")}'`;
  switch (dialect) {
    case 'duckdb':
      return `timezone(${literal}, to_timestamp(at_ms / 1000.0))`;
    case 'postgresql':
      return `(to_timestamp(at_ms / 1000.0) AT TIME ZONE ${literal})`;
    case 'bigquery':
      return `DATETIME(TIMESTAMP_MILLIS(at_ms), ${literal})`;
    case 'spark':
      return `from_utc_timestamp(timestamp_millis(at_ms), ${literal})`;
  }
}

/** Days since 1970-01-01 of the date of a local timestamp, per dialect. */
function localDayNumber(dialect: SqlDialect, local: string): string {
  switch (dialect) {
    case 'duckdb':
      return `date_diff('day', DATE '1970-01-01', CAST(${local} AS DATE))`;
    case 'postgresql':
      return `(CAST(${local} AS DATE) - DATE '1970-01-01')`;
    case 'bigquery':
      return `UNIX_DATE(DATE(${local}))`;
    case 'spark':
      return `datediff(CAST(${local} AS DATE), DATE '1970-01-01')`;
  }
}

/** The period number (as `cohortTable`'s `cohortIndex`) of `at_ms`. */
function periodExpression(dialect: SqlDialect, period: CohortPeriod, zone: string): string {
  const d = dialectParts[dialect];
  const local = localTimestamp(dialect, zone);
  if (period === 'week') return `CAST(FLOOR((${localDayNumber(dialect, local)} + 3) / 7.0) AS ${d.bigint})`;
  const month = `((CAST(EXTRACT(YEAR FROM ${local}) AS ${d.bigint}) - 1970) * 12 + CAST(EXTRACT(MONTH FROM ${local}) AS ${d.bigint}) - 1)`;
  return period === 'month' ? month : `CAST(FLOOR(${month} / 3.0) AS ${d.bigint})`;
}

/**
 * Writes the SQL query that computes a cohort table where the data lives, with the rules of
 * `cohortTable`: one row per cohort and period since acquisition with activity.
 *
 * @remarks
 * Columns: `cohortIndex` (the acquisition period's number, as `CohortRow.cohortIndex`: months,
 * quarters or Monday-weeks since 1970 in `timeZone`), `period` (periods since acquisition),
 * `customers` (cohort size), `activeCustomers` (distinct customers with a purchase in the period),
 * `orders` (purchase rows), `revenue` (purchases − refunds, each refund in the period of its own
 * date and in its customer's cohort) and `complete` (false for the period `asOf` cuts), ordered by
 * `cohortIndex`, `period`. The rules are those of `cohortTable`: a customer's cohort is the period of
 * their first purchase up to `asOf`; refunds are not orders and never make a customer active; a
 * refund dated before its customer's first purchase counts in period 0 (impossible for linked
 * refunds). Periods use the wall calendar of `timeZone` (DuckDB `timezone()`, PostgreSQL
 * `AT TIME ZONE`, BigQuery `DATETIME(ts, zone)`, Spark `from_utc_timestamp`).
 *
 * What the SQL leaves to the caller: cells without any row (a period in which no customer of the
 * cohort bought or refunded) are absent — read them as zeros — and the rates and cumulative value
 * curves are ratios of these columns (`activeCustomers / customers`, running sums of `revenue` /
 * `customers`). It does not validate rows; rows after `asOf` and rows with a NULL customer, instant or
 * amount are left out. `groupBy` has no SQL form: add the attribute to the `GROUP BY` of your copy.
 * Counts agree exactly with `cohortTable`, revenue to rounding (checked on DuckDB against the JS
 * path; the other dialects' text is pinned by tests). Safety: identifiers are quoted, `asOf` is a
 * number literal and the time zone a checked IANA name.
 *
 * @param options - Dialect, table, columns, `asOf`, `period` and `timeZone`.
 * @returns The query text (one `WITH … SELECT` statement, no trailing semicolon).
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option (path `['period']`,
 *   `['timeZone']`, …).
 * @example
 * ```ts
 * import { cohortTableSql } from 'relmark';
 * const sql = cohortTableSql({ dialect: 'duckdb', table: 'orders', asOf: '2024-03-31', period: 'month', timeZone: 'Europe/Paris' });
 * sql.includes("timezone('Europe/Paris', to_timestamp(at_ms / 1000.0))");
 * //=> true
 * sql.includes('< 650) AS "complete"');
 * //=> true
 * ```
 * @category SQL
 */
export function cohortTableSql(options: CohortTableSqlOptions): string {
  const parsed = parseSqlOptions(OptionsSchema, options, 'cohortTableSql');
  const { dialect, period, timeZone } = parsed;
  const q = (name: string) => quoteIdentifier(name, dialect);
  const asOfPeriod = numberLiteral(periodNumberer(period, timeZone)(parsed.asOf.getTime()));
  return [
    'WITH',
    transactionsCte(parsed, false) + ',',
    'local_tx AS (',
    `  SELECT customer_id, amount, is_refund, ${periodExpression(dialect, period, timeZone)} AS p FROM tx`,
    '),',
    'firsts AS (',
    '  SELECT customer_id, MIN(p) AS cohort FROM local_tx WHERE is_refund = 0 GROUP BY customer_id',
    '),',
    'sizes AS (',
    '  SELECT cohort, COUNT(*) AS customers FROM firsts GROUP BY cohort',
    '),',
    'cells AS (',
    '  SELECT f.cohort, GREATEST(l.p - f.cohort, 0) AS k,',
    '         COUNT(DISTINCT CASE WHEN l.is_refund = 0 THEN l.customer_id END) AS active,',
    '         SUM(1 - l.is_refund) AS orders,',
    '         SUM(CASE WHEN l.is_refund = 1 THEN -l.amount ELSE l.amount END) AS revenue',
    '  FROM local_tx AS l JOIN firsts AS f ON l.customer_id = f.customer_id',
    '  GROUP BY f.cohort, GREATEST(l.p - f.cohort, 0)',
    ')',
    `SELECT c.cohort AS ${q('cohortIndex')},`,
    `       c.k AS ${q('period')},`,
    `       s.customers AS ${q('customers')},`,
    `       c.active AS ${q('activeCustomers')},`,
    `       c.orders AS ${q('orders')},`,
    `       c.revenue AS ${q('revenue')},`,
    `       (c.cohort + c.k < ${asOfPeriod}) AS ${q('complete')}`,
    'FROM cells AS c JOIN sizes AS s ON c.cohort = s.cohort',
    'ORDER BY c.cohort, c.k',
  ].join('\n');
}
