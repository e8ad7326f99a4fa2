import { RelmarkError } from '../../errors/RelmarkError.js';
import { logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { checkHorizon } from '../model/checkHistory.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';

const maxNodes = 1_000_000;

/**
 * {@link paretoNbdProbabilityOfPurchases} without validation (NaN in → NaN out).
 * @internal
 */
export function paretoNbdProbabilityOfPurchasesUnchecked(params: ParetoNbdParams, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = params;
  // ln of the negative-binomial mass Γ(r+n)/(Γ(r) n!) (α/(α+y))^r (y/(α+y))^n, without its y-part.
  const logCoefficient = logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * Math.log(alpha);
  const alive = Math.exp(logCoefficient + n * Math.log(t) - (r + n) * Math.log(alpha + t) + s * (Math.log(beta) - Math.log(beta + t)));
  // The customer died at y ∈ (0, t) after n purchases: ∫₀ᵗ NB(n; y) · sβˢ(β+y)^−(s+1) dy, with
  // y = t·σ(u), σ the logistic function, by the trapezoidal rule in u (see the remarks).
  const logConstant = logCoefficient + Math.log(s) + s * Math.log(beta) + Math.log(t);
  const softplus = (u: number) => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
  const logG = (u: number) => {
    const logSigma = -softplus(-u);
    const y = t * Math.exp(logSigma);
    return logConstant + n * (Math.log(t) + logSigma) - (r + n) * Math.log(alpha + y) - (s + 1) * Math.log(beta + y) + logSigma - softplus(u);
  };
  const h = Math.min(0.1, (Math.PI * Math.PI) / (40 + 0.35 * (r + n + s + 1)));
  // Scale by the value at the best of a coarse scan, so that no node overflows or underflows early.
  let top = Number.NEGATIVE_INFINITY;
  let start = 0;
  for (let u = -60; u <= 60; u += 0.5) {
    const v = logG(u);
    if (v > top) {
      top = v;
      start = u;
    }
  }
  let sum = Math.exp(logG(start) - top);
  let nodes = 1;
  for (const direction of [1, -1]) {
    let previous = sum;
    for (let k = 1; ; k++) {
      if (++nodes > maxNodes) return Number.NaN;
      const value = Math.exp(logG(start + direction * k * h) - top);
      sum += value;
      const ratio = value / previous;
      previous = value;
      if (ratio < 1 && (value * ratio) / (1 - ratio) <= 1e-17 * sum) break;
    }
  }
  return alive + Math.exp(top) * sum * h;
}

/**
 * The probability that a new customer makes exactly `n` repeat purchases in (0, t], under Pareto/NBD.
 *
 * @remarks
 * P(X(t) = n) = NB(n; t)·(β/(β+t))ˢ + ∫₀ᵗ NB(n; y)·sβˢ(β+y)^−(s+1) dy with the negative-binomial mass
 * NB(n; y) = Γ(r+n)/(Γ(r) n!) (α/(α+y))^r (y/(α+y))^n: alive at t with n purchases, or dead at y < t
 * after n purchases (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model", §4, whose
 * closed form with two ₂F₁ sums is this integral). The integral is taken by the trapezoidal rule
 * in u with y = t/(1 + e^−u), where the integrand is analytic in a strip and decays exponentially at
 * both ends, so the rule converges geometrically (Trefethen & Weideman 2014, SIAM Review 56(3)); the
 * step is min(0.1, π²/(40 + 0.35(r+n+s+1))). No hypergeometric differences, so no cancellation.
 * Edge cases: t = 0 → 1 for n = 0, else 0. Σₙ P(X(t) = n) = 1 and Σₙ n·P(X(t) = n) equals
 * {@link paretoNbdExpectedPurchasesNewCustomer} (both tested). O(a few hundred nodes).
 *
 * @param params - Pareto/NBD parameters.
 * @param n - The number of purchases, an integer ≥ 0.
 * @param t - The time since the first purchase (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if n is not an integer ≥ 0 or t
 *   is negative or not finite.
 * @example
 * ```ts
 * import { paretoNbdProbabilityOfPurchases } from 'relmark/clv';
 * paretoNbdProbabilityOfPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 0, 39);
 * //=> 0.5936
 * ```
 * @category CLV
 */
export function paretoNbdProbabilityOfPurchases(params: ParetoNbdParams, n: number, t: number): number {
  const p = parseParams(ParetoNbdParamsSchema, params, 'paretoNbdProbabilityOfPurchases');
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RelmarkError('invalid_input', 'paretoNbdProbabilityOfPurchases: invalid n', {
      issues: [{ code: 'invalid_value', path: ['n'], message: `n must be an integer ≥ 0, received ${n}` }],
    });
  }
  checkHorizon(t, 'paretoNbdProbabilityOfPurchases');
  return paretoNbdProbabilityOfPurchasesUnchecked(p, n, t);
}
