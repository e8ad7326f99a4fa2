/** @internal @module */

/** A short description of a value for error messages: its type, or `NaN`, `Infinity`, `Invalid Date`. @internal */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : 'Date';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

