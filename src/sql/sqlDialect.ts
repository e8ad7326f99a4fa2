import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { InstantSchema, type InstantInput } from '../models/primitives.js';

/**
 * The SQL dialects relmark writes aggregation queries for.
 * @category SQL
 */
export type SqlDialect = 'duckdb' | 'postgresql' | 'bigquery' | 'spark';

/**
 * Which column of the transaction table holds each field. Every name is one identifier (quoted
 * by the generator, so any characters except control characters are allowed).
 * @category SQL
 */
export interface SqlColumns {
  /** The customer id (any type; compared as a string). @defaultValue 'customerId' */
  readonly customerId?: string;
  /** The instant: a TIMESTAMP (read as UTC), TIMESTAMPTZ or DATE. @defaultValue 'at' */
  readonly at?: string;
  /** The amount, non-negative. @defaultValue 'amount' */
  readonly amount?: string;
  /** `'refund'` marks a refund; any other value (or NULL) a purchase. Without it every row is a purchase. */
  readonly kind?: string;
  /** The transaction id (needed with `kind` for histories: refunds name their purchase by it). */
  readonly id?: string;
  /** For a refund: the id of the purchase it returns (needed with `kind` for histories). */
  readonly refundOf?: string;
}

/** The options every query generator shares. @category SQL */
export interface SqlSourceOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /**
   * The table: one identifier (`'transactions'`), or its qualified parts
   * (`['warehouse', 'sales', 'transactions']`), each quoted separately.
   */
  readonly table: string | readonly string[];
  /** Column names; fields not given use their own name. */
  readonly columns?: SqlColumns;
  /** The end of observation (a Date, ISO string or epoch ms; UTC). Rows after it are left out. */
  readonly asOf: InstantInput;
}

const identifier = z
  .string()
  .min(1, 'An identifier cannot be empty')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'An identifier cannot contain control characters');

/** The zod shape of the shared options. @internal */
export const sqlSourceShape = {
  dialect: z.enum(['duckdb', 'postgresql', 'bigquery', 'spark']),
  table: z.union([identifier, z.array(identifier).min(1)]),
  columns: z
    .strictObject({
      customerId: identifier.optional(),
      at: identifier.optional(),
      amount: identifier.optional(),
      kind: identifier.optional(),
      id: identifier.optional(),
      refundOf: identifier.optional(),
    })
    .optional(),
  asOf: InstantSchema,
};

/** Parses options with `schema`; throws `invalid_options` listing every issue. @internal */
export function parseSqlOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  return parsed.data;
}

/** Quotes one identifier for a dialect (doubling or escaping the quote character). @internal */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  if (dialect === 'bigquery') return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
  if (dialect === 'spark') return `\`${name.replaceAll('`', '``')}\``;
  return `"${name.replaceAll('"', '""')}"`;
}

/** A finite number as a SQL numeric literal (never a string that could carry SQL). @internal */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`numberLiteral: ${value} is not finite`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** The SQL type names and expressions that differ between dialects. @internal */
export interface DialectParts {
  readonly double: string;
  readonly bigint: string;
  readonly string: string;
  /**
   * Epoch milliseconds of an instant column (UTC), cut to the millisecond as the JS path cuts a
   * finer instant: rounded DOWN (toward −∞), so 23:59:59.9996 stays on its day and 1969-12-31
   * 23:59:59.9996 is −1 ms.
   */
  epochMs(column: string): string;
}

/**
 * DuckDB's `epoch_ms` truncates toward zero (wrong before 1970), so the floor is taken in integer
 * nanoseconds (exact for TIMESTAMP_NS too; range 1677–2262). PostgreSQL ≥ 14 returns EXTRACT(EPOCH)
 * as an exact NUMERIC, which FLOOR cuts exactly (ROUND moved ≥ .9995 ms up, to the next day at
 * midnight). BigQuery's `UNIX_MILLIS` and Spark's `unix_millis` round down already.
 * @internal
 */
export const dialectParts: Record<SqlDialect, DialectParts> = {
  duckdb: { double: 'DOUBLE', bigint: 'BIGINT', string: 'VARCHAR', epochMs: (c) => `((epoch_ns(${c}) - ((epoch_ns(${c}) % 1000000) + 1000000) % 1000000) // 1000000)` },
  postgresql: { double: 'DOUBLE PRECISION', bigint: 'BIGINT', string: 'TEXT', epochMs: (c) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${c}) * 1000) AS BIGINT)` },
  bigquery: { double: 'FLOAT64', bigint: 'INT64', string: 'STRING', epochMs: (c) => `UNIX_MILLIS(CAST(${c} AS TIMESTAMP))` },
  spark: { double: 'DOUBLE', bigint: 'BIGINT', string: 'STRING', epochMs: (c) => `unix_millis(CAST(${c} AS TIMESTAMP))` },
};

/** The parsed shared options. @internal */
export interface ParsedSqlSource {
  readonly dialect: SqlDialect;
  readonly table: string | readonly string[];
  readonly columns?: { readonly [K in keyof SqlColumns]?: string | undefined } | undefined;
  readonly asOf: Date;
}

/**
 * The common head of every query: `tx` (typed rows with `customer_id`, `at_ms`, `amount`,
 * `is_refund`, and `id`, `refund_of` when linked) cut at `asOf`. Rows with a NULL customer,
 * instant or amount are left out. @internal
 */
export function transactionsCte(source: ParsedSqlSource, withLinks: boolean): string {
  const { dialect } = source;
  const d = dialectParts[dialect];
  const q = (name: string) => quoteIdentifier(name, dialect);
  const col = (field: keyof SqlColumns) => q(source.columns?.[field] ?? field);
  const table = (typeof source.table === 'string' ? [source.table] : source.table).map(q).join('.');
  const kind = source.columns?.kind;
  const isRefund = kind === undefined ? '0' : `CASE WHEN CAST(${q(kind)} AS ${d.string}) = 'refund' THEN 1 ELSE 0 END`;
  const links = withLinks && kind !== undefined ? [`CAST(${col('id')} AS ${d.string}) AS id`, `CAST(${col('refundOf')} AS ${d.string}) AS refund_of`] : [];
  const select = [
    `CAST(${col('customerId')} AS ${d.string}) AS customer_id`,
    `${d.epochMs(col('at'))} AS at_ms`,
    `CAST(${col('amount')} AS ${d.double}) AS amount`,
    `${isRefund} AS is_refund`,
    ...links,
  ];
  return [
    'source AS (',
    `  SELECT ${select.join(',\n         ')}`,
    `  FROM ${table}`,
    `  WHERE ${col('customerId')} IS NOT NULL AND ${col('at')} IS NOT NULL AND ${col('amount')} IS NOT NULL`,
    '),',
    'tx AS (',
    `  SELECT * FROM source WHERE at_ms <= ${numberLiteral(source.asOf.getTime())}`,
    ')',
  ].join('\n');
}

/** The UTC day number of an epoch-ms expression, as `Math.floor(ms / 86400000)`. @internal */
export function dayNumber(msExpression: string, dialect: SqlDialect): string {
  const d = dialectParts[dialect];
  return `CAST(FLOOR(CAST(${msExpression} AS ${d.double}) / 86400000) AS ${d.bigint})`;
}

