import { RelmarkError } from '../errors/RelmarkError.js';
import type { RejectedRow } from '../models/parse.js';
import { csvCell, epochMsOfTicks, parquetCellKind, renderCells, type ParquetCellKind } from './parquetCells.js';
import { transactionFields, type TransactionMapping } from './readTransactions.js';
import {
  createTransactionColumnReader,
  type TransactionColumnBatch,
  type TransactionColumnReaderState,
} from './transactionColumnReader.js';

/**
 * A Parquet file as bytes, or as random access to them (hyparquet's `AsyncBuffer`: its length and
 * `slice(start, end)`, which may return a promise). Parquet needs random access (its footer comes
 * last), so a file is read through such a source rather than a stream.
 * @category IO
 */
export type ParquetSource =
  | ArrayBuffer
  | Uint8Array
  | {
      readonly byteLength: number;
      /** The bytes from `start` up to `end` (the end of the file when omitted). */
      slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
    };

/** Options of {@link readParquetTransactions}. @category IO */
export interface ReadParquetTransactionsOptions {
  /**
   * The column mapping, or a function that makes it from the file's top-level column names (run once,
   * before any row is read), as in {@link createTransactionColumnReader}.
   * @defaultValue fields read from columns of the same name
   */
  readonly mapping?: TransactionMapping | ((header: readonly string[]) => TransactionMapping);
  /** Valid rows per batch. @defaultValue 65536 */
  readonly batchSize?: number;
  /** Told each batch of valid rows, in file order. The arrays are reused for the next batch: copy what you keep. */
  readonly onBatch: (batch: TransactionColumnBatch) => void;
  /** Told each rejected row, in file order, with its line (row number + 1), its cells as text and every reason. */
  readonly onRejected: (row: RejectedRow) => void;
  /** Told the reader's customer dictionary (customer index → id) before any row; it grows as the file is read. */
  readonly onDictionary?: ((customerIds: readonly string[]) => void) | undefined;
  /** Told the rows read so far and the file's total after each row group. */
  readonly onProgress?: (rowsRead: number, totalRows: number) => void;
}

/** What {@link readParquetTransactions} saw. @category IO */
export interface ParquetTransactionsState extends TransactionColumnReaderState {
  /** The file's top-level column names (the reader's `header` holds only the columns read). */
  readonly columns: readonly string[];
  /** Row groups read. */
  readonly rowGroups: number;
}

/** Rows rendered to CSV text and pushed to the column reader at a time. */
const sliceRows = 32_768;

/**
 * Reads transactions from a Parquet file, a row group at a time, with exactly the rules, column
 * mapping and rejected-row reporting of the CSV path ({@link createTransactionColumnReader}).
 *
 * @remarks
 * Only the mapped columns are decoded (with hyparquet, a pure-JS reader loaded on first use; codecs
 * UNCOMPRESSED and SNAPPY, as DuckDB, Spark and pandas write by default). Each row group's values are
 * rendered as the cells a CSV export of the same rows would hold, and read by the column reader, so a
 * Parquet file and its CSV export give the same batches, dictionary and rejected rows. The rules:
 * - TIMESTAMP (MILLIS, MICROS or NANOS) and INT96: the instant cut down to the millisecond (towards
 *   −∞), as every relmark path cuts instants. `isAdjustedToUTC = false` (a wall-clock time without a
 *   zone) is read as UTC, as a CSV date-time without an offset is. Rendered as ISO-8601 text
 *   (`YYYY-MM-DD` at midnight UTC), so `dateFormat` does not apply to them; a year outside 0000–9999
 *   is rejected with the number of milliseconds as its readable value.
 * - DATE: midnight UTC of that day.
 * - Strings (UTF8/STRING, plain BYTE_ARRAY): the text itself, through the CSV text rules (trimmed,
 *   dates by `dateFormat`), so a date held as a string column reads exactly as in CSV.
 * - Numbers (INT32, INT64, FLOAT, DOUBLE, DECIMAL): the shortest text that reads back to the same
 *   double (INT64 exactly); a DECIMAL is unscaled / 10^scale, the nearest double for up to 15
 *   significant digits; a FLOAT is its exact double value (9.95 stored as FLOAT reads as 9.9499998…).
 *   An integer column mapped to `at` is read by `dateFormat` (`epoch_ms`, `epoch_s`, `yyyymmdd`).
 * - Null (and an empty string): a missing value, as an empty CSV cell.
 *
 * Each row's `line` is its row number + 1: the line it has in a CSV export with a header line
 * (a string with a line break in it moves later lines on, as in that export). A rejected row's
 * `input` is its cells as text, in the order of the columns read. Memory: one row group's mapped
 * columns, the reader's dictionaries and one batch, never the file.
 *
 * @param source - The file's bytes, or random access to them.
 * @param options - Mapping, batch size, the two sinks and progress.
 * @returns What was read: the column reader's state, the file's columns and the row groups read.
 * @throws {@link RelmarkError} `invalid_input` (`invalid_parquet`) for bytes that are not a Parquet
 *   file or use a codec or type it cannot decode, and (`unsupported_column_type`) for a mapped nested
 *   column; `invalid_options` for a mapped column the file does not have (as the CSV path).
 * @example
 * ```ts
 * import { readParquetTransactions } from 'relmark/io';
 * const notParquet = new TextEncoder().encode('customerId,at,amount\n');
 * const error = await readParquetTransactions(notParquet, { onBatch: () => {}, onRejected: () => {} }).catch((e) => e);
 * [error.code, error.issues[0].code];
 * //=> ['invalid_input', 'invalid_parquet']
 * ```
 * @category IO
 */
export async function readParquetTransactions(source: ParquetSource, options: ReadParquetTransactionsOptions): Promise<ParquetTransactionsState> {
  const file = asyncBufferOf(source);
  // Loaded on first use, so that CSV users never load the Parquet reader.
  const hyparquet = await import('hyparquet');
  let metadata: Awaited<ReturnType<typeof hyparquet.parquetMetadataAsync>>;
  try {
    metadata = await hyparquet.parquetMetadataAsync(file);
  } catch (cause) {
    throw invalidParquet(`The bytes are not a readable Parquet file: ${(cause as Error).message}`, cause);
  }
  const schema = hyparquet.parquetSchema(metadata);
  const columns = schema.children.map((child) => child.element.name);
  const mapping = typeof options.mapping === 'function' ? options.mapping(columns) : (options.mapping ?? {});
  const wanted = new Set(transactionFields.map((field) => mapping[field] ?? field));
  const read = schema.children.filter((child) => wanted.has(child.element.name));
  const nested = read.filter((child) => child.children.length > 0);
  if (nested.length > 0) {
    throw new RelmarkError('invalid_input', 'a mapped Parquet column is nested', {
      issues: nested.map((child) => ({
        code: 'unsupported_column_type',
        path: ['columns', child.element.name],
        message: `Column "${child.element.name}" is a nested (group/list/map) column; map a column of plain values`,
      })),
    });
  }
  const names = read.map((child) => child.element.name);
  const kinds: ParquetCellKind[] = read.map((child) => parquetCellKind(child.element));

  const reader = createTransactionColumnReader({
    mapping,
    delimiter: ',',
    encoding: 'utf-8',
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    onBatch: options.onBatch,
    onRejected: options.onRejected,
  });
  options.onDictionary?.(reader.state.customerIds);
  const encoder = new TextEncoder();
  reader.push(encoder.encode(`${names.map(csvCell).join(',')}\n`));

  const parsers = {
    timestampFromMilliseconds: (ticks: bigint) => epochMsOfTicks(ticks, 1n),
    timestampFromMicroseconds: (ticks: bigint) => epochMsOfTicks(ticks, 1000n),
    timestampFromNanoseconds: (ticks: bigint) => epochMsOfTicks(ticks, 1000000n),
    dateFromDays: (days: number) => days * 86_400_000,
  };
  const totalRows = Number(metadata.num_rows);
  const cells = names.map(() => new Array<string>(sliceRows));
  let groupStart = 0;
  let groups = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const groupEnd = groupStart + groupRows;
    const data = names.map(() => [] as { start: number; values: ArrayLike<unknown> }[]);
    try {
      await hyparquet.parquetRead({
        file,
        metadata,
        columns: names,
        rowStart: groupStart,
        rowEnd: groupEnd,
        parsers,
        onChunk: (chunk) => {
          data[names.indexOf(chunk.columnName)]?.push({ start: chunk.rowStart, values: chunk.columnData as ArrayLike<unknown> });
        },
      });
    } catch (cause) {
      throw invalidParquet(`Row group ${groups} (rows ${groupStart + 1}–${groupEnd}) cannot be read: ${(cause as Error).message}`, cause);
    }
    const columnsOfGroup = data.map((chunks, c) => joinChunks(chunks, groupStart, groupRows, names[c] as string));
    for (let from = 0; from < groupRows; from += sliceRows) {
      const count = Math.min(sliceRows, groupRows - from);
      for (let c = 0; c < names.length; c++) renderCells(columnsOfGroup[c] as ArrayLike<unknown>, from, count, kinds[c] as ParquetCellKind, cells[c] as string[]);
      reader.push(encoder.encode(rowsText(cells, count)));
    }
    groupStart = groupEnd;
    groups++;
    options.onProgress?.(groupStart, totalRows);
  }
  const state = reader.end();
  return { ...state, columns, rowGroups: groups };
}

/** `count` rows of rendered cells as CSV lines. */
function rowsText(cells: readonly string[][], count: number): string {
  let text = '';
  if (cells.length === 3) {
    const [a, b, c] = cells as [string[], string[], string[]];
    for (let i = 0; i < count; i++) text += `${a[i]},${b[i]},${c[i]}\n`;
    return text;
  }
  for (let i = 0; i < count; i++) {
    let line = '';
    for (let c = 0; c < cells.length; c++) line += c === 0 ? (cells[c] as string[])[i] : `,${(cells[c] as string[])[i]}`;
    text += `${line}\n`;
  }
  return text;
}

/** A row group's values of one column, in row order, from the chunks hyparquet hands out. */
function joinChunks(chunks: { start: number; values: ArrayLike<unknown> }[], groupStart: number, rows: number, name: string): ArrayLike<unknown> {
  if (chunks.length === 1 && chunks[0]?.start === groupStart && chunks[0].values.length === rows) return chunks[0].values;
  const joined = new Array<unknown>(rows);
  let filled = 0;
  for (const { start, values } of chunks) {
    for (let i = 0; i < values.length; i++) {
      const row = start - groupStart + i;
      if (row >= 0 && row < rows) {
        joined[row] = values[i];
        filled++;
      }
    }
  }
  if (filled !== rows) throw invalidParquet(`Column "${name}" has ${filled} values in a row group of ${rows} rows`, undefined);
  return joined;
}

function asyncBufferOf(source: ParquetSource): { byteLength: number; slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer> } {
  if (source instanceof Uint8Array) {
    // Copies through the underlying buffer: a Node.js Buffer's own slice is a view of a shared pool.
    const base = source.byteOffset;
    const length = source.byteLength;
    const clamp = (i: number) => Math.min(length, Math.max(0, i < 0 ? length + i : i));
    return { byteLength: length, slice: (start, end) => source.buffer.slice(base + clamp(start), base + clamp(end ?? length)) as ArrayBuffer };
  }
  return source;
}

function invalidParquet(message: string, cause: unknown): RelmarkError {
  return new RelmarkError('invalid_input', 'the Parquet file cannot be read', {
    issues: [{ code: 'invalid_parquet', path: [], message }],
    ...(cause === undefined ? {} : { cause }),
  });
}
