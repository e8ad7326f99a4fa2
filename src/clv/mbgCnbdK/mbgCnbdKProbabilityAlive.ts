import { RelmarkError } from '../../errors/RelmarkError.js';
import { parseParams } from '../model/parseParams.js';
import { checkHistory } from './checkInputs.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { erlangSurvival, erlangSurvivalSum } from './mbgCnbdKLogLikelihood.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';

/**
 * {@link mbgCnbdKProbabilityAlive} without validation: a total function of numbers (NaN in → NaN out).
 * @internal
 */
export function mbgCnbdKProbabilityAliveUnchecked(params: MbgCnbdKParams, x: number, tx: number, T: number): number {
  const { k, r, alpha, a, b } = params;
  const m = r + k * x;
  const survival = erlangSurvival(k);
  erlangSurvivalSum(k, m, (T - tx) / (alpha + T), survival);
  const logOdds = Math.log(a) - Math.log(b + x) + m * (Math.log(alpha + T) - Math.log(alpha + tx)) - survival.logS;
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The probability that a customer with history (x, tx, T) is still active at T, under MBG/CNBD-k.
 *
 * @remarks
 * P(alive | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+kx) / S), with
 * S = Σ_{j<k} Γ(r+kx+j)/(Γ(r+kx) j!) ((T−tₓ)/(α+T))ʲ (Platzer & Reutterer 2016; BTYDplus
 * `mbgcnbd.PAlive`), computed as a logistic of the log-odds. k = 1 is MBG/NBD's P(alive).
 * With k > 1 a long silence counts more against a customer than under MBG/NBD: regular buyers
 * rarely pause long. Edge cases: x = 0 gives b/(a+b) at T = 0 (the customer may drop out at the
 * first purchase); tₓ = T → the largest value for given x. O(k).
 *
 * @param params - MBG/CNBD-k parameters, on the time unit of the history.
 * @param history - Frequency x, recency tx and age T (litt is not needed).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is out of its domain;
 *   `invalid_input` if the history is invalid.
 * @example
 * ```ts
 * import { mbgCnbdKProbabilityAlive } from 'relmark/clv';
 * const params = { k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 };
 * mbgCnbdKProbabilityAlive(params, { x: 3, tx: 20, T: 30 });
 * //=> 0.6995
 * ```
 * @category CLV
 */
export function mbgCnbdKProbabilityAlive(params: MbgCnbdKParams, history: HistoryPoint): number {
  const p = parseParams(MbgCnbdKParamsSchema, params, 'mbgCnbdKProbabilityAlive');
  checkHistory(history, 'mbgCnbdKProbabilityAlive');
  const value = mbgCnbdKProbabilityAliveUnchecked(p, history.x, history.tx, history.T);
  if (Number.isNaN(value)) throw new RelmarkError('invalid_input', 'mbgCnbdKProbabilityAlive: not computable', { issues: [{ code: 'invalid_value', path: ['history'], message: 'P(alive) is not a number for this history' }] });
  return value;
}
