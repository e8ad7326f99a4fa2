import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatPath } from '../errors/formatIssues.js';
import type { RejectedRow } from '../models/parse.js';
import { toCsv } from '../io/index.js';

/** Writes rows as `<dir>/<name>.csv` and/or `.json`; returns the paths written. */
export function writeTable(dir: string, name: string, rows: readonly Readonly<Record<string, unknown>>[], formats: readonly ('csv' | 'json')[], columns: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  if (formats.includes('csv')) {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, toCsv(rows, { columns }));
    written.push(path);
  }
  if (formats.includes('json')) {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, `${JSON.stringify(rows, null, 1)}\n`);
    written.push(path);
  }
  return written;
}

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

const rejectedColumns = ['line', 'field', 'code', 'message', 'input'];

/**
 * A CSV file of rejected rows, one line per issue (source line, field, code, message, the raw row
 * as JSON), created on the first row so that a clean input leaves no file behind. Cells go through
 * toCsv, so a raw value that starts with `=`, `+`, `-` or `@` cannot run as a spreadsheet formula.
 */
export function createRejectedSink(path: string): { add(row: RejectedRow): void; close(): void; readonly count: number; readonly samples: RejectedRow[] } {
  let fd: number | undefined;
  let count = 0;
  const samples: RejectedRow[] = [];
  return {
    add(row) {
      if (fd === undefined) {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, 'w');
        writeSync(fd, toCsv([], { columns: rejectedColumns }));
      }
      count++;
      if (samples.length < 5) samples.push(row);
      const lines = row.issues.map((issue) => ({
        line: row.line ?? '',
        // Paths are rows[i].field with i counted within a batch: the line is the stable locator.
        field: issue.path.length > 2 ? formatPath(issue.path.slice(2)) : '',
        code: issue.code,
        message: issue.message,
        input: typeof row.input === 'string' ? row.input : JSON.stringify(row.input),
      }));
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
