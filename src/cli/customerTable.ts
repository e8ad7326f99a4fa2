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
 * A file written through a byte buffer: text goes in as bytes and small integers as digits, so that
 * a million rows do not become millions of short-lived strings (concatenation would make a rope of
 * them and the collector would chase each).
 */
function createByteFile(path: string) {
  const fd = openSync(path, 'w');
  const buffer = new Uint8Array(chunkBytes + 4096);
  const encoder = new TextEncoder();
  let used = 0;
  const flush = () => {
    let done = 0;
    while (done < used) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };
  return {
    text(value: string) {
      if (used + value.length * 3 > buffer.length) flush();
      if (value.length * 3 > buffer.length) {
        writeSync(fd, value);
        return;
      }
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) {
          used += encoder.encodeInto(value.slice(i), buffer.subarray(used)).written;
          return;
        }
        buffer[used++] = c;
      }
    },
    number(value: number) {
      if (Number.isInteger(value) && value >= 0 && value < 1e15) {
        if (used + 16 > buffer.length) flush();
        if (value === 0) {
          buffer[used++] = 0x30;
          return;
        }
        let digits = 0;
        for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++;
        let v = value;
        for (let k = digits - 1; k >= 0; k--) {
          buffer[used + k] = 0x30 + (v % 10);
          v = Math.floor(v / 10);
        }
        used += digits;
        return;
      }
      this.text(String(value));
    },
    close() {
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
    abandon() {
      closeSync(fd);
    },
  };
}

/**
 * Writes a column table as `<dir>/<name>.csv` (RFC 4180, CRLF, formula-escaped text as `toCsv`
 * writes it) and/or `<dir>/<name>.json` (an array of objects, one per line), in one pass over the
 * rows through byte buffers, so that a million customers never become a million row objects or
 * strings. Non-finite numbers (there should be none) are written empty in CSV and `null` in JSON.
 * Returns the paths written.
 */
export function writeColumnTable(dir: string, name: string, table: { columns: TableColumn[]; rows: number; order?: Int32Array }, formats: readonly ('csv' | 'json')[]): string[] {
  mkdirSync(dir, { recursive: true });
  const { columns, rows, order } = table;
  const csvPath = formats.includes('csv') ? join(dir, `${name}.csv`) : undefined;
  const jsonPath = formats.includes('json') ? join(dir, `${name}.json`) : undefined;
  const csv = csvPath === undefined ? undefined : createByteFile(csvPath);
  let json: ReturnType<typeof createByteFile> | undefined;
  try {
    json = jsonPath === undefined ? undefined : createByteFile(jsonPath);
    const text = columns.map((c) => c.kind === 'text');
    const keys = columns.map((c, i) => `${i === 0 ? '' : ','}${JSON.stringify(c.name)}:`);
    csv?.text(`${columns.map((c) => csvText(c.name, ',', true)).join(',')}\r\n`);
    json?.text('[\n');
    for (let k = 0; k < rows; k++) {
      const j = order ? (order[k] as number) : k;
      json?.text(k === 0 ? '{' : ',\n{');
      for (let i = 0; i < columns.length; i++) {
        const value = (columns[i] as TableColumn).value(j);
        if (i > 0) csv?.text(',');
        json?.text(keys[i] as string);
        if (text[i] === true) {
          csv?.text(csvText(value as string, ',', true));
          json?.text(JSON.stringify(value));
        } else if (Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e15) {
          csv?.number(value as number);
          json?.number(value as number);
        } else if (Number.isFinite(value)) {
          // Shortest round-trip text, made once for both files.
          const digits = String(value);
          csv?.text(digits);
          json?.text(digits);
        } else json?.text('null');
      }
      csv?.text('\r\n');
      json?.text('}');
    }
    json?.text('\n]\n');
    csv?.close();
    json?.close();
  } catch (error) {
    csv?.abandon();
    json?.abandon();
    throw error;
  }
  return [csvPath, jsonPath].filter((path): path is string => path !== undefined);
}
