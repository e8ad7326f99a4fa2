import { bgNbdExpectedPurchasesIfAlive } from './bgNbdExpectedPurchases.js';
import { parseParams } from '../model/parseParams.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';
import { checkHorizon } from '../model/checkHistory.js';
import { finiteResult } from '../finiteResult.js';

/**
 * The expected number of repeat purchases of a new customer in the first `t` time units after the
 * first purchase, under BG/NBD.
 *
 * @remarks
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] (Fader, Hardie & Lee 2005,
 * eq. 9). Edge cases: t = 0 → 0; a = 1 (a removable singularity) gives its limit, as in
 * {@link bgNbdExpectedPurchases}. O(₂F₁ terms).
 *
 * @param params - BG/NBD parameters.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is negative or not finite;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchasesNewCustomer } from 'relmark/clv';
 * bgNbdExpectedPurchasesNewCustomer({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39);
 * //=> 1.1967
 * ```
 * @category CLV
 */
export function bgNbdExpectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  const p = parseParams(BgNbdParamsSchema, params, 'bgNbdExpectedPurchasesNewCustomer');
  checkHorizon(t, 'bgNbdExpectedPurchasesNewCustomer');
  // A new customer is alive just after the first purchase, with x = 0 and T = 0: eq. 9 is eq. 10 there.
  return finiteResult(bgNbdExpectedPurchasesIfAlive(p, 0, 0, t), 'bgNbdExpectedPurchasesNewCustomer', { t });
}
