import { RelmarkError } from '../../errors/RelmarkError.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { parseParams } from '../model/parseParams.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';

/**
 * {@link bgNbdProbabilityAlive} without validation: a total function of numbers (NaN in → NaN out).
 * @internal
 */
export function bgNbdProbabilityAliveUnchecked(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The probability that a customer with history (x, tx, T) is still active at T, under BG/NBD.
 *
 * @remarks
 * P(alive | x, tₓ, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee
 * 2008, "Computing P(alive) using the BG/NBD model", eq. 1), computed as a logistic of the log-odds,
 * so that tiny probabilities (2.5e-11 for a frequent buyer long silent) keep their relative accuracy.
 * Edge cases: x = 0 → exactly 1 (in BG/NBD a customer can only drop out right after a repeat
 * purchase); tₓ = T → the largest value for given x. O(1).
 *
 * @param params - BG/NBD parameters, on the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if the history is invalid.
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from 'relmark/clv';
 * const params = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 };
 * bgNbdProbabilityAlive(params, { x: 2, tx: 30.43, T: 38.86 });
 * //=> 0.7266
 * bgNbdProbabilityAlive(params, { x: 0, tx: 0, T: 38.86 });
 * //=> 1
 * ```
 * @category CLV
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, history: HistoryPoint): number {
  const p = parseParams(BgNbdParamsSchema, params, 'bgNbdProbabilityAlive');
  checkHistoryPoint(history, 'bgNbdProbabilityAlive');
  return bgNbdProbabilityAliveUnchecked(p, history.x, history.tx, history.T);
}

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
