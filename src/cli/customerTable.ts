import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from '../io/csvCell.js';
import type { ClvAnalysis } from './analyze.js';
import type { CustomerColumns, RfmColumnsAnalysis } from './customerColumns.js';

/** One output column: its name and how to read row j as text (CSV) and as a JSON value. */
export interface TableColumn {
  readonly name: string;
  /** A number column (written as is) or a text column (quoted and formula-escaped in CSV). */
  readonly kind: 'number' | 'text';
  readonly value: (j: number) => number | string;
}

/**
 * The per-customer table of a run as columns: id, segment, scores, RFM values, history, values —
 * whatever the run computed, in the order of the existing outputs. With `order`, rows come in that
 * order (contacts by value at risk); otherwise by customer id.
 */
export function customerTableColumns(
  customers: CustomerColumns,
  rfm: RfmColumnsAnalysis | undefined,
  clv: ClvAnalysis | undefined,
  contacts: boolean,
  risk?: Float64Array,
  order?: Int32Array,
): { columns: TableColumn[]; rows: number; order?: Int32Array } {
  const { totals, customerIds } = customers;
  const text = (name: string, value: (j: number) => string): TableColumn => ({ name, kind: 'text', value });
  const number = (name: string, column: ArrayLike<number>): TableColumn => ({ name, kind: 'number', value: (j) => column[j] as number });
  const segmentOf = (j: number) => (rfm ? (rfm.segmentNames[rfm.segment[j] as number] as string) : '');
  const columns: TableColumn[] = [text('customerId', (j) => customerIds[j] as string)];
  if (contacts && clv && risk) {
    const actionOf = new Map(rfm?.segments.map((s) => [s.segment, s.action]));
    columns.push(
      text('segment', segmentOf),
      text('action', (j) => actionOf.get(segmentOf(j)) ?? ''),
      number('probabilityAlive', clv.values.probabilityAlive),
      number('clv', clv.values.clv),
      number('valueAtRisk', risk),
    );
  } else {
    if (rfm) {
      columns.push(
        text('segment', segmentOf),
        number('r', rfm.r),
        number('f', rfm.f),
        number('m', rfm.m),
        text('rfmCode', (j) => `${rfm.r[j] as number}${rfm.f[j] as number}${rfm.m[j] as number}`),
        number('recencyDays', totals.recency),
        number('frequency', totals.frequency),
        number('monetary', totals.monetary),
      );
    }
    if (clv) {
      columns.push(number('x', totals.x), number('tx', totals.tx), number('T', totals.T));
      columns.push(number('probabilityAlive', clv.values.probabilityAlive), number('expectedPurchases', clv.values.expectedPurchases), number('expectedSpend', clv.values.expectedSpend), number('clv', clv.values.clv));
    }
  }
  return { columns, rows: customerIds.length, ...(order ? { order } : {}) };
}

const chunkBytes = 1 << 20;

/**
 * Writes a column table as `<dir>/<name>.csv` (RFC 4180, CRLF, formula-escaped text as `toCsv`
 * writes it) and/or `<dir>/<name>.json` (an array of objects, one per line), streaming in 1 MB
 * pieces so that a million customers never become a million row objects. Returns the paths written.
 */
export function writeColumnTable(dir: string, name: string, table: { columns: TableColumn[]; rows: number; order?: Int32Array }, formats: readonly ('csv' | 'json')[]): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const { columns, rows, order } = table;
  const rowAt = (k: number) => (order ? (order[k] as number) : k);
  const write = (path: string, header: string, line: (j: number) => string, footer: string) => {
    const fd = openSync(path, 'w');
    try {
      let buffer = header;
      for (let k = 0; k < rows; k++) {
        buffer += line(rowAt(k));
        if (buffer.length > chunkBytes) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      writeSync(fd, buffer + footer);
    } finally {
      closeSync(fd);
    }
    written.push(path);
  };
  if (formats.includes('csv')) {
    const text = columns.map((c) => c.kind === 'text');
    const line = (j: number) => {
      let out = '';
      for (let i = 0; i < columns.length; i++) {
        const value = (columns[i] as TableColumn).value(j);
        out += `${i === 0 ? '' : ','}${text[i] === true ? csvText(value as string, ',', true) : String(value)}`;
      }
      return `${out}\r\n`;
    };
    write(join(dir, `${name}.csv`), `${columns.map((c) => csvText(c.name, ',', true)).join(',')}\r\n`, line, '');
  }
  if (formats.includes('json')) {
    const keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
    let first = true;
    const line = (j: number) => {
      let out = first ? '{' : ',\n{';
      first = false;
      for (let i = 0; i < columns.length; i++) {
        const value = (columns[i] as TableColumn).value(j);
        out += `${i === 0 ? '' : ','}${keys[i] as string}${typeof value === 'string' ? JSON.stringify(value) : Number.isFinite(value) ? String(value) : 'null'}`;
      }
      return `${out}}`;
    };
    write(join(dir, `${name}.json`), '[\n', line, '\n]\n');
  }
  return written;
}
