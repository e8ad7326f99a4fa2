import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import type { HistoryPoint } from './purchaseHistory.js';

/**
 * Histories as columns of numbers: the fast path of the fitters (no object per customer).
 *
 * @remarks Row i is the customer (x[i], tx[i], T[i]); `weights[i]` (default 1) is how many
 * customers share that row, as made by {@link compressHistories}. All arrays have one length.
 * @category CLV
 */
export interface HistoryColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weights?: Float64Array;
}

/**
 * {@link HistoryColumns} with, per row, `litt`: the sum of the logs of the customer's x
 * inter-purchase times (0 when x = 0), as BTYDplus' `elog2cbs` computes it. Only MBG/CNBD-k
 * ({@link fitMbgCnbdK}) reads it, to choose its regularity k; the other models ignore it.
 * @category CLV
 */
export interface HistoryColumnsWithLitt extends HistoryColumns {
  readonly litt?: Float64Array;
}

/**
 * A history that stands for `weight` customers with the same (x, tx, T): a row of
 * `compressedHistoriesSql`'s result, or of any table of distinct histories with counts. The fitters
 * take an array of them as they are; a row without `weight` counts once.
 * @category CLV
 */
export interface WeightedHistoryPoint extends HistoryPoint {
  /** How many customers have this history (finite, ≥ 0; need not be an integer). @defaultValue 1 */
  readonly weight?: number;
}

/**
 * Turns histories into {@link HistoryColumns}, in input order.
 *
 * @remarks No validation: use it on histories that passed {@link PurchaseHistorySchema}. Rows that
 * carry a `weight` ({@link WeightedHistoryPoint}) give a `weights` column (1 where a row has none);
 * without any weight there is no `weights` column. O(n).
 * @param histories - Frequency, recency and age of each customer, with optional weights.
 * @returns New columns; the input is not mutated.
 * @throws Nothing: it does not validate (the fitters validate columns, with paths like `['tx', 12]`).
 * @example
 * ```ts
 * import { toHistoryColumns } from 'relmark/clv';
 * const columns = toHistoryColumns([{ x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }]);
 * Array.from(columns.x);
 * //=> [2, 0]
 * ```
 * @category CLV
 */
export function toHistoryColumns(histories: readonly WeightedHistoryPoint[]): HistoryColumnsWithLitt {
  const n = histories.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  // A litt column only when some history carries litt; a history without it then reads NaN (an issue).
  const litt = histories.some((h) => h.litt !== undefined) ? new Float64Array(n) : undefined;
  let weights: Float64Array | undefined;
  histories.forEach((h, i) => {
    x[i] = h.x;
    tx[i] = h.tx;
    T[i] = h.T;
    if (litt) litt[i] = typeof h.litt === 'number' ? h.litt : Number.NaN;
    if (h.weight !== undefined) {
      weights ??= new Float64Array(n).fill(1);
      weights[i] = h.weight;
    }
  });
  const columns: HistoryColumnsWithLitt = { x, tx, T, ...(weights === undefined ? {} : { weights }), ...(litt === undefined ? {} : { litt }) };
  return columns;
}

const maxColumnIssues = 1000;

/**
 * Every problem of a set of columns, with paths like `['tx', 1042]`: unequal lengths, a non-integer
 * or negative x, a negative or non-finite time, tx > T, tx ≠ 0 when x = 0, a weight that is not
 * finite and ≥ 0. Stops collecting after 1,000 issues (the error then says so). O(n).
 * @internal
 */
export function checkHistoryColumns(columns: HistoryColumnsWithLitt): RelmarkIssue[] {
  const issues: RelmarkIssue[] = [];
  const n = columns.x.length;
  const lengths: [string, ArrayLike<number> | undefined][] = [
    ['tx', columns.tx],
    ['T', columns.T],
    ['weights', columns.weights],
    ['litt', columns.litt],
  ];
  for (const [name, column] of lengths) {
    if (column !== undefined && column.length !== n) {
      issues.push({ code: 'invalid_length', path: [name], message: `Column ${name} has ${column.length} rows but x has ${n}` });
    }
  }
  if (issues.length > 0) return issues;
  const add = (path: (string | number)[], code: string, message: string) => {
    if (issues.length < maxColumnIssues) issues.push({ code, path, message });
  };
  for (let i = 0; i < n && issues.length < maxColumnIssues; i++) {
    const x = columns.x[i] as number;
    const tx = columns.tx[i] as number;
    const T = columns.T[i] as number;
    if (!(Number.isInteger(x) && x >= 0)) add(['x', i], 'invalid_value', `x must be an integer ≥ 0, received ${x}`);
    if (!(Number.isFinite(tx) && tx >= 0)) add(['tx', i], 'invalid_value', `tx must be finite and ≥ 0, received ${tx}`);
    if (!(Number.isFinite(T) && T >= 0)) add(['T', i], 'invalid_value', `T must be finite and ≥ 0, received ${T}`);
    if (tx > T) add(['tx', i], 'custom', `Recency tx (${tx}) exceeds age T (${T})`);
    if (x === 0 && tx !== 0) add(['tx', i], 'custom', `A customer without repeat purchases (x = 0) must have tx = 0, received ${tx}`);
    const w = columns.weights?.[i];
    if (w !== undefined && !(Number.isFinite(w) && w >= 0)) add(['weights', i], 'invalid_value', `A weight must be finite and ≥ 0, received ${w}`);
    const litt = columns.litt?.[i];
    if (litt !== undefined && !Number.isFinite(litt)) add(['litt', i], 'invalid_value', `litt must be finite, received ${litt}`);
    else if (litt !== undefined && x === 0 && litt !== 0) add(['litt', i], 'custom', `A customer without repeat purchases (x = 0) must have litt = 0, received ${litt}`);
  }
  return issues;
}

/**
 * Validates histories given as objects or as columns and returns them as columns; throws
 * `invalid_input` listing every issue, with paths `['histories', i, 'tx']` for objects and
 * `['tx', i]` for columns, or `duplicate_id` when the only problem is a repeated `customerId`.
 * @internal
 */
export function historyColumnsOf(histories: readonly WeightedHistoryPoint[] | HistoryColumnsWithLitt, where: string): HistoryColumnsWithLitt {
  const isArray = Array.isArray(histories);
  if (!isArray && !(typeof histories === 'object' && histories !== null && 'x' in histories)) {
    throw new RelmarkError('invalid_input', `${where}: expected an array of histories or history columns`, {
      issues: [{ code: 'invalid_type', path: ['histories'], message: 'Expected an array of { x, tx, T } or columns { x, tx, T }' }],
    });
  }
  if (isArray) {
    // Holes, non-objects and fields of the wrong type are issues, never a TypeError or a skipped row.
    const shapeIssues = historyShapeIssues(histories as readonly unknown[]);
    if (shapeIssues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid histories`, { issues: shapeIssues });
  }
  const columns = isArray ? toHistoryColumns(histories as readonly WeightedHistoryPoint[]) : (histories as HistoryColumnsWithLitt);
  const issues = checkHistoryColumns(columns);
  const field = (column: string) => (column === 'weights' ? 'weight' : column);
  const located = isArray ? issues.map((issue) => ({ ...issue, path: ['histories', issue.path[1] as number, field(issue.path[0] as string)] })) : issues;
  // Histories that carry ids (from summarizeHistories or a file) must name each customer once.
  const duplicates = isArray ? duplicateIdIssues(histories as readonly (HistoryPoint & { customerId?: unknown })[]) : [];
  if (located.length === 0 && duplicates.length === 0) return columns;
  const more = issues.length >= maxColumnIssues ? ' (first 1000 issues)' : '';
  if (located.length === 0) throw new RelmarkError('duplicate_id', `${where}: customer ids repeat`, { issues: duplicates });
  throw new RelmarkError('invalid_input', `${where}: invalid histories${more}`, { issues: [...located, ...duplicates] });
}

/** Holes, non-object rows, non-number x, tx, T and ids that are neither strings nor numbers, with paths. */
function historyShapeIssues(histories: readonly unknown[]): RelmarkIssue[] {
  const issues: RelmarkIssue[] = [];
  for (let i = 0; i < histories.length && issues.length < maxColumnIssues; i++) {
    const h = histories[i];
    if (!(i in histories) || typeof h !== 'object' || h === null) {
      issues.push({ code: 'invalid_type', path: ['histories', i], message: `Expected a history { x, tx, T }, received ${!(i in histories) ? 'a hole' : h === null ? 'null' : typeof h}` });
      continue;
    }
    for (const field of ['x', 'tx', 'T'] as const) {
      const value = (h as Record<string, unknown>)[field];
      if (typeof value !== 'number') issues.push({ code: 'invalid_type', path: ['histories', i, field], message: `Expected a number, received ${value === null ? 'null' : typeof value}` });
    }
    const litt = (h as Record<string, unknown>).litt;
    if (litt !== undefined && typeof litt !== 'number') issues.push({ code: 'invalid_type', path: ['histories', i, 'litt'], message: `Expected a number, received ${litt === null ? 'null' : typeof litt}` });
    const weight = (h as Record<string, unknown>).weight;
    if (weight !== undefined && typeof weight !== 'number') issues.push({ code: 'invalid_type', path: ['histories', i, 'weight'], message: `Expected a number weight, received ${weight === null ? 'null' : typeof weight}` });
    const id = Object.hasOwn(h, 'customerId') ? (h as Record<string, unknown>).customerId : undefined;
    if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
      issues.push({ code: 'invalid_type', path: ['histories', i, 'customerId'], message: `Expected a string or number id, received ${typeof id}` });
    }
  }
  return issues;
}

function duplicateIdIssues(histories: readonly (HistoryPoint & { customerId?: unknown })[]): RelmarkIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: RelmarkIssue[] = [];
  histories.forEach((h, i) => {
    if (h.customerId === undefined || h.customerId === null) return;
    const id = String(h.customerId);
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else if (issues.length < maxColumnIssues) {
      issues.push({ code: 'duplicate_id', path: ['histories', i, 'customerId'], message: `Customer id "${id}" appears more than once (first at histories[${first}])` });
    }
  });
  return issues;
}
