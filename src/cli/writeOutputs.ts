import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatPath } from '../errors/formatIssues.js';
import type { RejectedRow } from '../models/parse.js';
import { toCsv } from '../io/index.js';

/** Writes a JSON document, creating its folder. */
export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a text file, creating its folder. */
export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const rejectedColumns = ['line', 'field', 'code', 'message', 'value', 'input'];

/** The original text of the cell an issue is about, when the row was a record ('' otherwise). */
export function cellOf(input: unknown, field: string): string {
  if (field === '' || typeof input !== 'object' || input === null || !('fields' in input)) return '';
  const fields = (input as { fields: Record<string, unknown> }).fields;
  if (!Object.hasOwn(fields, field)) return '';
  const value = fields[field];
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** What a rejected-rows sink kept: the count and the first rows (shown on screen). */
export interface RejectedSink {
  add(row: RejectedRow): void;
  close(): void;
  readonly count: number;
  readonly samples: RejectedRow[];
}

/**
 * A CSV file of rejected rows, one line per issue (source line, field, code, message, the original
 * text of the cell, the raw row as JSON), created on the first row so that a clean input leaves no
 * file behind; without a path only the count and the first five rows are kept. Cells go through the
 * CSV writer, so a raw value that starts with `=`, `+`, `-` or `@` cannot run as a spreadsheet formula.
 * `columnOf` maps a transaction field to the column that holds it.
 */
export function createRejectedSink(path: string | undefined, columnOf: (field: string) => string = (field) => field): RejectedSink {
  let fd: number | undefined;
  let count = 0;
  const samples: RejectedRow[] = [];
  return {
    add(row) {
      count++;
      if (samples.length < 5) samples.push(row);
      if (path === undefined) return;
      if (fd === undefined) {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, 'w');
        writeSync(fd, toCsv([], { columns: rejectedColumns }));
      }
      const lines = row.issues.map((issue) => {
        const field = issue.path.length > 2 ? formatPath(issue.path.slice(2)) : '';
        return {
          line: row.line ?? '',
          // Paths are rows[i].field with i the data row: the line is the stable locator.
          field,
          code: issue.code,
          message: issue.message,
          value: cellOf(row.input, columnOf(field)),
          input: typeof row.input === 'string' ? row.input : JSON.stringify(row.input),
        };
      });
      const text = toCsv(lines, { columns: rejectedColumns });
      writeSync(fd, text.slice(text.indexOf('\r\n') + 2));
    },
    close() {
      if (fd !== undefined) closeSync(fd);
    },
    get count() {
      return count;
    },
    samples,
  };
}
