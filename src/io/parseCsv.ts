import { checkCsvOptions, requireString } from '../internal/guards.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import type { RejectedRow } from '../models/parse.js';
import { describeValue } from '../internal/describeValue.js';
import type { SourceRecord } from './csvRecord.js';
import { createCsvScanner, fieldText } from './csvScanner.js';

/** Options for {@link parseCsv}. @category IO */
export interface ParseCsvOptions {
  /** The field delimiter. @defaultValue ',' */
  readonly delimiter?: string;
}

/** The result of {@link parseCsv}: the header, the records, and the rows that could not be records. @category IO */
export interface ParsedCsv {
  readonly header: string[];
  readonly records: SourceRecord[];
  /**
   * Rows that are not records, with their line: a row whose number of fields differs from the
   * header's (`column_count`, `input` = its fields), or a line that is not RFC 4180 (`malformed_csv`,
   * `input` = its text).
   */
  readonly rejected: RejectedRow[];
}

/**
 * Parses CSV text (RFC 4180: quoted fields with embedded commas, quotes and newlines; CRLF or LF;
 * a leading byte-order mark) into records keyed by the header, with the line each record starts on.
 *
 * @remarks
 * Parsing is done by relmark's one CSV reader, the byte scanner the CLI also reads with. Empty lines
 * are skipped (a line holding only `""` is a record with one empty field). Lines are counted as an
 * editor counts them: CRLF, LF and CR each end one, also inside quoted fields; a record's line is
 * the line it starts on. Nothing is dropped: a row with more or fewer fields than the header is
 * returned in `rejected` with its line, its raw fields and a `column_count` issue; a line with a
 * quote inside an unquoted field, or text after a closing quote, is returned in `rejected` with its
 * line, its text and a `malformed_csv` issue. `index` in `rejected` and the record order both follow
 * the data rows of the file (the header excluded). Runs in O(size of the text).
 *
 * Edge cases: an empty text or a text with only blank lines has no header and throws; a header
 * alone gives no records; a lone UTF-16 surrogate in the text reads as U+FFFD.
 *
 * @param text - The whole CSV text.
 * @param options - The delimiter.
 * @returns The header, the records and the rejected rows.
 * @throws {@link RelmarkError} `invalid_input` when `text` is not a string; `invalid_options` when
 *   `options` is not an object or its delimiter not a string.
 * @throws {@link RelmarkError} `invalid_input` when there is no header, the header repeats or has an
 *   empty column name or is not RFC 4180, or the text ends inside a quoted field (an unclosed quote); the issue names the line.
 * @throws {@link RelmarkError} `invalid_options` when the delimiter is not one ASCII character other
 *   than a quote or a line break.
 * @example
 * ```ts
 * import { parseCsv } from 'relmark/io';
 * const csv = parseCsv('id,note\r\n1,"hello, ""world"""\r\n2,"two\nlines"\r\n3,a,b\r\n4,say "hi"\r\n');
 * csv.records.map((r) => [r.line, r.fields.note]);
 * //=> [[2, 'hello, "world"'], [3, 'two\nlines']]
 * csv.rejected.map((r) => [r.line, r.issues[0]?.code]);
 * //=> [[5, 'column_count'], [6, 'malformed_csv']]
 * ```
 * @category IO
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  requireString('parseCsv', ['text'], text);
  checkCsvOptions('parseCsv', options);
  const records: SourceRecord[] = [];
  const rejected: RejectedRow[] = [];
  const reader = createCsvRowReader('parseCsv', options, {
    header: () => undefined,
    record: (record) => records.push(record),
    rejected: (row) => rejected.push(row),
  });
  reader.push(new TextEncoder().encode(text));
  const header = reader.end();
  return { header, records, rejected };
}

/** Where {@link createCsvRowReader} delivers, in file order. @internal */
export interface CsvRowSink {
  header(header: string[]): void;
  record(record: SourceRecord): void;
  rejected(row: RejectedRow): void;
}

/** A push reader of CSV bytes (split anywhere); `end` returns the header. @internal */
export interface CsvRowReader {
  push(bytes: Uint8Array): void;
  end(): string[];
}

/**
 * The reader behind {@link parseCsv} and `readCsvStream`: UTF-8 bytes through `createCsvScanner`
 * to the header, records keyed by it, and rejected rows (`column_count`, `malformed_csv`), in file
 * order. Errors name `where`. @internal
 */
export function createCsvRowReader(where: string, options: ParseCsvOptions, sink: CsvRowSink): CsvRowReader {
  const delimiter = delimiterByte(where, options.delimiter);
  let header: string[] | undefined;
  let index = 0;
  const scanner = createCsvScanner(
    {
      record(buf, starts, ends, flags, count, line) {
        const values: string[] = [];
        for (let i = 0; i < count; i++) values.push(fieldText(buf, starts[i] as number, ends[i] as number, flags[i] as number));
        if (header === undefined) {
          header = checkHeader(values, where);
          sink.header(header);
          return;
        }
        const at = index++;
        if (count !== header.length) {
          sink.rejected({
            index: at,
            line,
            input: values,
            issues: [{ code: 'column_count', path: ['rows', at], message: `Line ${line} has ${count} fields but the header has ${header.length}` }],
          });
          return;
        }
        sink.record({ line, fields: toFields(header, values) });
      },
      malformed(buf, start, end, line, reason) {
        if (header === undefined) {
          throw new RelmarkError('invalid_input', `${where}: the CSV header is malformed`, {
            issues: [{ code: 'malformed_csv', path: ['header'], message: `Line ${line} is not valid CSV: ${reason}` }],
          });
        }
        const at = index++;
        sink.rejected({
          index: at,
          line,
          input: fieldText(buf, start, end, 0),
          issues: [{ code: 'malformed_csv', path: ['rows', at], message: `Line ${line} is not valid CSV: ${reason}` }],
        });
      },
    },
    { delimiter },
  );
  return {
    push(bytes) {
      named(where, () => scanner.push(bytes));
    },
    end() {
      named(where, () => scanner.end());
      if (header === undefined) {
        throw new RelmarkError('invalid_input', `${where}: no header`, {
          issues: [{ code: 'missing_header', path: [], message: 'Expected a header line naming the columns, found an empty text' }],
        });
      }
      return header;
    },
  };
}

/** Runs a scanner step; an error of the scanner itself (unclosed quote, invalid UTF-8) is rethrown naming `where`. */
function named(where: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (!(error instanceof RelmarkError) || error.message.startsWith(`${where}:`)) throw error;
    const summary = error.issues[0]?.code === 'invalid_encoding' ? 'the text is not valid UTF-8' : 'the CSV text is malformed';
    throw new RelmarkError(error.code, `${where}: ${summary}`, { issues: error.issues, cause: error });
  }
}

/** The delimiter as the scanner's byte, or `invalid_options`. */
function delimiterByte(where: string, delimiter: string | undefined): number {
  const d: unknown = delimiter ?? ',';
  if (typeof d === 'string' && d.length === 1 && d.charCodeAt(0) < 0x80 && d !== '"' && d !== '\n' && d !== '\r') return d.charCodeAt(0);
  throw new RelmarkError('invalid_options', `${where}: invalid options`, {
    issues: [
      {
        code: 'invalid_value',
        path: ['delimiter'],
        message: `delimiter must be one ASCII character other than a quote or a line break; received ${typeof d === 'string' ? JSON.stringify(d) : describeValue(d)}`,
      },
    ],
  });
}

/** Checks a header for empty and repeated names; returns it trimmed. @internal */
export function checkHeader(names: readonly string[], where: string): string[] {
  const header = names.map((name) => name.trim());
  const issues: RelmarkIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') issues.push({ code: 'empty_column_name', path: ['header', i], message: `Column ${i + 1} of the header has no name` });
    else if (seen.has(name)) issues.push({ code: 'duplicate_column', path: ['header', i], message: `Column "${name}" appears more than once in the header` });
    seen.add(name);
  });
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid header`, { issues });
  return header;
}

/** Builds a record without a prototype, so that a column named `__proto__` is just a column. @internal */
export function toFields(header: readonly string[], values: readonly string[]): Record<string, string> {
  const fields = Object.create(null) as Record<string, string>;
  header.forEach((name, i) => {
    fields[name] = values[i] ?? '';
  });
  return fields;
}
