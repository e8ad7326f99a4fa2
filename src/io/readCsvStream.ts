import { parse } from 'csv-parse/sync';
import { RelmarkError } from '../errors/RelmarkError.js';
import { checkCsvOptions, checkedChunks } from '../internal/guards.js';
import type { RejectedRow } from '../models/parse.js';
import type { SourceRecord } from './csvRecord.js';
import { checkHeader, createLineTracker, toFields } from './parseCsv.js';
import type { ParseCsvOptions } from './parseCsv.js';

/** One item of {@link readCsvStream}: the header first, then each record or rejected row in file order. @category IO */
export type CsvStreamItem =
  | { readonly kind: 'header'; readonly header: string[] }
  | { readonly kind: 'record'; readonly record: SourceRecord }
  | { readonly kind: 'rejected'; readonly row: RejectedRow };

/**
 * Reads CSV from a stream of text or byte chunks, one record at a time, so that a file larger
 * than memory can be summarised: memory holds one chunk and one partial record, never the file.
 *
 * @remarks
 * Gives the same records, rejected rows and line numbers as {@link parseCsv} on the whole text, for
 * any split of the text into chunks (property-tested). Chunks may be strings or UTF-8 bytes (split
 * anywhere, even inside a character). It cuts the buffered text after the last line break that lies
 * outside quotes and parses that complete part with csv-parse. Platform-neutral: it needs only
 * `TextDecoder` and async iteration (a Node `fs.createReadStream`, a `fetch` body, or an array).
 *
 * @param chunks - The text, in pieces.
 * @param options - The delimiter.
 * @returns The header, then every record or rejected row, in file order.
 * @throws {@link RelmarkError} `invalid_input` when `chunks` is not an iterable of chunks (a plain
 *   string too: pass `[text]`) or a chunk is neither a string nor a `Uint8Array` (path `chunks[i]`);
 *   `invalid_options` as {@link parseCsv}.
 * @throws {@link RelmarkError} `invalid_input` as {@link parseCsv} does (no header, bad header,
 *   malformed text); the items before the problem have been yielded.
 * @example
 * ```ts
 * import { readCsvStream } from 'relmark/io';
 * const kinds = [];
 * for await (const item of readCsvStream(['id,no', 'te\n1,"a', '\nb"\n2,x\n3'])) kinds.push(item.kind);
 * kinds;
 * //=> ['header', 'record', 'record', 'rejected']
 * ```
 * @category IO
 */
export async function* readCsvStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ParseCsvOptions = {},
): AsyncGenerator<CsvStreamItem, void, undefined> {
  checkCsvOptions('readCsvStream', options);
  chunks = checkedChunks('readCsvStream', chunks);
  const delimiter = options.delimiter ?? ',';
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let inQuotes = false;
  let scanned = 0; // buffer[0, scanned) has been scanned for quotes
  let cut = -1; // end of the last complete record in the buffer
  let header: string[] | undefined;
  let linesBefore = 0; // editor lines consumed before the buffer
  let index = 0;
  let first = true;

  const emit = function* (text: string): Generator<CsvStreamItem> {
    let rows: { record: string[]; info: { lines: number } }[];
    try {
      rows = parse(text, { bom: first, relax_column_count: true, skip_empty_lines: true, info: true, delimiter }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
    } catch (cause) {
      throw new RelmarkError('invalid_input', 'readCsvStream: the CSV text is malformed', {
        issues: [{ code: 'malformed_csv', path: [], message: `near line ${linesBefore + 1}: ${(cause as Error).message}` }],
        cause,
      });
    }
    first = false;
    const lineOf = createLineTracker();
    for (const row of rows) {
      const line = linesBefore + lineOf(row.record, row.info.lines);
      if (header === undefined) {
        header = checkHeader(row.record, 'readCsvStream');
        yield { kind: 'header', header };
        continue;
      }
      const at = index++;
      if (row.record.length !== header.length) {
        yield {
          kind: 'rejected',
          row: {
            index: at,
            line,
            input: row.record,
            issues: [{ code: 'column_count', path: ['rows', at], message: `Line ${line} has ${row.record.length} fields but the header has ${header.length}` }],
          },
        };
      } else {
        yield { kind: 'record', record: { line, fields: toFields(header, row.record) } };
      }
    }
    linesBefore += text.split(/\r\n|\n|\r/).length - 1;
  };

  const take = function* (final: boolean): Generator<CsvStreamItem> {
    for (; scanned < buffer.length; scanned++) {
      const ch = buffer[scanned];
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && (ch === '\n' || (ch === '\r' && buffer[scanned + 1] !== '\n' && scanned + 1 < buffer.length))) cut = scanned + 1;
    }
    const end = final ? buffer.length : cut;
    if (end <= 0) return;
    const text = buffer.slice(0, end);
    buffer = buffer.slice(end);
    scanned -= end;
    cut = -1;
    if (text.trim() !== '' || header !== undefined) yield* emit(text);
    else linesBefore += text.split(/\r\n|\n|\r/).length - 1;
  };

  for await (const chunk of chunks) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* take(false);
  }
  buffer += decoder.decode();
  yield* take(true);
  if (header === undefined) {
    throw new RelmarkError('invalid_input', 'readCsvStream: no header', {
      issues: [{ code: 'missing_header', path: [], message: 'Expected a header line naming the columns, found an empty text' }],
    });
  }
}
