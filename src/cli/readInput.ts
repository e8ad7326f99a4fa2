import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import type { RejectedRow } from '../models/parse.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import { createTransactionColumnReader, type TransactionColumnBatch, type TransactionColumnReaderState, type TransactionMapping } from '../io/index.js';
import { type Delimiter, detectDelimiter } from './delimitedText.js';
import { inferColumnMapping } from './inferColumnMapping.js';
import { isParquetFile, parquetOnStdin, readParquetInput, startsLikeParquet } from './readParquetInput.js';

/** What {@link readInput} needs. */
export interface ReadInputOptions {
  /** The file to read, or `-` for standard input. */
  readonly file: string;
  /** The fields named on the command line (`--columns`) and the date format. */
  readonly columns: TransactionMapping;
  /** The delimiter; guessed from the first line when absent. */
  readonly delimiter?: Delimiter | undefined;
  /** The text encoding of the file. @defaultValue 'utf-8' */
  readonly encoding?: 'utf-8' | 'latin1';
  /** Told the number of (compressed) bytes read so far, and the total when known. */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
  /** Told each batch of valid transactions, in file order. */
  readonly onBatch: (batch: TransactionColumnBatch) => void;
  /** Told each rejected row (with its source line and original text), in file order. */
  readonly onRejected: (row: RejectedRow) => void;
  /** Told the column mapping once the header has been read. */
  readonly onMapping?: (mapping: TransactionMapping) => void;
  /** Told the reader's customer dictionary (customer index → id; it grows as the file is read). */
  readonly onDictionary?: (customerIds: readonly string[]) => void;
}

/** What {@link readInput} saw. */
export interface InputInfo extends TransactionColumnReaderState {
  readonly format: 'csv' | 'ndjson' | 'parquet';
  readonly compressed: boolean;
  readonly delimiter: Delimiter | undefined;
}

/** The first bytes of the input, and a stream of all of it from the start. */
async function peek(source: Readable, want: number): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(taken);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { head, chunks: chunks() };
}

const gzipMagic = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

/**
 * Reads a transaction export in one streaming pass: Parquet (by a `.parquet` name or its magic bytes
 * "PAR1") a row group at a time (`readParquetInput`), gzip (by its magic bytes) is inflated on the
 * way, JSON lines (by a `.ndjson`/`.jsonl` name or a first character `{`) are read as records,
 * anything else as delimited text (the delimiter guessed from the first line). Every row is validated
 * once by the column reader; valid rows go to `onBatch` as columns, rejected ones to `onRejected`.
 * Memory holds one batch and the reader's dictionaries, never the file.
 */
export async function readInput(options: ReadInputOptions): Promise<InputInfo> {
  if (isParquetFile(options.file)) return readParquetInput(options, checkRequiredColumns);
  const total = options.file === '-' ? undefined : statSync(options.file).size;
  const raw: Readable = options.file === '-' ? process.stdin : createReadStream(options.file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  raw.on('data', (chunk: Uint8Array) => {
    bytes += chunk.length;
    options.onProgress?.(bytes, total);
  });
  const first = await peek(raw, 4);
  if (startsLikeParquet(first.head)) throw parquetOnStdin();
  const compressed = gzipMagic(first.head);
  const inflated = compressed ? peek(Readable.from(first.chunks).pipe(createGunzip()), 4096) : peek(Readable.from(first.chunks), 4096);
  const { head, chunks } = await inflated;
  const name = options.file.replace(/\.gz$/i, '').toLowerCase();
  const firstChar = String.fromCharCode(...head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart()[0];
  const ndjson = name.endsWith('.ndjson') || name.endsWith('.jsonl') || (options.delimiter === undefined && firstChar === '{');
  const encoding = options.encoding ?? 'utf-8';

  let delimiter = options.delimiter;
  if (!ndjson && delimiter === undefined) {
    const text = new TextDecoder(encoding === 'latin1' ? 'latin1' : 'utf-8').decode(head).replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n|\r/);
    const firstLine = lines.find((line, i) => line.trim() !== '' && (i < lines.length - 1 || head.length < 4096));
    delimiter = detectDelimiter(firstLine ?? '');
  }

  const reader = createTransactionColumnReader({
    mapping: (header) => {
      const mapping = inferColumnMapping(header, options.columns);
      checkRequiredColumns(header, mapping);
      options.onMapping?.(mapping);
      return mapping;
    },
    ...(ndjson ? {} : { delimiter: delimiter?.kind === 'whitespace' ? 'whitespace' : (delimiter?.char ?? ',') }),
    encoding,
    onBatch: options.onBatch,
    onRejected: options.onRejected,
  });
  options.onDictionary?.(reader.state.customerIds);
  try {
    if (ndjson) await readJsonLines(chunks, reader, encoding);
    else for await (const chunk of chunks) reader.push(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') {
      throw new RelmarkError('invalid_input', 'the gzip data is damaged', { issues: [{ code: 'invalid_gzip', path: [], message: `${options.file} starts like gzip but cannot be inflated: ${(error as Error).message}` }] });
    }
    throw error;
  }
  const state = reader.end();
  if (state.header === undefined) {
    throw new RelmarkError('invalid_input', 'the input is empty', { issues: [{ code: 'missing_header', path: [], message: `${options.file === '-' ? 'stdin' : options.file} has no header line naming the columns` }] });
  }
  return { ...state, format: ndjson ? 'ndjson' : 'csv', compressed, delimiter: ndjson ? undefined : delimiter };
}

/** Feeds JSON lines to the reader as records; a line that is not a JSON object is a rejected row. */
async function readJsonLines(chunks: AsyncIterable<Uint8Array>, reader: ReturnType<typeof createTransactionColumnReader>, encoding: 'utf-8' | 'latin1'): Promise<void> {
  const decoder = new TextDecoder(encoding === 'latin1' ? 'latin1' : 'utf-8', { fatal: true });
  let rest = '';
  let line = 0;
  const take = (raw: string) => {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      reader.pushUnreadable({ line, input: text, issues: [{ code: 'invalid_json', path: ['rows', 0], message: `Line ${line} is not valid JSON: ${(cause as Error).message}` }] });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reader.pushUnreadable({ line, input: text, issues: [{ code: 'not_an_object', path: ['rows', 0], message: `Line ${line} is JSON but not an object` }] });
      return;
    }
    reader.pushRecord(Object.assign(Object.create(null) as Record<string, unknown>, value), line);
  };
  try {
    for await (const chunk of chunks) {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split(/\r?\n/);
      rest = lines.pop() ?? '';
      for (const raw of lines) take(raw);
    }
    rest += decoder.decode();
  } catch (cause) {
    if (cause instanceof TypeError) {
      throw new RelmarkError('invalid_input', 'the text is not valid UTF-8', {
        issues: [{ code: 'invalid_encoding', path: [], message: `Line ${line + 1} is not valid UTF-8; if the file is Latin-1 (ISO-8859-1), read it with encoding latin1`, }],
        cause,
      });
    }
    throw cause;
  }
  if (rest !== '') take(rest);
}

/** The fields every run needs, with a message that says how to name them on the command line. */
function checkRequiredColumns(header: readonly string[], mapping: TransactionMapping): void {
  const issues = (['customerId', 'at', 'amount'] as const)
    .filter((field) => mapping[field] === undefined || !header.includes(mapping[field]))
    .map((field) => ({
      code: 'unknown_column',
      path: ['columns', field],
      message:
        mapping[field] === undefined
          ? `No column for ${field}: the header has ${header.map((h) => `"${h}"`).join(', ')}; name it with --columns ${field}=<column>`
          : `Column "${mapping[field]}" (for ${field}) is not in the header ${header.map((h) => `"${h}"`).join(', ')}`,
    }));
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'the file does not have the columns needed', { issues });
}
