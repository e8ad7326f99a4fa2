import { checkCsvOptions, checkedChunks } from '../internal/guards.js';
import type { RejectedRow } from '../models/parse.js';
import type { SourceRecord } from './csvRecord.js';
import { createCsvRowReader } from './parseCsv.js';
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
 * anywhere, even inside a character; string chunks are encoded with `TextEncoder`, a surrogate pair
 * split between two string chunks is joined). Each chunk goes through the same byte scanner as
 * {@link parseCsv}, which keeps only the unfinished record of a chunk. Platform-neutral: it needs
 * only `TextEncoder` and async iteration (a Node `fs.createReadStream`, a `fetch` body, or an array).
 *
 * @param chunks - The text, in pieces.
 * @param options - The delimiter.
 * @returns The header, then every record or rejected row, in file order.
 * @throws {@link RelmarkError} `invalid_input` as {@link parseCsv} does (no header, bad header,
 *   an unclosed quote, byte chunks that are not UTF-8: `invalid_encoding` naming the line); the items
 *   before the problem have been yielded. A line that is not RFC 4180 is a rejected row (`malformed_csv`).
 * @throws {@link RelmarkError} `invalid_options` as {@link parseCsv} does (a delimiter that is not one
 *   ASCII character).
 * @throws {@link RelmarkError} `invalid_input` when `chunks` is not an iterable of chunks (a plain
 *   string too: pass `[text]`) or a chunk is neither a string nor a `Uint8Array` (path `chunks[i]`).
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
  const items: CsvStreamItem[] = [];
  const reader = createCsvRowReader('readCsvStream', { delimiter }, {
    header: (header) => items.push({ kind: 'header', header }),
    record: (record) => items.push({ kind: 'record', record }),
    rejected: (row) => items.push({ kind: 'rejected', row }),
  });
  const encoder = new TextEncoder();
  // A high surrogate that ended a string chunk: the low one may start the next chunk.
  let pending = '';

  /** Runs one reader step, then yields what it delivered, also when the step threw (then rethrows). */
  const run = function* (step: () => void): Generator<CsvStreamItem> {
    let failed = false;
    let failure: unknown;
    try {
      step();
    } catch (error) {
      failed = true;
      failure = error;
    }
    yield* items.splice(0);
    if (failed) throw failure;
  };

  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      let text = pending + chunk;
      pending = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        pending = text.slice(-1);
        text = text.slice(0, -1);
      }
      yield* run(() => reader.push(encoder.encode(text)));
    } else {
      if (pending !== '') yield* run(() => reader.push(encoder.encode(pending)));
      pending = '';
      yield* run(() => reader.push(chunk));
    }
  }
  yield* run(() => {
    if (pending !== '') reader.push(encoder.encode(pending));
    reader.end();
  });
}
