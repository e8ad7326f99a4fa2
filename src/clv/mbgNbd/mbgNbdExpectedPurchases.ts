import { bgNbdExpectedPurchasesIfAlive } from '../bgNbd/bgNbdExpectedPurchases.js';
import { parseParams } from '../model/parseParams.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';
import { mbgNbdProbabilityAliveUnchecked } from './mbgNbdProbabilityAlive.js';
import { finiteResult } from '../finiteResult.js';

/**
 * E[Y(t) | alive at T, x, T] under MBG/NBD: (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)
 * ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))], which is the BG/NBD expression with b + 1 in place of b (a
 * customer alive after x repeat purchases has survived x + 1 dropout chances instead of x), so it
 * shares its numerics and its handling of a = 1. Unchecked (NaN in → NaN out).
 * @internal
 */
export function mbgNbdExpectedPurchasesIfAlive(params: MbgNbdParams, x: number, T: number, t: number): number {
  return bgNbdExpectedPurchasesIfAlive({ ...params, b: params.b + 1 }, x, T, t);
}

/**
 * {@link mbgNbdExpectedPurchases} without validation: P(alive) × E[Y(t) | alive] (NaN in → NaN out).
 * @internal
 */
export function mbgNbdExpectedPurchasesUnchecked(params: MbgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return mbgNbdExpectedPurchasesIfAlive(params, x, T, t) * mbgNbdProbabilityAliveUnchecked(params, x, tx, T);
}

/**
 * The expected number of purchases in the next `t` time units of a customer with history
 * (x, tx, T), under MBG/NBD.
 *
 * @remarks
 * E[Y(t) | x, tₓ, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 * / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)) (Batislam, Denizel & Filiztekin 2007, eq. 11): the
 * expectation for a customer known to be alive times P(alive) ({@link mbgNbdProbabilityAlive}).
 * Edge cases: t = 0 → 0; a = 1 (a removable singularity of the formula) is handled by its limit, as
 * in {@link bgNbdExpectedPurchases}; x in the hundreds stays finite. O(₂F₁ terms).
 *
 * @param params - MBG/NBD parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param t - The horizon, in the same time unit (≥ 0).
 * @returns The expected number of purchases in (T, T + t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or t;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
 * @example
 * ```ts
 * import { mbgNbdExpectedPurchases } from 'relmark/clv';
 * mbgNbdExpectedPurchases({ r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }, { x: 2, tx: 30.43, T: 38.86 }, 39);
 * //=> 1.2627
 * ```
 * @category CLV
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, history: HistoryPoint, t: number): number {
  const p = parseParams(MbgNbdParamsSchema, params, 'mbgNbdExpectedPurchases');
  checkHistoryPoint(history, 'mbgNbdExpectedPurchases');
  checkHorizon(t, 'mbgNbdExpectedPurchases');
  return finiteResult(mbgNbdExpectedPurchasesUnchecked(p, history.x, history.tx, history.T, t), 'mbgNbdExpectedPurchases', { history, t });
}
