import { betaGeometricConditionalCount } from '../bgNbd/bgNbdConditionalProbabilityOfPurchases.js';
import { checkCount } from '../model/checkCount.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import { parseParams } from '../model/parseParams.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';
import { mbgNbdProbabilityAliveUnchecked } from './mbgNbdProbabilityAlive.js';

/** {@link mbgNbdConditionalProbabilityOfPurchases} without validation (NaN in → NaN out). @internal */
export function mbgNbdConditionalProbabilityOfPurchasesUnchecked(params: MbgNbdParams, x: number, tx: number, T: number, n: number, t: number): number {
  const { r, alpha, a, b } = params;
  return betaGeometricConditionalCount(r + x, alpha + T, a, b + x + 1, mbgNbdProbabilityAliveUnchecked(params, x, tx, T), n, t);
}

/**
 * The probability that a customer with the given history makes exactly `n` purchases in the next
 * `t` time units, under MBG/NBD.
 *
 * @remarks
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007) lets a customer also drop out right after the first
 * purchase, so one alive at T has survived x + 1 dropout chances: by Bayes' rule on λˣ e^(−λT) (1 − p)^(x+1),
 * λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x + 1). From T on, such a customer buys as a BG/NBD customer
 * alive at the start (dropout only after each further purchase), so
 * P(X(T, T + t) = n | x, tₓ, T) = P(alive) · P₈(n; r + x, α + T, a, b + x + 1, t) + (1 − P(alive)) · δ(n = 0),
 * with P₈ Fader, Hardie & Lee's (2005) eq. 8 and P(alive) from {@link mbgNbdProbabilityAlive}. Its mean
 * is {@link mbgNbdExpectedPurchases} and Σₙ P = 1: laws the tests check.
 * Edge cases: t = 0 → 1 for n = 0, else 0. O(n) (plus the tail sum of eq. 8).
 *
 * @param params - MBG/NBD parameters.
 * @param history - Frequency x, recency tₓ and age T, in the unit of α.
 * @param n - The number of future purchases, an integer ≥ 0.
 * @param t - The horizon (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history (with paths),
 *   an n that is not an integer ≥ 0, or a negative or non-finite t.
 * @example
 * ```ts
 * import { mbgNbdConditionalProbabilityOfPurchases } from 'relmark/clv';
 * const params = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };
 * mbgNbdConditionalProbabilityOfPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 0, 39);
 * //=> 0.4401
 * ```
 * @category CLV
 */
export function mbgNbdConditionalProbabilityOfPurchases(params: MbgNbdParams, history: HistoryPoint, n: number, t: number): number {
  const where = 'mbgNbdConditionalProbabilityOfPurchases';
  const p = parseParams(MbgNbdParamsSchema, params, where);
  checkHistoryPoint(history, where);
  checkCount(n, where);
  checkHorizon(t, where);
  return mbgNbdConditionalProbabilityOfPurchasesUnchecked(p, history.x, history.tx, history.T, n, t);
}
