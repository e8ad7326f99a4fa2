import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { createCsvScanner, fieldText, utf8SequenceLength, type CsvScanOptions } from './csvScanner.js';
import { toCsv } from './toCsv.js';

type Event = { line: number; fields: string[] } | { line: number; malformed: string; reason: string };
/** What a scan gave: every record and malformed line in order, then the error it ended with (code and issues), if any. */
interface Outcome {
  events: Event[];
  error?: { code: string; issues: unknown };
}

/** Scans `bytes` cut at `cuts` (positions, any order, repeats allowed) into chunks. */
function scan(bytes: Uint8Array, cuts: readonly number[], options: CsvScanOptions = {}): Outcome {
  const encoding = options.encoding ?? 'utf-8';
  const events: Event[] = [];
  const scanner = createCsvScanner(
    {
      record(buf, starts, ends, flags, count, line) {
        const fields: string[] = [];
        for (let i = 0; i < count; i++) fields.push(fieldText(buf, starts[i] as number, ends[i] as number, flags[i] as number, encoding));
        events.push({ line, fields });
      },
      malformed(buf, start, end, line, reason) {
        events.push({ line, malformed: fieldText(buf, start, end, 0, encoding), reason });
      },
    },
    options,
  );
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  try {
    let at = 0;
    // A copy per chunk, then the copy is scribbled over: the scanner must not keep views of its input.
    for (const p of [...points, bytes.length]) {
      const chunk = bytes.slice(at, p);
      scanner.push(chunk);
      chunk.fill(0x3f);
      at = p;
    }
    scanner.end();
  } catch (error) {
    if (!isRelmarkError(error)) throw error;
    return { events, error: { code: error.code, issues: error.issues } };
  }
  return { events };
}

/** Editor lines of a text: CRLF, LF and CR each end one. */
const lineBreaks = (text: string) => text.split(/\r\n|\n|\r/).length - 1;

// Characters that stress CSV: delimiters, quotes, every line break, blanks, a BOM, multi-byte and astral characters.
const tricky = fc.constantFrom(',', ';', '\t', '"', '\r', '\n', ' ', 'a', 'Z', '0', '\ufeff', 'é', '日', '𝄞');
const cellText = fc.oneof(fc.string({ unit: tricky, maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const asBytes = (text: string) => new TextEncoder().encode(text);

describe('createCsvScanner laws', () => {
  it('round trip: toCsv of any table of strings, scanned, gives the table back (a row that is one empty cell is a blank line)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 4 }),
        (table, delimiter, bom, cuts) => {
          fc.pre(bom || !(table[0]?.[0] ?? '').startsWith('\ufeff'));
          const [head = [], ...body] = table;
          // Column names for toCsv; the header line is written by toCsv from them, so they are the table's first row.
          const columns = head.map((_, i) => `k${i}`);
          const rows = body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]])));
          const written = toCsv(rows, { columns, delimiter, escapeFormulas: false });
          const headerLine = head.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);
          const text = `${bom ? '\ufeff' : ''}${headerLine}\r\n${written.slice(written.indexOf('\r\n') + 2)}`;
          const outcome = scan(asBytes(text), cuts, { delimiter: delimiter.charCodeAt(0) });
          expect(outcome.error).toBeUndefined();
          const kept = table.filter((row) => !(row.length === 1 && row[0] === ''));
          expect(outcome.events.map((e) => ('fields' in e ? e.fields : e))).toEqual(kept);
          // Each record starts on the line after the previous record's last line.
          let line = 1;
          const lines: number[] = [];
          for (const row of table) {
            if (!(row.length === 1 && row[0] === '')) lines.push(line);
            line += 1 + row.reduce((n, c) => n + lineBreaks(c), 0);
          }
          expect(outcome.events.map((e) => e.line)).toEqual(lines);
        },
      ),
    );
  });

  it('any split of the bytes into chunks gives the same records, malformed lines, lines and error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: tricky, maxLength: 60 }).map(asBytes), fc.uint8Array({ maxLength: 60 })),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<CsvScanOptions>({}, { delimiter: 'whitespace' }, { encoding: 'latin1' }, { delimiter: 0x3b }),
        (body, bom, cuts, options) => {
          // With a byte-order mark too, so that columns in encoding errors are seen not to depend on the chunks.
          const bytes = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
          expect(scan(bytes, cuts, options)).toEqual(scan(bytes, [], options));
        },
      ),
    );
  });

  it('the UTF-8 check agrees with TextDecoder(fatal) on arbitrary bytes, whatever the mode and the chunks', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 10 }).map(asBytes)),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom<CsvScanOptions>({}, { delimiter: 'whitespace' }),
        (bytes, cuts, options) => {
          const outcome = scan(bytes, cuts, options);
          const rejectedEncoding = outcome.error !== undefined && (outcome.error.issues as { code: string }[])[0]?.code === 'invalid_encoding';
          expect(rejectedEncoding).toBe(!valid(bytes));
          // latin1 reads every byte: it never rejects the encoding.
          expect(scan(bytes, cuts, { ...options, encoding: 'latin1' }).error?.issues).not.toEqual([expect.objectContaining({ code: 'invalid_encoding' })]);
          // utf8SequenceLength alone walks valid text exactly and stops at the first invalid byte.
          let p = 0;
          while (p < bytes.length) {
            if ((bytes[p] as number) < 0x80) p++;
            else {
              const k = utf8SequenceLength(bytes, p, bytes.length);
              if (k <= 0) break;
              p += k;
            }
          }
          expect(p === bytes.length).toBe(valid(bytes));
        },
      ),
    );
  });
});
