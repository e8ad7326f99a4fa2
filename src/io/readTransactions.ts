import { RelmarkError } from '../errors/RelmarkError.js';
import { requireArray, requireOptions, wrongType } from '../internal/guards.js';
import { type BatchResult } from '../models/parse.js';
import { parseTransactions } from '../models/parseTransactions.js';
import type { Transaction } from '../models/transaction.js';
import type { SourceRecord } from './csvRecord.js';
import { amountInput, cellValue, instantInput } from './transactionCells.js';

/**
 * The transaction fields that {@link readTransactions} can read from a source column.
 * @example
 * ```ts
 * import { transactionFields } from 'relmark/io';
 * transactionFields.includes('refundOf');
 * //=> true
 * ```
 * @category IO
 */
export const transactionFields = ['id', 'customerId', 'at', 'amount', 'currency', 'kind', 'refundOf'] as const;

/** A transaction field that can be mapped to a column. @category IO */
export type TransactionField = (typeof transactionFields)[number];

/**
 * How dates are written in a source:
 * - `iso`: ISO-8601 dates or date-times (read as UTC when they carry no offset);
 * - `yyyymmdd`: eight digits, as in the CDNOW files (`19970101`);
 * - `epoch_ms` / `epoch_s`: milliseconds or seconds since 1970-01-01 UTC;
 * - `auto`: eight digits are `yyyymmdd`, other digit strings epoch milliseconds, the rest ISO-8601.
 * @category IO
 */
export type DateFormat = 'auto' | 'iso' | 'yyyymmdd' | 'epoch_ms' | 'epoch_s';

/**
 * Which column holds each transaction field, and how dates are written. Fields not named are read
 * from the column of the same name (`customerId` from `customerId`).
 * @category IO
 */
export type TransactionMapping = Partial<Record<TransactionField, string>> & {
  /** How the `at` column is written. @defaultValue 'auto' */
  readonly dateFormat?: DateFormat;
};

/**
 * Reads transactions from records (CSV or NDJSON rows, or plain objects) through a column mapping,
 * and returns the valid transactions and every rejected row with its line and reasons.
 *
 * @remarks
 * Each record's mapped columns are converted (amounts with `Number`, dates by `dateFormat`, empty
 * cells as missing) and then checked by {@link parseTransactions}: the schema per row, unique ids,
 * and refunds against their purchases. Nothing is lost: `valid.length + rejected.length` equals the
 * number of records, and each rejected row carries the source `line` when the records have one.
 * Issue paths name the transaction field (`rows[12].amount`). Output order is input order.
 *
 * @param records - `SourceRecord`s from {@link parseCsv} / {@link parseNdjson}, or plain objects.
 * @param mapping - Column names per field, and the date format.
 * @returns `{ valid, validIndices, rejected }`.
 * @throws {@link RelmarkError} `invalid_input` when `records` is not an array (a record that is not
 *   an object, or a hole, is a rejected row); `invalid_options` when `mapping` is not an object, a
 *   column name in it is not a string or the date format is unknown, or
 *   when a mapped column exists in no record (a misspelt mapping would otherwise reject every row
 *   one by one).
 * @example
 * ```ts
 * import { parseCsv, readTransactions } from 'relmark/io';
 * const csv = parseCsv('cust,date,value\n7,19970101,29.33\n8,19970102,abc\n');
 * const { valid, rejected } = readTransactions(csv.records, { customerId: 'cust', at: 'date', amount: 'value' });
 * [valid[0]?.at.toISOString(), rejected[0]?.line, rejected[0]?.issues[0]?.path];
 * //=> ['1997-01-01T00:00:00.000Z', 3, ['rows', 1, 'amount']]
 * ```
 * @category IO
 */
export function readTransactions(
  records: readonly (SourceRecord | Readonly<Record<string, unknown>>)[],
  mapping: TransactionMapping = {},
): BatchResult<Transaction> {
  requireArray('readTransactions', ['records'], records);
  requireOptions('readTransactions', mapping, 'mapping');
  checkMapping(mapping);
  // A record that is not an object is passed on as it is, so that the schema rejects it as a row;
  // holes stay holes (map keeps them), and parseBatch rejects each one with its index.
  const sources = records.map((record: unknown) =>
    isSourceRecord(record) ? record : { line: undefined, fields: record, notAnObject: typeof record !== 'object' || record === null },
  );
  const columnOf = (field: TransactionField): string => mapping[field] ?? field;
  if (sources.length > 0) {
    const missing = transactionFields
      .filter((field) => mapping[field] !== undefined)
      .filter((field) => !sources.some((s) => !('notAnObject' in s && s.notAnObject) && Object.hasOwn(s.fields as object, columnOf(field))));
    if (missing.length > 0) {
      throw new RelmarkError('invalid_options', 'readTransactions: mapped columns not found', {
        issues: missing.map((field) => ({
          code: 'unknown_column',
          path: ['mapping', field],
          message: `Column "${columnOf(field)}" (mapped to ${field}) is in no record`,
        })),
      });
    }
  }
  const rows = sources.map((source) =>
    // A record that is not an object goes to the schema as it is, which rejects it as a row.
    'notAnObject' in source && source.notAnObject ? source.fields : transactionInputOf(source.fields as Readonly<Record<string, unknown>>, mapping),
  );
  return parseTransactions(rows, { lineOf: (index) => sources[index]?.line ?? undefined });
}

/** The input that {@link TransactionSchema} is given for one record: mapped cells, trimmed and converted. @internal */
export function transactionInputOf(fields: Readonly<Record<string, unknown>>, mapping: TransactionMapping): Record<string, unknown> {
  const format = mapping.dateFormat ?? 'auto';
  const row: Record<string, unknown> = {};
  for (const field of transactionFields) {
    const column = mapping[field] ?? field;
    const value = cellValue(Object.hasOwn(fields, column) ? fields[column] : undefined);
    if (value === undefined) continue;
    row[field] = field === 'amount' ? amountInput(value) : field === 'at' ? instantInput(value, format) : value;
  }
  return row;
}

const dateFormats: readonly string[] = ['auto', 'iso', 'yyyymmdd', 'epoch_ms', 'epoch_s'];

/** Column names must be strings and the date format one of the known ones. */
function checkMapping(mapping: TransactionMapping): void {
  for (const field of transactionFields) {
    const column: unknown = mapping[field];
    if (column !== undefined && typeof column !== 'string') throw wrongType('readTransactions', ['mapping', field], 'a column name (a string)', column, 'invalid_options');
  }
  const format: unknown = mapping.dateFormat;
  if (format !== undefined && !(typeof format === 'string' && dateFormats.includes(format))) {
    throw wrongType('readTransactions', ['mapping', 'dateFormat'], `one of ${dateFormats.join(', ')}`, format, 'invalid_options');
  }
}

function isSourceRecord(record: unknown): record is SourceRecord {
  return (
    typeof record === 'object' &&
    record !== null &&
    Number.isSafeInteger((record as SourceRecord).line) &&
    typeof (record as SourceRecord).fields === 'object' &&
    (record as SourceRecord).fields !== null &&
    Object.keys(record).length === 2
  );
}
