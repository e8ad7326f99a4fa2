import { RelmarkError } from '../../errors/RelmarkError.js';
import { logBeta, logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';
import { checkHorizon } from '../model/checkHistory.js';

/**
 * The probability that a new customer makes exactly `n` repeat purchases in (0, t], under BG/NBD.
 *
 * @remarks
 * P(X(t) = n) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 * + δ(n>0) B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
 * (Fader, Hardie & Lee 2005, eq. 8). The bracket is the upper tail of a negative binomial; when the
 * head sum exceeds ½ the tail is summed directly instead of subtracted from 1, so that tiny
 * probabilities (1.08e-7 for 10 purchases in 2 weeks) keep their relative accuracy.
 * Edge cases: t = 0 → 1 for n = 0, else 0. Σₙ P(X(t) = n) = 1. O(n) (plus the tail sum).
 *
 * @param params - BG/NBD parameters.
 * @param n - The number of purchases, an integer ≥ 0.
 * @param t - The time since the first purchase (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if n is not an integer ≥ 0 or t
 *   is negative or not finite.
 * @example
 * ```ts
 * import { bgNbdProbabilityOfPurchases } from 'relmark/clv';
 * bgNbdProbabilityOfPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 39);
 * //=> 0.5738
 * ```
 * @category CLV
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParams, n: number, t: number): number {
  const p = parseParams(BgNbdParamsSchema, params, 'bgNbdProbabilityOfPurchases');
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RelmarkError('invalid_input', 'bgNbdProbabilityOfPurchases: invalid n', {
      issues: [{ code: 'invalid_value', path: ['n'], message: `n must be an integer ≥ 0, received ${n}` }],
    });
  }
  checkHorizon(t, 'bgNbdProbabilityOfPurchases');
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const logB = logBeta(a, b);
  // Still alive after the n-th purchase and no more purchases; or dropped out after the n-th.
  const logStay = logBeta(a, b + n) - logB;
  const logDrop = n === 0 ? Number.NEGATIVE_INFINITY : logBeta(a + 1, b + n - 1) - logB;
  return purchaseCountMixture(r, alpha, t, n, logStay, logDrop);
}

/**
 * exp(logStay) · NB(n) + exp(logDrop) · P(N ≥ n), where N is the negative binomial count of a
 * gamma(r, α)-mixed Poisson process over t: the shape shared by the BG/NBD and MBG/NBD purchase-count
 * distributions, which differ only in the two beta weights. t > 0 and n an integer ≥ 0.
 * @internal
 */
export function purchaseCountMixture(r: number, alpha: number, t: number, n: number, logStay: number, logDrop: number): number {
  const logQ = Math.log(t / (alpha + t)); // ln of the NB "success" share t/(α+t)
  const logP0 = r * Math.log(alpha / (alpha + t));
  // ln of the negative-binomial mass Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j
  const logNb = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + logP0 + j * logQ;
  const first = Math.exp(logStay + logNb(n));
  if (logDrop === Number.NEGATIVE_INFINITY) return first;
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(logNb(j));
  let tail: number;
  if (head <= 0.5) tail = 1 - head;
  else {
    // Σ_{j≥n} of the NB mass, by the term ratio (r+j)/(j+1)·q until the terms no longer count.
    const q = Math.exp(logQ);
    let term = Math.exp(logNb(n));
    tail = 0;
    for (let j = n; j < n + 10_000_000 && term > 1e-17 * tail; j++) {
      tail += term;
      term *= ((r + j) / (j + 1)) * q;
    }
  }
  return first + Math.exp(logDrop) * tail;
}
