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
  const { columns, rows, order } = table;
  const csvPath = formats.includes('csv') ? join(dir, `${name}.csv`) : undefined;
  const jsonPath = formats.includes('json') ? join(dir, `${name}.json`) : undefined;
  const csvFd = csvPath === undefined ? undefined : openSync(csvPath, 'w');
  let jsonFd: number | undefined;
  try {
    jsonFd = jsonPath === undefined ? undefined : openSync(jsonPath, 'w');
    const text = columns.map((c) => c.kind === 'text');
    const keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
    let csv = `${columns.map((c) => csvText(c.name, ',', true)).join(',')}\r\n`;
    let json = '[\n';
    // One pass over the rows for both files: each number is turned into text once.
    for (let k = 0; k < rows; k++) {
      const j = order ? (order[k] as number) : k;
      let csvLine = '';
      let jsonLine = k === 0 ? '{' : ',\n{';
      for (let i = 0; i < columns.length; i++) {
        const value = (columns[i] as TableColumn).value(j);
        const separator = i === 0 ? '' : ',';
        if (text[i] === true) {
          if (csvFd !== undefined) csvLine += separator + csvText(value as string, ',', true);
          if (jsonFd !== undefined) jsonLine += `${separator}${keys[i] as string}${JSON.stringify(value)}`;
        } else {
          const number = Number.isFinite(value) ? String(value) : '';
          if (csvFd !== undefined) csvLine += separator + number;
          if (jsonFd !== undefined) jsonLine += `${separator}${keys[i] as string}${number === '' ? 'null' : number}`;
        }
      }
      if (csvFd !== undefined) csv += `${csvLine}\r\n`;
      if (jsonFd !== undefined) json += `${jsonLine}}`;
      if (csv.length > chunkBytes) {
        writeSync(csvFd as number, csv);
        csv = '';
      }
      if (json.length > chunkBytes) {
        writeSync(jsonFd as number, json);
        json = '';
      }
    }
    if (csvFd !== undefined) writeSync(csvFd, csv);
    if (jsonFd !== undefined) writeSync(jsonFd, `${json}\n]\n`);
  } finally {
    if (csvFd !== undefined) closeSync(csvFd);
    if (jsonFd !== undefined) closeSync(jsonFd);
  }
  return [csvPath, jsonPath].filter((path): path is string => path !== undefined);
}
