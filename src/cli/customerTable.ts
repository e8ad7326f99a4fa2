import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvText, formulaStart } from '../io/csvCell.js';
import { writeDecimalBytes } from '../internal/decimalBytes.js';
import type { ClvAnalysis } from './analyze.js';
import type { CustomerColumns, RfmColumnsAnalysis } from './customerColumns.js';

/**
 * One output column: its name and its values as data the writer reads directly — numbers from a
 * typed array, labels from a small list by code (segments, actions, RFM codes: their bytes are made
 * once, not once per row), or text per row (customer ids).
 */
export type TableColumn =
  | { readonly name: string; readonly kind: 'number'; readonly values: ArrayLike<number> }
  | { readonly name: string; readonly kind: 'label'; readonly codes: ArrayLike<number>; readonly labels: readonly string[] }
  | { readonly name: string; readonly kind: 'text'; readonly value: (j: number) => string };

/** The RFM codes ("543") of all customers as label codes, each distinct code spelled once. */
function rfmCodes(rfm: RfmColumnsAnalysis, rows: number): { codes: Int32Array; labels: string[] } {
  const codes = new Int32Array(rows);
  const labels: string[] = [];
  const seen = new Map<number, number>();
  for (let j = 0; j < rows; j++) {
    const r = rfm.r[j] as number;
    const f = rfm.f[j] as number;
    const m = rfm.m[j] as number;
    const key = (r * 1024 + f) * 1024 + m;
    let code = seen.get(key);
    if (code === undefined) {
      seen.set(key, (code = labels.length));
      labels.push(`${r}${f}${m}`);
    }
    codes[j] = code;
  }
  return { codes, labels };
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
  const rows = customerIds.length;
  const number = (name: string, values: ArrayLike<number>): TableColumn => ({ name, kind: 'number', values });
  const noSegment = { codes: new Uint8Array(rows), labels: [''] };
  const segments = rfm ? { codes: rfm.segment, labels: rfm.segmentNames } : noSegment;
  const columns: TableColumn[] = [{ name: 'customerId', kind: 'text', value: (j) => customerIds[j] as string }];
  if (contacts && clv && risk) {
    const actionOf = new Map(rfm?.segments.map((s) => [s.segment, s.action]));
    columns.push(
      { name: 'segment', kind: 'label', ...segments },
      { name: 'action', kind: 'label', codes: segments.codes, labels: segments.labels.map((name) => actionOf.get(name) ?? '') },
      number('probabilityAlive', clv.values.probabilityAlive),
      number('clv', clv.values.clv),
      number('valueAtRisk', risk),
    );
  } else {
    if (rfm) {
      columns.push(
        { name: 'segment', kind: 'label', ...segments },
        number('r', rfm.r),
        number('f', rfm.f),
        number('m', rfm.m),
        { name: 'rfmCode', kind: 'label', ...rfmCodes(rfm, rows) },
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
  return { columns, rows, ...(order ? { order } : {}) };
}

const chunkBytes = 1 << 20;
const encoder = new TextEncoder();

/**
 * A file written through a byte buffer: text goes in as bytes and numbers as digits, so that a
 * million rows do not become millions of short-lived strings (concatenation would make a rope of
 * them and the collector would chase each).
 */
function createByteFile(path: string) {
  const fd = openSync(path, 'w');
  const buffer = new Uint8Array(chunkBytes + 4096);
  let used = 0;
  const flush = () => {
    let done = 0;
    while (done < used) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };
  const file = {
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
    bytes(value: Uint8Array) {
      if (used + value.length > buffer.length) flush();
      if (value.length > buffer.length) {
        writeSync(fd, value);
        return;
      }
      // A loop beats TypedArray#set's call overhead for the short keys and labels written per cell.
      if (value.length < 64) for (let i = 0; i < value.length; i++) buffer[used++] = value[i] as number;
      else {
        buffer.set(value, used);
        used += value.length;
      }
    },
    byte(value: number) {
      if (used === buffer.length) flush();
      buffer[used++] = value;
    },
    /** Writes a finite number as `String` spells it when that needs no `String` call; false (nothing written) otherwise. */
    decimal(value: number): boolean {
      if (used + 32 > buffer.length) flush();
      const end = writeDecimalBytes(buffer, used, value);
      if (end < 0) return false;
      used = end;
      return true;
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
  return file;
}

/** True when `text` can go into a CSV cell and a JSON string as it is: printable ASCII, no quote, comma or backslash. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x2c || c === 0x5c) return false;
  }
  return true;
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
    // Label columns: each label's CSV and JSON bytes, made once.
    const csvLabels = columns.map((c) => (c.kind === 'label' ? c.labels.map((l) => encoder.encode(csvText(l, ',', true))) : []));
    const jsonLabels = columns.map((c) => (c.kind === 'label' ? c.labels.map((l) => encoder.encode(JSON.stringify(l))) : []));
    const keys = columns.map((c, i) => encoder.encode(`${i === 0 ? '' : ','}${JSON.stringify(c.name)}:`));
    const rowStart = encoder.encode('{');
    const nextRowStart = encoder.encode(',\n{');
    csv?.text(`${columns.map((c) => csvText(c.name, ',', true)).join(',')}\r\n`);
    json?.text('[\n');
    for (let k = 0; k < rows; k++) {
      const j = order ? (order[k] as number) : k;
      json?.bytes(k === 0 ? rowStart : nextRowStart);
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as TableColumn;
        if (i > 0) csv?.byte(0x2c);
        json?.bytes(keys[i] as Uint8Array);
        if (column.kind === 'number') {
          const value = column.values[j] as number;
          if (Number.isFinite(value)) {
            // Other numbers (probabilities, values) get their shortest round-trip text once, for both files.
            let digits: string | undefined;
            if (csv && !csv.decimal(value)) csv.text((digits = String(value)));
            if (json && !json.decimal(value)) json.text(digits ?? String(value));
          } else json?.text('null');
        } else if (column.kind === 'label') {
          const code = column.codes[j] as number;
          csv?.bytes((csvLabels[i] as Uint8Array[])[code] as Uint8Array);
          json?.bytes((jsonLabels[i] as Uint8Array[])[code] as Uint8Array);
        } else {
          const value = column.value(j);
          // Plain ids (most) are written as they are; formula-like, quoted or non-ASCII text takes the general path.
          const plain = isPlain(value) && !formulaStart.test(value);
          csv?.text(plain ? value : csvText(value, ',', true));
          if (plain) {
            json?.byte(0x22);
            json?.text(value);
            json?.byte(0x22);
          } else json?.text(JSON.stringify(value));
        }
      }
      csv?.byte(0x0d);
      csv?.byte(0x0a);
      json?.byte(0x7d);
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
