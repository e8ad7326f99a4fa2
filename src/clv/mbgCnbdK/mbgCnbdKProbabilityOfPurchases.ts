import { RelmarkError } from '../../errors/RelmarkError.js';
import { logBeta, logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { checkTime } from './checkInputs.js';
import { finiteResult } from '../finiteResult.js';
import { maxSeriesTerms } from './mbgCnbdKExpectedPurchasesNewCustomer.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';

/** {@link mbgCnbdKProbabilityOfPurchases} without validation; t > 0, n an integer ≥ 0. @internal */
export function mbgCnbdKProbabilityOfPurchasesUnchecked(params: MbgCnbdKParams, n: number, t: number): number {
  const { k, r, alpha, a, b } = params;
  const logQ = Math.log(t / (alpha + t));
  const logP0 = r * Math.log(alpha / (alpha + t));
  const lgR = logGamma(r);
  const logNb = (j: number) => logGamma(r + j) - lgR - logGamma(j + 1) + logP0 + j * logQ;
  const logB = logBeta(a, b);
  // P(kn ≤ M ≤ kn + k − 1): exactly n purchases while active.
  let exactly = 0;
  for (let j = k * n; j < k * n + k; j++) exactly += Math.exp(logNb(j));
  // P(M ≥ kn): at least n purchases; as 1 − head while the head is small, else summed as a tail.
  // Both sums step through ln NB(j) by the recurrence NB(j)/NB(j−1) = (r+j−1)/j · t/(α+t).
  const headEnd = k * n;
  // Summing the head up to kn costs kn terms: beyond the budget, give up (NaN → not_converged).
  if (headEnd > maxSeriesTerms && (r * t) / alpha > maxSeriesTerms) return Number.NaN;
  let atLeast: number;
  let head = 0;
  let logF = logP0;
  let j = 0;
  for (; j < headEnd && head <= 0.5; j++) {
    if (j >= maxSeriesTerms) return Number.NaN;
    if (j > 0) logF += Math.log((r + j - 1) / j) + logQ;
    head += Math.exp(logF);
  }
  if (head <= 0.5) atLeast = 1 - head;
  else {
    atLeast = 0;
    logF = logNb(headEnd);
    const last = headEnd + maxSeriesTerms;
    for (j = headEnd; j < last; j++) {
      if (j > headEnd) logF += Math.log((r + j - 1) / j) + logQ;
      const term = Math.exp(logF);
      atLeast += term;
      if (term <= 1e-17 * atLeast && (t * (r + j)) / (alpha + t) / (j + 1) < 1) break;
    }
    if (j === last) return Number.NaN;
  }
  // Alive after the n-th purchase and no more; or dropped out at the n-th (the first included).
  return Math.exp(logBeta(a, b + n + 1) - logB) * exactly + Math.exp(logBeta(a + 1, b + n) - logB) * atLeast;
}

/**
 * The probability that a new customer makes exactly `n` repeat purchases in (0, t], under MBG/CNBD-k.
 *
 * @remarks
 * Given λ and p, an active customer's purchases in (0, t] number ⌊M/k⌋, M ~ Poisson(λt) (Erlang-k
 * gaps); the customer may drop out with probability p at every purchase, the first included. Mixing
 * λ ~ Gamma(r, α) (M becomes negative binomial) and p ~ Beta(a, b) gives
 * P(X(t) = n) = B(a, b+n+1)/B(a, b) · P(kn ≤ M < kn+k) + B(a+1, b+n)/B(a, b) · P(M ≥ kn)
 * (Platzer & Reutterer 2016; BTYDplus `mbgcnbd.pmf`, computed there in C++). k = 1 gives
 * {@link mbgNbdProbabilityOfPurchases}. Σₙ P(X(t) = n) = 1 and its mean is
 * {@link mbgCnbdKExpectedPurchasesNewCustomer}.
 * Edge cases: t = 0 → 1 for n = 0, else 0; n = 0 → never below a/(a+b) (dropped out at the first purchase).
 * O(k·n) (plus a tail sum when the head exceeds ½).
 *
 * @param params - MBG/CNBD-k parameters.
 * @param n - The number of repeat purchases, an integer ≥ 0.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if n is not an integer ≥ 0 or t
 *   is negative or not finite; `not_converged` if the tail sum exceeds its term budget.
 * @example
 * ```ts
 * import { mbgCnbdKProbabilityOfPurchases } from 'relmark/clv';
 * mbgCnbdKProbabilityOfPurchases({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, 0, 52);
 * //=> 0.2654
 * ```
 * @category CLV
 */
export function mbgCnbdKProbabilityOfPurchases(params: MbgCnbdKParams, n: number, t: number): number {
  const p = parseParams(MbgCnbdKParamsSchema, params, 'mbgCnbdKProbabilityOfPurchases');
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RelmarkError('invalid_input', 'mbgCnbdKProbabilityOfPurchases: invalid n', {
      issues: [{ code: 'invalid_value', path: ['n'], message: `n must be an integer ≥ 0, received ${typeof n === 'number' ? n : typeof n}` }],
    });
  }
  checkTime(t, 'mbgCnbdKProbabilityOfPurchases');
  if (t === 0) return n === 0 ? 1 : 0;
  return finiteResult(mbgCnbdKProbabilityOfPurchasesUnchecked(p, n, t), 'mbgCnbdKProbabilityOfPurchases', { n, t });
}
