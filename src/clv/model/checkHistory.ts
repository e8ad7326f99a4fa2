/**
 * The checks of one history and one horizon that every prediction function shares.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import type { HistoryPoint } from '../purchaseHistory.js';

/** Throws `invalid_input` listing every problem of one history (paths under `history`). @internal */
export function checkHistoryPoint(history: HistoryPoint, where: string): void {
  const issues = [];
  const { x, tx, T } = history ?? ({} as HistoryPoint);
  if (!(Number.isInteger(x) && x >= 0)) issues.push({ code: 'invalid_value', path: ['history', 'x'], message: `x must be an integer ≥ 0, received ${x}` });
  if (!(Number.isFinite(tx) && tx >= 0)) issues.push({ code: 'invalid_value', path: ['history', 'tx'], message: `tx must be finite and ≥ 0, received ${tx}` });
  if (!(Number.isFinite(T) && T >= 0)) issues.push({ code: 'invalid_value', path: ['history', 'T'], message: `T must be finite and ≥ 0, received ${T}` });
  if (tx > T) issues.push({ code: 'custom', path: ['history', 'tx'], message: `Recency tx (${tx}) exceeds age T (${T})` });
  if (x === 0 && tx !== 0 && Number.isFinite(tx)) issues.push({ code: 'custom', path: ['history', 'tx'], message: `x = 0 requires tx = 0, received ${tx}` });
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid history`, { issues });
}

/** Throws `invalid_input` unless `t` is finite and ≥ 0. @internal */
export function checkHorizon(t: number, where: string, name = 't'): void {
  if (!(Number.isFinite(t) && t >= 0)) {
    throw new RelmarkError('invalid_input', `${where}: invalid ${name}`, {
      issues: [{ code: 'invalid_value', path: [name], message: `${name} must be finite and ≥ 0, received ${t}` }],
    });
  }
}
