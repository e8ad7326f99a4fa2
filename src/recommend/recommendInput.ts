/**
 * Boundary checks of the recommend functions: plain loops over the order lines (no object per
 * line) that report every bad field with its path, and option parsing with zod.
 * @internal
 * @module
 */
import type * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkErrorCode, type RelmarkIssue } from '../errors/RelmarkError.js';
import { describeValue } from '../internal/describeValue.js';
import { requireOptions, wrongType } from '../internal/guards.js';
import { readIsoInstant } from '../internal/isoInstant.js';

/** Parses an options object with a zod schema or throws `invalid_options` with paths under `options`. @internal */
export function parseRecommendOptions<S extends z.ZodType>(where: string, schema: S, options: unknown): z.output<S> {
  if (options === undefined || options === null) throw wrongType(where, ['options'], 'an options object', options, 'invalid_options');
  requireOptions(where, options);
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  throw new RelmarkError('invalid_options', `${where}: invalid options`, { issues: issuesFromZod(result.error, ['options']), cause: result.error });
}

/** Collects issues and throws them all at once. @internal */
export class IssueList {
  readonly issues: RelmarkIssue[] = [];
  add(path: readonly (string | number)[], code: string, message: string): void {
    this.issues.push({ code, path, message });
  }
  throwIfAny(where: string, total: number, code: RelmarkErrorCode = 'invalid_input'): void {
    if (this.issues.length === 0) return;
    const rows = new Set(this.issues.map((issue) => issue.path[1]));
    throw new RelmarkError(code, `${where}: ${rows.size} of ${total} order lines are invalid`, { issues: this.issues });
  }
}

/** Whether `value` is an id as {@link IdSchema} accepts it: a 1–256 character string or a safe integer. @internal */
export function isId(value: unknown): value is string | number {
  if (typeof value === 'string') return value.length > 0 && value.length <= 256;
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Epoch ms of an instant as {@link InstantSchema} accepts it, or NaN. @internal */
export function instantMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : Number.NaN;
  if (typeof value === 'string') {
    const read = readIsoInstant(value);
    return 'ms' in read ? read.ms : Number.NaN;
  }
  return Number.NaN;
}

/**
 * Checks the order lines' `transactionId` and `sku` (and `customerId` and `at` when `withCustomer`),
 * adding an issue per bad field; returns the epoch ms of each line's `at` (NaN when not read). @internal
 */
export function checkOrderLines(where: string, issues: IssueList, lines: unknown, withCustomer: boolean, pathName = 'orderLines'): Float64Array {
  if (!Array.isArray(lines)) throw wrongType(where, [pathName], 'an array of order lines', lines);
  const list = lines as readonly unknown[];
  const at = new Float64Array(withCustomer ? list.length : 0);
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) {
      issues.add([pathName, i], 'missing_row', `Row ${i} is a hole in a sparse array (no value at all)`);
      continue;
    }
    const line: unknown = list[i];
    if (typeof line !== 'object' || line === null) {
      issues.add([pathName, i], 'invalid_type', `Expected an order line object, received ${describeValue(line)}`);
      continue;
    }
    const { transactionId, sku } = line as { transactionId?: unknown; sku?: unknown };
    if (!isId(transactionId)) issues.add([pathName, i, 'transactionId'], 'invalid_type', `Expected a transaction id (a non-empty string or an integer), received ${describeValue(transactionId)}`);
    if (typeof sku !== 'string' || sku.length === 0) issues.add([pathName, i, 'sku'], 'invalid_type', `Expected a non-empty sku string, received ${describeValue(sku)}`);
    if (!withCustomer) continue;
    const { customerId, at: instant } = line as { customerId?: unknown; at?: unknown };
    if (!isId(customerId)) issues.add([pathName, i, 'customerId'], 'invalid_type', `Expected a customer id (a non-empty string or an integer), received ${describeValue(customerId)}`);
    const ms = instantMs(instant);
    if (Number.isNaN(ms)) issues.add([pathName, i, 'at'], 'invalid_type', `Expected a date (Date, ISO-8601 string or epoch milliseconds), received ${describeValue(instant)}`);
    at[i] = ms;
  }
  return at;
}
