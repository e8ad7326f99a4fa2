import { logBeta } from '../../numeric/logGamma.js';
import { checkCount } from '../model/checkCount.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import { parseParams } from '../model/parseParams.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';
import { bgNbdProbabilityAliveUnchecked } from './bgNbdProbabilityAlive.js';
import { purchaseCountMixture } from './bgNbdProbabilityOfPurchases.js';

/**
 * P(n purchases in (T, T + t]) of a customer alive at T whose purchase rate is Gamma(r', α') and whose
 * dropout probability after each purchase is Beta(a, b'): Fader, Hardie & Lee (2005) eq. 8 with those
 * parameters, mixed with the point mass at 0 of a customer who already left. Shared by BG/NBD and
 * MBG/NBD, which differ in b' and in P(alive). t > 0; n an integer ≥ 0. @internal
 */
export function betaGeometricConditionalCount(rPost: number, alphaPost: number, a: number, bPost: number, alive: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const logB = logBeta(a, bPost);
  const logStay = logBeta(a, bPost + n) - logB;
  const logDrop = n === 0 ? Number.NEGATIVE_INFINITY : logBeta(a + 1, bPost + n - 1) - logB;
  const ifAlive = purchaseCountMixture(rPost, alphaPost, t, n, logStay, logDrop);
  return Math.min(1, alive * ifAlive + (n === 0 ? 1 - alive : 0));
}

/**
 * {@link bgNbdConditionalProbabilityOfPurchases} without validation (NaN in → NaN out). @internal
 */
export function bgNbdConditionalProbabilityOfPurchasesUnchecked(params: BgNbdParams, x: number, tx: number, T: number, n: number, t: number): number {
  const { r, alpha, a, b } = params;
  return betaGeometricConditionalCount(r + x, alpha + T, a, b + x, bgNbdProbabilityAliveUnchecked(params, x, tx, T), n, t);
}

/**
 * The probability that a customer with the given history makes exactly `n` purchases in the next
 * `t` time units, under BG/NBD.
 *
 * @remarks
 * A customer alive at T has, by Bayes' rule on the BG/NBD likelihood λˣ e^(−λT) (1 − p)ˣ, the
 * purchase rate λ ~ Gamma(r + x, α + T) and the dropout probability p ~ Beta(a, b + x), and from T on
 * behaves as a new customer with those parameters; one who left buys nothing. So
 * P(X(T, T + t) = n | x, tₓ, T) = P(alive) · P₈(n; r + x, α + T, a, b + x, t) + (1 − P(alive)) · δ(n = 0),
 * with P₈ the new-customer distribution of Fader, Hardie & Lee (2005), eq. 8 (see
 * {@link bgNbdProbabilityOfPurchases}) and P(alive) their eq. 13 ({@link bgNbdProbabilityAlive}).
 * (the same construction as Fader & Hardie's note 028 for Pareto/NBD). Its mean is FHL's eq. 10,
 * {@link bgNbdExpectedPurchases}, and Σₙ P = 1: laws the tests check.
 * Edge cases: t = 0 → 1 for n = 0, else 0; x = 0 → P(alive) = 1. O(n) (plus the tail sum of eq. 8).
 *
 * @param params - BG/NBD parameters.
 * @param history - Frequency x, recency tₓ and age T, in the unit of α.
 * @param n - The number of future purchases, an integer ≥ 0.
 * @param t - The horizon (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history (with paths),
 *   an n that is not an integer ≥ 0, or a negative or non-finite t.
 * @example
 * ```ts
 * import { bgNbdConditionalProbabilityOfPurchases } from 'relmark/clv';
 * const params = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 };
 * bgNbdConditionalProbabilityOfPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 0, 39);
 * //=> 0.4454
 * ```
 * @category CLV
 */
export function bgNbdConditionalProbabilityOfPurchases(params: BgNbdParams, history: HistoryPoint, n: number, t: number): number {
  const where = 'bgNbdConditionalProbabilityOfPurchases';
  const p = parseParams(BgNbdParamsSchema, params, where);
  checkHistoryPoint(history, where);
  checkCount(n, where);
  checkHorizon(t, where);
  return bgNbdConditionalProbabilityOfPurchasesUnchecked(p, history.x, history.tx, history.T, n, t);
}
