import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';

/**
 * One customer's history over discrete transaction opportunities, in Fader–Hardie–Shang notation.
 *
 * @remarks
 * - `x`: the number of opportunities (after the first purchase) in which the customer transacted,
 *   an integer 0 ≤ x ≤ n.
 * - `tx`: the opportunity of the last transaction (1…n), 0 when x = 0; x ≤ tx ≤ n.
 * - `n`: the number of opportunities observed after the first purchase.
 *
 * The generic functions of `relmark/clv` read the same customer as `{ x, tx, T: n }`.
 * @category CLV
 */
export interface BgBbHistory {
  readonly x: number;
  readonly tx: number;
  readonly n: number;
}

/**
 * BG/BB histories as columns: row i is (x[i], tx[i], n[i]) and `weights[i]` (default 1) counts the
 * customers with that pattern, as in the donation data of Fader, Hardie & Shang (2010).
 * @category CLV
 */
export interface BgBbColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly weights?: Float64Array;
}

const maxIssues = 1000;

/** Every problem of one (x, tx, n, weight) row, or [] (paths from `at`). @internal */
export function bgBbRowIssues(x: number, tx: number, n: number, weight: number | undefined, at: (name: string) => (string | number)[]): RelmarkIssue[] {
  const issues: RelmarkIssue[] = [];
  const isCount = (v: number) => Number.isSafeInteger(v) && v >= 0;
  if (!isCount(x)) issues.push({ code: 'invalid_value', path: at('x'), message: `x must be an integer ≥ 0, received ${x}` });
  if (!isCount(tx)) issues.push({ code: 'invalid_value', path: at('tx'), message: `tx must be an integer ≥ 0, received ${tx}` });
  if (!isCount(n)) issues.push({ code: 'invalid_value', path: at('n'), message: `n must be an integer ≥ 0, received ${n}` });
  if (issues.length === 0) {
    if (tx > n) issues.push({ code: 'custom', path: at('tx'), message: `Recency tx (${tx}) exceeds the opportunities n (${n})` });
    else if (x > tx) issues.push({ code: 'custom', path: at('x'), message: `x (${x}) exceeds tx (${tx}): each transaction takes one opportunity up to tx` });
    else if (x === 0 && tx !== 0) issues.push({ code: 'custom', path: at('tx'), message: `A customer without repeat transactions (x = 0) must have tx = 0, received ${tx}` });
  }
  if (weight !== undefined && !(Number.isFinite(weight) && weight >= 0)) {
    issues.push({ code: 'invalid_value', path: at('weights'), message: `A weight must be finite and ≥ 0, received ${weight}` });
  }
  return issues;
}

/** Histories as objects or columns → columns, throwing `invalid_input` with every issue's path. @internal */
export function bgBbColumnsOf(histories: readonly BgBbHistory[] | BgBbColumns, where: string): BgBbColumns {
  const isArray = Array.isArray(histories);
  if (!isArray && !(typeof histories === 'object' && histories !== null && 'x' in histories && 'n' in histories)) {
    throw new RelmarkError('invalid_input', `${where}: expected an array of histories or history columns`, {
      issues: [{ code: 'invalid_type', path: ['histories'], message: 'Expected an array of { x, tx, n } or columns { x, tx, n }' }],
    });
  }
  const columns = isArray ? toBgBbColumns(histories as readonly BgBbHistory[]) : (histories as BgBbColumns);
  const issues: RelmarkIssue[] = [];
  const size = columns.x.length;
  for (const [name, column] of [['tx', columns.tx], ['n', columns.n], ['weights', columns.weights]] as const) {
    if (column !== undefined && column.length !== size) {
      issues.push({ code: 'invalid_length', path: [name], message: `Column ${name} has ${column.length} rows but x has ${size}` });
    }
  }
  if (issues.length === 0) {
    for (let i = 0; i < size && issues.length < maxIssues; i++) {
      const at = (name: string) => (isArray && name !== 'weights' ? ['histories', i, name] : [name, i]);
      issues.push(...bgBbRowIssues(columns.x[i] as number, columns.tx[i] as number, columns.n[i] as number, columns.weights?.[i], at));
    }
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid histories`, { issues: issues.slice(0, maxIssues) });
  return columns;
}

/** Objects → columns, in input order, without validation. @internal */
export function toBgBbColumns(histories: readonly BgBbHistory[]): BgBbColumns {
  return {
    x: Float64Array.from(histories, (h) => h.x),
    tx: Float64Array.from(histories, (h) => h.tx),
    n: Float64Array.from(histories, (h) => h.n),
  };
}

/** Throws `invalid_input` listing every problem of one history (paths under `history`). @internal */
export function checkBgBbHistory(history: BgBbHistory, where: string): void {
  const { x, tx, n } = history ?? ({} as BgBbHistory);
  const issues = bgBbRowIssues(x, tx, n, undefined, (name) => ['history', name]);
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid history`, { issues });
}

/** Throws `invalid_input` unless `value` is an integer ≥ 0 (a number of opportunities). @internal */
export function checkOpportunities(value: number, where: string, name: string): void {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    throw new RelmarkError('invalid_input', `${where}: invalid ${name}`, {
      issues: [{ code: 'invalid_value', path: [name], message: `${name} must be an integer ≥ 0, received ${value}` }],
    });
  }
}
