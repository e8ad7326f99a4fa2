import { checkCount } from '../model/checkCount.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import { parseParams } from '../model/parseParams.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive.js';
import { paretoNbdProbabilityOfPurchasesUnchecked } from './paretoNbdProbabilityOfPurchases.js';

/** {@link paretoNbdConditionalProbabilityOfPurchases} without validation (NaN in → NaN out). @internal */
export function paretoNbdConditionalProbabilityOfPurchasesUnchecked(params: ParetoNbdParams, x: number, tx: number, T: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = params;
  const alive = paretoNbdProbabilityAliveUnchecked(params, x, tx, T);
  const ifAlive = paretoNbdProbabilityOfPurchasesUnchecked({ r: r + x, alpha: alpha + T, s, beta: beta + T }, n, t);
  return Math.min(1, alive * ifAlive + (n === 0 ? 1 - alive : 0));
}

/**
 * The probability that a customer with the given history makes exactly `n` purchases in the next
 * `t` time units, under Pareto/NBD.
 *
 * @remarks
 * Fader & Hardie, "Deriving an Expression for P(X(t) = x | x, tₓ, T) under the Pareto/NBD Model"
 * (brucehardie.com, note 028): a customer alive at T has λ ~ Gamma(r + x, α + T) and μ ~ Gamma(s, β + T)
 * and, lifetimes being exponential (memoryless), buys from T on as a new customer with those
 * parameters; one who left buys nothing. So
 * P(X(T, T + t) = n | x, tₓ, T) = P(alive) · P(X(t) = n; r + x, α + T, s, β + T) + (1 − P(alive)) · δ(n = 0),
 * with the new-customer distribution of {@link paretoNbdProbabilityOfPurchases} (its integral over the
 * death time by quadrature) and P(alive) from {@link paretoNbdProbabilityAlive}. This is the quantity of
 * lifetimes' `ParetoNBDFitter.conditional_probability_of_n_purchases_up_to_time`. Its mean is
 * {@link paretoNbdExpectedPurchases} and Σₙ P = 1: laws the tests check.
 * Edge cases: t = 0 → 1 for n = 0, else 0. Cost: one quadrature of the new-customer distribution.
 *
 * @param params - Pareto/NBD parameters.
 * @param history - Frequency x, recency tₓ and age T, in the unit of α and β.
 * @param n - The number of future purchases, an integer ≥ 0.
 * @param t - The horizon (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history (with paths),
 *   an n that is not an integer ≥ 0, or a negative or non-finite t.
 * @example
 * ```ts
 * import { paretoNbdConditionalProbabilityOfPurchases } from 'relmark/clv';
 * const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
 * paretoNbdConditionalProbabilityOfPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 0, 39);
 * //=> 0.4081
 * ```
 * @category CLV
 */
export function paretoNbdConditionalProbabilityOfPurchases(params: ParetoNbdParams, history: HistoryPoint, n: number, t: number): number {
  const where = 'paretoNbdConditionalProbabilityOfPurchases';
  const p = parseParams(ParetoNbdParamsSchema, params, where);
  checkHistoryPoint(history, where);
  checkCount(n, where);
  checkHorizon(t, where);
  return paretoNbdConditionalProbabilityOfPurchasesUnchecked(p, history.x, history.tx, history.T, n, t);
}
