import type { HistoryPoint } from '../purchaseHistory.js';
import { hyp2f1 } from '../numeric/hyp2f1.js';
import { type BgNbdParams, BgNbdParamsSchema, parseParams } from './bgNbdParams.js';
import { bgNbdProbabilityAliveUnchecked, checkHistoryPoint, checkHorizon } from './bgNbdProbabilityAlive.js';

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]:
 * the expected purchases of a customer KNOWN to be alive; it depends on x and T but not on tₓ, which
 * lets CLV over many customers share it by (x, T). Unchecked (NaN in → NaN out).
 * @internal
 */
export function bgNbdExpectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const alphaT = alpha + T;
  const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alphaT + t));
  // ln of ((α+T)/(α+T+t))^(r+x) · ₂F₁ — the bracket is 1 − e^L, taken as −expm1(L) to keep digits.
  const logPower = -(r + x) * Math.log1p(t / alphaT);
  const bracket = f.sign > 0 ? -Math.expm1(logPower + f.logAbs) : 1 + Math.exp(logPower + f.logAbs);
  return ((a + b + x - 1) / (a - 1)) * bracket;
}

/**
 * {@link bgNbdExpectedPurchases} without validation: P(alive) × E[Y(t) | alive] (NaN in → NaN out).
 * @internal
 */
export function bgNbdExpectedPurchasesUnchecked(params: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  return bgNbdExpectedPurchasesIfAlive(params, x, T, t) * bgNbdProbabilityAliveUnchecked(params, x, tx, T);
}

/**
 * The expected number of purchases in the next `t` time units of a customer with history
 * (x, tx, T), under BG/NBD.
 *
 * @remarks
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 * / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee 2005, eq. 10), i.e. the
 * expectation for a customer known to be alive times P(alive). ₂F₁ is summed in log space, so x in
 * the hundreds does not overflow.
 * Edge cases: t = 0 → 0; a = 1 is a removable singularity of the formula that is not handled (NaN);
 * close to a = 1 digits are lost. O(number of ₂F₁ terms), typically under 100.
 *
 * @param params - BG/NBD parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param t - The horizon, in the same time unit (≥ 0).
 * @returns The expected number of purchases in (T, T + t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or t.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from 'relmark/clv';
 * bgNbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 2, tx: 30.43, T: 38.86 }, 39);
 * //=> 1.2260
 * ```
 * @category CLV
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, history: HistoryPoint, t: number): number {
  const p = parseParams(BgNbdParamsSchema, params, 'bgNbdExpectedPurchases');
  checkHistoryPoint(history, 'bgNbdExpectedPurchases');
  checkHorizon(t, 'bgNbdExpectedPurchases');
  return bgNbdExpectedPurchasesUnchecked(p, history.x, history.tx, history.T, t);
}
