import type { HistoryPoint } from '../purchaseHistory.js';
import { checkHistoryPoint } from '../model/checkHistory.js';
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
