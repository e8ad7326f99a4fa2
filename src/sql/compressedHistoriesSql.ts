import * as z from 'zod';
import { keysPerUnit, periodKey } from '../clv/summarizeHistories.js';
import { HistoriesSqlOptionsSchema, occasionsCtes, parseHistoriesOptions, type HistoriesSqlOptions } from './historiesSql.js';
import { dialectParts, numberLiteral, quoteIdentifier } from './sqlDialect.js';

/** Options of {@link compressedHistoriesSql}: those of `historiesSql`, and the grid of the times. @category SQL */
export interface CompressedHistoriesSqlOptions extends HistoriesSqlOptions {
  /**
   * The grid of `tx` and `T`, in days: each is rounded to the nearest multiple (halves up) before
   * equal rows merge. With `period: 'day'` and the default, the times are the exact whole days of
   * `historiesSql`; a coarser grid (7: whole weeks) trades a little precision for fewer rows, and with
   * `period: 'instant'` the default rounds the exact times to whole days.
   * @defaultValue 1
   */
  readonly resolutionDays?: number;
}

/**
 * One row of {@link compressedHistoriesSql}'s result: `weight` customers share (x, tx, T). An array
 * of them is what `fitBgNbd`, `fitParetoNbd` and `fitMbgNbd` take as it is (a `WeightedHistoryPoint`).
 * @category SQL
 */
export interface CompressedHistoryRow {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly weight: number;
}

const OptionsSchema = HistoriesSqlOptionsSchema.extend({
  resolutionDays: z.number().positive().finite().default(1),
});

/**
 * Writes the SQL query that reduces a transaction table to the sufficient statistics of BG/NBD,
 * Pareto/NBD and MBG/NBD: the distinct (x, tx, T) histories with the number of customers that
 * share each, so that millions of customers come back as thousands of rows.
 *
 * @remarks
 * The histories are those of {@link historiesSql} (same options, same semantics: occasions per UTC
 * day or instant, refunds netted, rows after `asOf` left out); then tx and T are put on a grid of
 * `resolutionDays` days (t ↦ ⌊t / g + ½⌋ · g, in the period's integer keys, so every engine rounds
 * alike; the grid keeps 0 ≤ tx ≤ T and tx = 0 when x = 0) and equal rows merge. The query returns
 * the columns `x`, `tx`, `T` (in `timeUnit`) and `weight` (the customer count), all as DOUBLE so that
 * every client reads them as numbers (node-postgres returns BIGINT as strings), ordered by x, tx, T.
 * Its rows are {@link CompressedHistoryRow}s: pass the array straight to `fitBgNbd(rows, { timeUnit })`.
 * The weighted log-likelihood equals the per-customer one, so with `period: 'day'` and the default
 * grid the fit is the fit of `historiesSql`'s rows; this is `compressHistories` run in the
 * warehouse. Gamma-Gamma needs each customer's mean spend and cannot be compressed by counts:
 * read `historiesSql` for it. Safety and engine versions as {@link historiesSql}.
 *
 * Edge cases: an empty table gives no rows; one distinct history gives one row whose weight is the
 * number of customers.
 *
 * @param options - The options of {@link historiesSql} and `resolutionDays`.
 * @returns The query text (one `WITH … SELECT` statement, no trailing semicolon).
 * @throws {@link RelmarkError} `invalid_options` for a missing or invalid option (as `historiesSql`;
 *   a `resolutionDays` that is not a positive finite number).
 * @example
 * ```ts
 * import { compressedHistoriesSql } from 'relmark';
 * const sql = compressedHistoriesSql({ dialect: 'duckdb', table: 'orders', asOf: '1997-09-30', timeUnit: 'week' });
 * [sql.includes('AS "weight"'), sql.trimEnd().endsWith('ORDER BY 1, 2, 3')];
 * //=> [true, true]
 * ```
 * @category SQL
 * @see {@link historiesSql} for one row per customer.
 */
export function compressedHistoriesSql(options: CompressedHistoriesSqlOptions): string {
  const parsed = parseHistoriesOptions(options, 'compressedHistoriesSql', OptionsSchema);
  const { dialect, period, timeUnit } = parsed;
  const d = dialectParts[dialect];
  const q = (name: string) => quoteIdentifier(name, dialect);
  const keysPerDay = keysPerUnit(period, 'day');
  const step = numberLiteral(parsed.resolutionDays * keysPerDay);
  const units = numberLiteral(keysPerUnit(period, timeUnit));
  const endKey = numberLiteral(periodKey(parsed.asOf.getTime(), period));
  const onGrid = (keys: string) => `FLOOR(CAST(${keys} AS ${d.double}) / ${step} + 0.5)`;
  return [
    occasionsCtes(parsed) + ',',
    'histories AS (',
    `  SELECT COUNT(*) - 1 AS x, ${onGrid('MAX(period_key) - MIN(period_key)')} AS tx_steps, ${onGrid(`${endKey} - MIN(period_key)`)} AS age_steps`,
    '  FROM occasions',
    '  GROUP BY customer_id',
    ')',
    `SELECT CAST(x AS ${d.double}) AS ${q('x')},`,
    `       CAST(tx_steps AS ${d.double}) * ${step} / ${units} AS ${q('tx')},`,
    `       CAST(age_steps AS ${d.double}) * ${step} / ${units} AS ${q('T')},`,
    `       CAST(COUNT(*) AS ${d.double}) AS ${q('weight')}`,
    'FROM histories',
    'GROUP BY x, tx_steps, age_steps',
    'ORDER BY 1, 2, 3',
  ].join('\n');
}
