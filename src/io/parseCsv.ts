import { parse, type CsvError } from 'csv-parse/sync';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { requireString, checkCsvOptions } from '../internal/guards.js';
import type { RejectedRow } from '../models/parse.js';
import type { SourceRecord } from './csvRecord.js';

/** Options for {@link parseCsv}. @category IO */
export interface ParseCsvOptions {
  /** The field delimiter. @defaultValue ',' */
  readonly delimiter?: string;
}

/** The result of {@link parseCsv}: the header, the records, and the rows that could not be records. @category IO */
export interface ParsedCsv {
  readonly header: string[];
  readonly records: SourceRecord[];
  /** Rows whose number of fields differs from the header's, with their line and raw fields. */
  readonly rejected: RejectedRow[];
}

/**
 * Parses CSV text (RFC 4180: quoted fields with embedded commas, quotes and newlines; CRLF or LF;
 * a leading byte-order mark) into records keyed by the header, with the line each record starts on.
 *
 * @remarks
 * Parsing is done by `csv-parse`, a well-kept RFC 4180 parser. Empty lines are skipped. A row with
 * more or fewer fields than the header is not dropped: it is returned in `rejected` with its line,
 * its raw fields and a `column_count` issue. `index` in `rejected` and the record order both follow
 * the data rows of the file (the header excluded). Runs in O(size of the text).
 *
 * Edge cases: an empty text or a text with only blank lines has no header and throws; a header
 * alone gives no records.
 *
 * @param text - The whole CSV text.
 * @param options - The delimiter.
 * @returns The header, the records and the rejected rows.
 * @throws {@link RelmarkError} `invalid_input` when `text` is not a string; `invalid_options` when
 *   `options` is not an object or its delimiter not a string.
 * @throws {@link RelmarkError} `invalid_input` when there is no header, the header repeats or has an
 *   empty column name, or the text is malformed beyond one row (an unclosed quote); the issue names the line.
 * @example
 * ```ts
 * import { parseCsv } from 'relmark/io';
 * const csv = parseCsv('id,note\r\n1,"hello, ""world"""\r\n2,"two\nlines"\r\n3,a,b\r\n');
 * csv.records.map((r) => [r.line, r.fields.note]);
 * //=> [[2, 'hello, "world"'], [3, 'two\nlines']]
 * csv.rejected.map((r) => [r.line, r.issues[0]?.code]);
 * //=> [[5, 'column_count']]
 * ```
 * @category IO
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  requireString('parseCsv', ['text'], text);
  checkCsvOptions('parseCsv', options);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      delimiter: options.delimiter ?? ',',
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    const error = cause as CsvError;
    throw new RelmarkError('invalid_input', 'parseCsv: the CSV text is malformed', {
      issues: [{ code: 'malformed_csv', path: [], message: `${error.message}` }],
      cause,
    });
  }
  const [head, ...data] = rows;
  if (!head) {
    throw new RelmarkError('invalid_input', 'parseCsv: no header', {
      issues: [{ code: 'missing_header', path: [], message: 'Expected a header line naming the columns, found an empty text' }],
    });
  }
  const lineOf = createLineTracker();
  lineOf(head.record, head.info.lines);
  const header = checkHeader(head.record, 'parseCsv');
  const records: SourceRecord[] = [];
  const rejected: RejectedRow[] = [];
  data.forEach((row, index) => {
    const line = lineOf(row.record, row.info.lines);
    if (row.record.length !== header.length) {
      rejected.push({
        index,
        line,
        input: row.record,
        issues: [
          {
            code: 'column_count',
            path: ['rows', index],
            message: `Line ${line} has ${row.record.length} fields but the header has ${header.length}`,
          },
        ],
      });
      return;
    }
    records.push({ line, fields: toFields(header, row.record) });
  });
  return { header, records, rejected };
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

/**
 * Source line numbers for records. csv-parse reports the line a record ends on, but counts a CRLF
 * inside a quoted field as two lines, so its count drifts after such a field; this corrects the
 * drift and walks back over the record's own embedded line breaks to the line where it starts.
 * @internal
 */
export function createLineTracker(): (values: readonly string[], reportedEndLine: number) => number {
  let drift = 0;
  return (values, reportedEndLine) => {
    let breaks = 0;
    for (const value of values) {
      drift += value.split('\r\n').length - 1;
      breaks += value.split(/\r\n|\n|\r/).length - 1;
    }
    return reportedEndLine - drift - breaks;
  };
}
