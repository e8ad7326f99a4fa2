import { readIsoInstant } from '../internal/isoInstant.js';
import type { DateFormat } from './readTransactions.js';

/**
 * How a text cell becomes a transaction field value: the one definition shared by the record path
 * ({@link readTransactions}, which then runs the zod schema) and the byte path of the column reader
 * (which must accept and read exactly what the schema would).
 * @internal
 * @module
 */

/** Empty and whitespace-only cells are missing values, not empty strings; other cells are trimmed. @internal */
export function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return value;
}

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A string that is not a plain decimal number becomes NaN, which the schema rejects with the cell's path. @internal */
export function amountInput(value: unknown): unknown {
  return typeof value === 'string' ? (plainNumber.test(value) ? Number(value) : Number.NaN) : value;
}

/** The value the instant schema is given for a cell written in `format`. @internal */
export function instantInput(value: unknown, format: DateFormat): unknown {
  if (typeof value !== 'string') return value;
  const digits = /^\d+$/.test(value);
  if (format === 'yyyymmdd' || (format === 'auto' && digits && value.length === 8)) {
    return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
  }
  if (format === 'epoch_ms' || (format === 'auto' && digits)) return digits ? Number(value) : value;
  if (format === 'epoch_s') return digits ? Number(value) * 1000 : value;
  return value;
}

/**
 * The epoch milliseconds of a trimmed, non-empty date cell, exactly as `InstantSchema` reads
 * {@link instantInput}'s value; `undefined` when the schema would reject it. @internal
 */
export function instantMsOfCell(text: string, format: DateFormat): number | undefined {
  const input = instantInput(text, format);
  if (typeof input === 'number') return Number.isNaN(new Date(input).getTime()) ? undefined : input;
  const read = readIsoInstant((input as string).trim());
  return 'ms' in read ? read.ms : undefined;
}

/** The amount of a trimmed, non-empty cell as `MoneySchema` accepts it, or `undefined` when it would reject it. @internal */
export function amountOfCell(text: string): number | undefined {
  const n = amountInput(text) as number;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
