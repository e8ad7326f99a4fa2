import { parseParams } from '../model/parseParams.js';
import { checkHorizon } from '../model/checkHistory.js';
import { mbgNbdExpectedPurchasesUnchecked } from './mbgNbdExpectedPurchases.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';
import { finiteResult } from '../finiteResult.js';

/**
 * The expected number of repeat purchases of a new customer in the first `t` time units after the
 * first purchase, under MBG/NBD.
 *
 * @remarks
 * E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))] (Batislam, Denizel & Filiztekin
 * 2007, eq. 8): the conditional expectation at x = 0, tₓ = 0, T = 0, where P(alive) = b/(a+b) because
 * the customer may drop out at the first purchase.
 * Edge cases: t = 0 → 0; a = 1 handled by its limit. O(₂F₁ terms).
 *
 * @param params - MBG/NBD parameters.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is negative or not finite;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
 * @example
 * ```ts
 * import { mbgNbdExpectedPurchasesNewCustomer } from 'relmark/clv';
 * mbgNbdExpectedPurchasesNewCustomer({ r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }, 39);
 * //=> 1.1823
 * ```
 * @category CLV
 */
export function mbgNbdExpectedPurchasesNewCustomer(params: MbgNbdParams, t: number): number {
  const p = parseParams(MbgNbdParamsSchema, params, 'mbgNbdExpectedPurchasesNewCustomer');
  checkHorizon(t, 'mbgNbdExpectedPurchasesNewCustomer');
  return finiteResult(mbgNbdExpectedPurchasesUnchecked(p, 0, 0, 0, t), 'mbgNbdExpectedPurchasesNewCustomer', { t });
}
