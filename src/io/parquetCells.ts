/**
 * How a Parquet value becomes a CSV cell, so that a Parquet file is read by exactly the rules of the
 * CSV path (the column reader): each column's values are rendered as the text the same rows would
 * have in a CSV export, one rule per physical/logical type.
 * @internal
 * @module
 */

/** How a column's values are rendered. @internal */
export type ParquetCellKind = 'instant' | 'date' | 'value';

/** The parts of a Parquet schema element the rendering looks at (hyparquet's `SchemaElement`). @internal */
export interface ParquetColumnType {
  readonly name: string;
  readonly type?: string | undefined;
  readonly converted_type?: string | undefined;
  readonly logical_type?: { readonly type: string } | undefined;
}

/** The rendering kind of a column: TIMESTAMP (any unit) and INT96 are instants, DATE is a date. @internal */
export function parquetCellKind(element: ParquetColumnType): ParquetCellKind {
  const converted = element.converted_type;
  const logical = element.logical_type?.type;
  if (converted === 'DATE' || logical === 'DATE') return 'date';
  if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || logical === 'TIMESTAMP') return 'instant';
  if (element.type === 'INT96' && converted === undefined) return 'instant';
  return 'value';
}

const msPerDay = 86_400_000;
const microsSafe = 9_007_199_254_740_991n;

/** Floor of a / b for BigInts (BigInt division truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Epoch milliseconds of a Parquet timestamp in `unit` ticks, cut down (towards −∞) to the millisecond
 * as every relmark path cuts instants; a value beyond ±2^53 ms stays a BigInt-derived number (and is
 * rejected later as an impossible date). @internal
 */
export function epochMsOfTicks(ticks: bigint, ticksPerMs: 1n | 1000n | 1000000n): number {
  if (ticksPerMs === 1n) return Number(ticks);
  if (ticksPerMs === 1000n && ticks <= microsSafe && ticks >= -microsSafe) return Math.floor(Number(ticks) / 1000);
  return Number(floorDiv(ticks, ticksPerMs));
}

/** The text of a cell as a CSV export writes it: quoted (with quotes doubled) when it holds `,`, `"`, CR or LF. @internal */
export function csvCell(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d) return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * An epoch-millisecond instant as ISO text: `YYYY-MM-DD` at midnight UTC, else
 * `YYYY-MM-DDTHH:MM:SS.sssZ`. Outside years 0000–9999 (which ISO-8601 text of relmark cannot hold)
 * the raw number with a unit, which every date rule rejects with the value readable. @internal
 */
export function instantText(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return `${ms} ms since 1970-01-01`;
  if (ms % msPerDay === 0) return `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return date.toISOString();
}

/**
 * Renders a column's values (as hyparquet decodes them with relmark's parsers: instants and dates as
 * epoch-ms numbers) into CSV cells, `count` of them from `offset`. `null`/`undefined` is an empty
 * cell (a missing value, as in CSV); strings are quoted as needed; numbers print as the shortest text
 * that reads back to the same double; BigInts (INT64) exactly; booleans as `true`/`false`; bytes
 * (FIXED_LEN_BYTE_ARRAY without a logical type) as lowercase hex; anything else as JSON. @internal
 */
export function renderCells(values: ArrayLike<unknown>, offset: number, count: number, kind: ParquetCellKind, out: string[]): void {
  let last: unknown = undefined;
  let lastText = '';
  for (let i = 0; i < count; i++) {
    const v = values[offset + i];
    if (v === null || v === undefined) {
      out[i] = '';
      continue;
    }
    if (kind !== 'value' && typeof v === 'number') {
      // Rows in time order repeat their day or instant: remember the last one.
      if (v !== last) {
        last = v;
        lastText = instantText(v);
      }
      out[i] = lastText;
      continue;
    }
    out[i] = valueText(v);
  }
}

function valueText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return csvCell(v);
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    default:
      if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
      if (v instanceof Date) return instantText(v.getTime());
      return csvCell(JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? String(x) : x)));
  }
}
