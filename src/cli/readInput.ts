import { createReadStream, statSync } from 'node:fs';
import type { RejectedRow } from '../models/parse.js';
import type { Transaction } from '../models/transaction.js';
import { readCsvStream, readTransactions, type SourceRecord, type TransactionMapping } from '../io/index.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import { type Delimiter, detectDelimiter, whitespaceToCsv } from './delimitedText.js';
import { inferColumnMapping } from './inferColumnMapping.js';

/** What {@link readInput} needs. */
export interface ReadInputOptions {
  /** The file to read, or `-` for standard input. */
  readonly file: string;
  /** The fields named on the command line (`--columns`) and the date format. */
  readonly columns: TransactionMapping;
  /** The delimiter; guessed from the first line when absent. */
  readonly delimiter?: Delimiter | undefined;
  /** Records per validation batch. @defaultValue 50_000 */
  readonly batchSize?: number;
  /** Told the number of bytes read so far, and the total when known. */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
  /** Told each batch of valid transactions, in file order, and the column mapping in use. */
  readonly onValid: (valid: readonly Transaction[], mapping: TransactionMapping) => void;
  /** Told each rejected row (with its source line), in file order. */
  readonly onRejected: (row: RejectedRow) => void;
}

/** What {@link readInput} saw. */
export interface InputInfo {
  readonly header: readonly string[];
  readonly mapping: TransactionMapping;
  readonly delimiter: Delimiter;
  readonly records: number;
  readonly valid: number;
  readonly rejected: number;
}

/**
 * Streams a transaction file through the CSV reader and the transaction validator in batches, so that
 * memory holds one batch, never the file: each batch's valid transactions go to `onValid`, each
 * rejected row (wrong number of fields, bad value, bad date, …) to `onRejected` with its line.
 *
 * Ids and refunds are checked within a batch (a refund whose purchase lies in an earlier batch is
 * rejected as `unknown_purchase`): a file with refunds should keep each refund within `batchSize`
 * rows of its purchase, as a time-ordered export does.
 */
export async function readInput(options: ReadInputOptions): Promise<InputInfo> {
  const total = options.file === '-' ? undefined : statSync(options.file).size;
  const source = options.file === '-' ? process.stdin : createReadStream(options.file);
  const batchSize = options.batchSize ?? 50_000;
  let bytes = 0;
  let delimiter = options.delimiter;
  const decoder = new TextDecoder('utf-8');

  async function* text(): AsyncGenerator<string> {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      options.onProgress?.(bytes, total);
      yield decoder.decode(chunk, { stream: true });
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  }

  /** Guesses the delimiter from the first non-blank line, then passes the text on unchanged. */
  async function* detected(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    let head = '';
    let decided = delimiter !== undefined;
    for await (const chunk of chunks) {
      if (decided) {
        yield chunk;
        continue;
      }
      head += chunk;
      const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((line, i, all) => line.trim() !== '' && i < all.length - 1);
      if (firstLine === undefined) continue;
      delimiter = detectDelimiter(firstLine);
      decided = true;
      yield head;
    }
    if (!decided) {
      const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '');
      delimiter = detectDelimiter(firstLine ?? '');
      yield head;
    }
  }

  async function* csvText(): AsyncGenerator<string> {
    const chunks = detected(text());
    const first = await chunks.next();
    if (first.done) return;
    const d = delimiter as Delimiter;
    async function* all(): AsyncGenerator<string> {
      yield first.value;
      yield* chunks;
    }
    yield* d.kind === 'whitespace' ? whitespaceToCsv(all()) : all();
  }

  let header: string[] = [];
  let mapping: TransactionMapping = options.columns;
  let records = 0;
  let valid = 0;
  let rejected = 0;
  let batch: SourceRecord[] = [];
  let batchStart = 0; // the data-row index of the batch's first record
  let unreadable: RejectedRow[] = []; // rows of the batch's stretch that are not even records

  const flush = () => {
    const result = batch.length === 0 ? { valid: [], rejected: [] } : readTransactions(batch, mapping);
    valid += result.valid.length;
    if (result.valid.length > 0) options.onValid(result.valid, mapping);
    // Rejected rows go out in file order: unreadable rows and invalid records merged by line.
    const rows = [...unreadable, ...result.rejected.map((row) => ({ ...row, index: batchStart + row.index }))];
    rows.sort((p, q) => (p.line ?? 0) - (q.line ?? 0));
    for (const row of rows) options.onRejected(row);
    rejected += rows.length;
    batchStart += batch.length;
    batch = [];
    unreadable = [];
  };

  const csvDelimiter = () => (delimiter?.kind === 'char' ? delimiter.char : ',');
  // readCsvStream reads the delimiter when it starts, so it is started after detection has run.
  const chunks = csvText();
  const first = await chunks.next();
  async function* replay(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  for await (const item of readCsvStream(replay(), { delimiter: csvDelimiter() })) {
    if (item.kind === 'header') {
      header = item.header;
      mapping = inferColumnMapping(header, options.columns);
      checkRequiredColumns(header, mapping);
    } else if (item.kind === 'rejected') {
      records++;
      unreadable.push(item.row);
    } else {
      records++;
      batch.push(item.record);
      if (batch.length >= batchSize) flush();
    }
  }
  flush();
  return { header, mapping, delimiter: delimiter ?? { kind: 'char', char: ',' }, records, valid, rejected };
}

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
