import { hyp2f1 } from '../numeric/hyp2f1.js';
import { type BgNbdParams, BgNbdParamsSchema, parseParams } from './bgNbdParams.js';
import { checkHorizon } from './bgNbdProbabilityAlive.js';

/**
 * The expected number of repeat purchases of a new customer in the first `t` time units after the
 * first purchase, under BG/NBD.
 *
 * @remarks
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))] (Fader, Hardie & Lee 2005,
 * eq. 9). Edge cases: t = 0 → 0; a = 1 gives NaN (removable singularity, not handled). O(₂F₁ terms).
 *
 * @param params - BG/NBD parameters.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is negative or not finite.
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
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const f = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  const logPower = r * Math.log(alpha / (alpha + t));
  const bracket = f.sign > 0 ? -Math.expm1(logPower + f.logAbs) : 1 + Math.exp(logPower + f.logAbs);
  return ((a + b - 1) / (a - 1)) * bracket;
}
