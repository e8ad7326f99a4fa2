import { logBeta, logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { digamma } from '../../numeric/digamma.js';
import { type BgBbHistory, checkBgBbHistory, checkOpportunities } from './bgBbHistory.js';
import { bgBbPatternLogLikelihood } from './bgBbLogLikelihood.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';
import { finiteResult } from '../finiteResult.js';

/** Up to this many future opportunities the survival sum is added term by term (exact, no cancellation). */
const directSumLimit = 10_000;

/**
 * Σ_{t=n+1}^{n+m} B(γ, δ+t)/B(γ, δ): the expected number of opportunities n+1 … n+m that a new
 * customer is alive at (FHS 2010, eq. 13). Term by term for m ≤ 10,000 (ratio
 * recurrence B(γ, δ+t+1)/B(γ, δ+t) = (δ+t)/(γ+δ+t)); beyond, the telescoped closed form
 * [h(n) − h(n+m)]/(γ−1)·Γ(γ+δ)/Γ(δ) with h(s) = Γ(δ+s+1)/Γ(γ+δ+s), or its γ = 1 limit
 * δ·[ψ(δ+n+m+1) − ψ(δ+n+1)].
 * @internal
 */
export function bgBbSurvivalSum(gamma: number, delta: number, n: number, m: number): number {
  if (m === 0) return 0;
  if (m <= directSumLimit) {
    let term = Math.exp(logBeta(gamma, delta + n + 1) - logBeta(gamma, delta));
    let sum = 0;
    for (let t = n + 1; t <= n + m; t++) {
      sum += term;
      term *= (delta + t) / (gamma + delta + t);
    }
    return sum;
  }
  if (gamma === 1) return delta * (digamma(delta + n + m + 1) - digamma(delta + n + 1));
  const logH = (s: number) => logGamma(delta + s + 1) - logGamma(gamma + delta + s);
  const logFront = logGamma(gamma + delta) - logGamma(delta) + logH(n);
  // [h(n) − h(n+m)]/(γ−1) = h(n)·(−expm1(ln h(n+m) − ln h(n)))/(γ−1): both factors share a sign.
  return (Math.exp(logFront) * -Math.expm1(logH(n + m) - logH(n))) / (gamma - 1);
}

/**
 * {@link bgBbExpectedPurchases} without validation (NaN in → NaN out).
 * @internal
 */
export function bgBbExpectedPurchasesUnchecked(params: BgBbParams, x: number, tx: number, n: number, m: number): number {
  if (m === 0) return 0;
  const { alpha, beta, gamma, delta } = params;
  const logFront = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - bgBbPatternLogLikelihood(params, x, tx, n);
  const sum = bgBbSurvivalSum(gamma, delta, n, m);
  const value = Math.exp(logFront) * sum;
  // A huge 1/L times a tiny survival sum (γ in the hundreds, long histories): combine them as logs.
  return Number.isFinite(value) ? value : Math.exp(logFront + Math.log(sum));
}

/**
 * The expected number of transactions in the next `m` opportunities (n+1 … n+m) of a customer with
 * history (x, tx, n), under BG/BB.
 *
 * @remarks
 * E[X(n, n+m) | x, tₓ, n] = 1/L · B(α+x+1, β+n−x)/B(α, β) · Σ_{t=n+1}^{n+m} B(γ, δ+t)/B(γ, δ)
 * (Fader, Hardie & Shang 2010, eq. 13, whose closed form is the telescoped sum). The sum is taken
 * term by term up to m = 10,000 and by the closed form beyond (its γ = 1 limit by digamma).
 * Edge cases: m = 0 → 0; the closed form loses digits for γ within about 1e-6 of 1 when m > 10,000.
 * O(n − tx + min(m, 10,000)).
 *
 * @param params - BG/BB parameters.
 * @param history - x, tx and n (integers, 0 ≤ x ≤ tx ≤ n).
 * @param m - The number of future opportunities (an integer ≥ 0).
 * @returns The expected number of transactions in opportunities n+1 … n+m.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or m.
 * @example
 * ```ts
 * import { bgBbExpectedPurchases } from 'relmark/clv';
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbExpectedPurchases(params, { x: 6, tx: 6, n: 6 }, 5);
 * //=> 3.7521
 * ```
 * @category CLV
 */
export function bgBbExpectedPurchases(params: BgBbParams, history: BgBbHistory, m: number): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbExpectedPurchases');
  checkBgBbHistory(history, 'bgBbExpectedPurchases');
  checkOpportunities(m, 'bgBbExpectedPurchases', 'm');
  return finiteResult(bgBbExpectedPurchasesUnchecked(p, history.x, history.tx, history.n, m), 'bgBbExpectedPurchases', { history, m });
}

/**
 * The expected number of repeat transactions of a new customer in the first `n` opportunities after
 * the first purchase, under BG/BB.
 *
 * @remarks
 * E[X(n)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))] (Fader, Hardie & Shang
 * 2010, eq. 8), which is {@link bgBbExpectedPurchases} at x = tx = n = 0 (a new customer is alive
 * and L = 1). Edge cases: n = 0 → 0. O(min(n, 10,000)).
 *
 * @param params - BG/BB parameters.
 * @param n - The number of opportunities (an integer ≥ 0).
 * @returns The expected number of repeat transactions in opportunities 1 … n.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if n is not an integer ≥ 0.
 * @example
 * ```ts
 * import { bgBbExpectedPurchasesNewCustomer } from 'relmark/clv';
 * bgBbExpectedPurchasesNewCustomer({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 6);
 * //=> 2.2196
 * ```
 * @category CLV
 */
export function bgBbExpectedPurchasesNewCustomer(params: BgBbParams, n: number): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbExpectedPurchasesNewCustomer');
  checkOpportunities(n, 'bgBbExpectedPurchasesNewCustomer', 'n');
  return bgBbExpectedPurchasesUnchecked(p, 0, 0, 0, n);
}
