import { parseParams } from '../model/parseParams.js';
import { checkHistoryPoint } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';

/**
 * {@link mbgNbdProbabilityAlive} without validation: a total function of numbers (NaN in → NaN out).
 * @internal
 */
export function mbgNbdProbabilityAliveUnchecked(params: MbgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The probability that a customer with history (x, tx, T) is still active at T, under MBG/NBD.
 *
 * @remarks
 * P(alive | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)) (Batislam, Denizel & Filiztekin
 * 2007, eq. 10), computed as a logistic of the log-odds so that tiny probabilities keep their
 * relative accuracy.
 * Edge cases: unlike BG/NBD, x = 0 gives a value BELOW 1, b/(a+b) at T = 0 (the customer may have
 * dropped out at the first purchase); tₓ = T → the largest value for given x. O(1).
 *
 * @param params - MBG/NBD parameters, on the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if the history is invalid.
 * @example
 * ```ts
 * import { mbgNbdProbabilityAlive } from 'relmark/clv';
 * const params = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };
 * mbgNbdProbabilityAlive(params, { x: 2, tx: 30.43, T: 38.86 });
 * //=> 0.7061
 * mbgNbdProbabilityAlive(params, { x: 0, tx: 0, T: 38.86 });
 * //=> 0.3897
 * ```
 * @category CLV
 */
export function mbgNbdProbabilityAlive(params: MbgNbdParams, history: HistoryPoint): number {
  const p = parseParams(MbgNbdParamsSchema, params, 'mbgNbdProbabilityAlive');
  checkHistoryPoint(history, 'mbgNbdProbabilityAlive');
  return mbgNbdProbabilityAliveUnchecked(p, history.x, history.tx, history.T);
}
