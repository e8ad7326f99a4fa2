import { logBeta, logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { checkOpportunities } from './bgBbHistory.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';

/** {@link bgBbProbabilityOfPurchases} without validation. @internal */
export function bgBbProbabilityOfPurchasesUnchecked(params: BgBbParams, x: number, n: number): number {
  if (x > n) return 0;
  const { alpha, beta, gamma, delta } = params;
  const logChoose = (i: number, k: number) => logGamma(i + 1) - logGamma(k + 1) - logGamma(i - k + 1);
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  let total = Math.exp(logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD);
  for (let i = x; i < n; i++) {
    total += Math.exp(logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD);
  }
  return Math.min(1, total);
}

/**
 * The probability that a new customer makes exactly `x` repeat transactions in the first `n`
 * opportunities, under BG/BB.
 *
 * @remarks
 * P(X(n) = x) = C(n, x) B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 * + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ)
 * (Fader, Hardie & Shang 2010, eq. 7): alive through n, or dropped out after opportunity i.
 * Each term is evaluated in log space. Edge cases: x > n → 0; n = 0 → 1 for x = 0.
 * Σₓ P(X(n) = x) = 1. O(n − x).
 *
 * @param params - BG/BB parameters.
 * @param x - The number of transactions (an integer ≥ 0).
 * @param n - The number of opportunities (an integer ≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if x or n is not an integer ≥ 0.
 * @example
 * ```ts
 * import { bgBbProbabilityOfPurchases } from 'relmark/clv';
 * bgBbProbabilityOfPurchases({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 0, 6);
 * //=> 0.3112
 * ```
 * @category CLV
 */
export function bgBbProbabilityOfPurchases(params: BgBbParams, x: number, n: number): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbProbabilityOfPurchases');
  checkOpportunities(x, 'bgBbProbabilityOfPurchases', 'x');
  checkOpportunities(n, 'bgBbProbabilityOfPurchases', 'n');
  return bgBbProbabilityOfPurchasesUnchecked(p, x, n);
}

