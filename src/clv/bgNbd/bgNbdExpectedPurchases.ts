import type { HistoryPoint } from '../purchaseHistory.js';
import { hyp2f1 } from '../../numeric/hyp2f1.js';
import { parseParams } from '../model/parseParams.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import { bgNbdProbabilityAliveUnchecked } from './bgNbdProbabilityAlive.js';
import { finiteResult } from '../finiteResult.js';

/** Below this |a − 1| the expectation is summed by {@link expectedPurchasesNearOne}. @internal */
export const nearOneWidth = 0.05;

/**
 * E[Y(t) | alive at T, x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]:
 * the expected purchases of a customer KNOWN to be alive; it depends on x and T but not on tₓ, which
 * lets CLV over many customers share it by (x, T). Close to a = 1 (|a − 1| < 0.05), where the formula
 * is 0/0, it is summed by {@link expectedPurchasesNearOne} instead. Unchecked (NaN in → NaN out).
 * @internal
 */
export function bgNbdExpectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  if (Math.abs(a - 1) < nearOneWidth && a + b + x - 1 > 0) return expectedPurchasesNearOne(r + x, b + x, a - 1, t / (alpha + T));
  const alphaT = alpha + T;
  // The direct series peaks near n = x·z: beyond 1e5 terms, Euler's form is the fast one.
  if (x * (t / (alphaT + t)) > 1e5) return expectedPurchasesLargeX(params, x, alphaT, t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alphaT + t));
  // ln of ((α+T)/(α+T+t))^(r+x) · ₂F₁ — the bracket is 1 − e^L, taken as −expm1(L) to keep digits.
  const logPower = -(r + x) * Math.log1p(t / alphaT);
  const bracket = f.sign > 0 ? -Math.expm1(logPower + f.logAbs) : 1 + Math.exp(logPower + f.logAbs);
  const value = ((a + b + x - 1) / (a - 1)) * bracket;
  return Number.isFinite(value) ? value : expectedPurchasesLargeX(params, x, alphaT, t);
}

/**
 * The same expectation through Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
 * (Abramowitz & Stegun 15.3.3): with A = r+x, B = b+x, C = a+b+x−1 the bracket becomes
 * 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series has small numerators and a large
 * denominator when x is large (x = 10⁶, where the direct series needs more than 10⁶ terms). Used
 * when the direct series would peak beyond 1e5 terms (x·z > 1e5) or its result is not finite. NaN if the series has not converged after 10,000 terms.
 */
function expectedPurchasesLargeX(params: BgNbdParams, x: number, alphaT: number, t: number): number {
  const { r, a, b } = params;
  const z = t / (alphaT + t);
  const c = a + b + x - 1;
  const p = a + b - 1 - r;
  const q = a - 1;
  let term = 1;
  let sum = 1;
  let converged = false;
  for (let n = 0; n < 10_000; n++) {
    term *= (((p + n) * (q + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
      converged = true;
      break;
    }
  }
  if (!converged || !(sum > 0)) return Number.NaN;
  const bracket = -Math.expm1(q * Math.log1p(-z) + Math.log(sum));
  return (c / q) * bracket;
}

const maxNearOneTerms = 10_000_000;

/**
 * (c/ε) · [1 − (1−z)^p ₂F₁(p, c−ε; c; z)] with c = b' + ε, z = u/(1+u), summed without the 0/0 at ε = 0.
 *
 * @remarks
 * With wₙ = (p)ₙ zⁿ (1−z)^p / n! (a negative-binomial mass, Σ wₙ = 1) and
 * Rₙ = (b')ₙ/(b'+ε)ₙ = Πⱼ₍ⱼ<ₙ₎ (b'+j)/(b'+j+ε), the bracket is Σₙ wₙ (1 − Rₙ), so the value is
 * c · Σₙ wₙ hₙ with hₙ = (1 − Rₙ)/ε = −expm1(ln Rₙ)/ε, whose limit at ε = 0 is Σⱼ₍ⱼ<ₙ₎ 1/(b'+j): a
 * series of non-negative terms, exact at a = 1 and accurate near it (for BG/NBD, p = r+x, b' = b+x,
 * ε = a−1, u = t/(α+T)). Weights are carried in log space, so x in the hundreds does not underflow.
 * Stops when a geometric bound of the tail is below 1e-17 of the sum; NaN after 10⁷ terms, or at
 * once when the weights peak beyond 10⁷ terms ((p − 1)·u > 10⁷).
 * @internal
 */
export function expectedPurchasesNearOne(p: number, bPrime: number, epsilon: number, u: number): number {
  // The weights peak near n = (p − 1)·u (x large, or u large): Euler's form then needs few terms.
  if ((p - 1) * u > 1e5) return expectedPurchasesNearOneEuler(p, bPrime, epsilon, u);
  const z = u / (1 + u);
  const logZ = Math.log(z);
  let logWeight = -p * Math.log1p(u); // ln w₀
  let logRatio = 0; // ln Rₙ
  let harmonic = 0; // Σ 1/(b'+j), the ε = 0 limit of hₙ
  let sum = 0;
  for (let n = 1; n <= maxNearOneTerms; n++) {
    const j = n - 1;
    logWeight += Math.log((p + j) / n) + logZ;
    logRatio -= Math.log1p(epsilon / (bPrime + j));
    harmonic += 1 / (bPrime + j);
    const h = epsilon === 0 ? harmonic : -Math.expm1(logRatio) / epsilon;
    const term = Math.exp(logWeight) * h;
    sum += term;
    // Past the mode the weight ratio (p+n)/(n+1)·z falls, and hₙ₊₁/hₙ ≤ 1 + 1/n.
    const ratio = ((p + n) / (n + 1)) * z * (1 + 1 / n);
    if (ratio < 1 && term * ratio <= 1e-17 * (1 - ratio) * sum) return (bPrime + epsilon) * sum;
  }
  return Number.NaN;
}

/**
 * {@link expectedPurchasesNearOne} through Euler's transformation, for weights that peak far out
 * ((p − 1)·u > 1e5). With c = b' + ε, z = u/(1+u) and L = ln(1 − z),
 * (1−z)^p ₂F₁(p, c−ε; c; z) = (1−z)^ε ₂F₁(c−p, ε; c; z) = (1−z)^ε (1 + ε·G) with
 * G = Σ_{n≥1} (c−p)ₙ (ε+1)ₙ₋₁ / ((c)ₙ n!) zⁿ, so the value is c · [−expm1(εL)/ε − (1−z)^ε G]: no 0/0
 * at ε = 0 (where −expm1(εL)/ε is −L), and G's terms fall fast when c ≫ |c − p|. NaN if G has not
 * converged after 10⁶ terms.
 * @internal
 */
export function expectedPurchasesNearOneEuler(p: number, bPrime: number, epsilon: number, u: number): number {
  const c = bPrime + epsilon;
  const logOneMinusZ = -Math.log1p(u); // ln(1 − z) with z = u/(1+u)
  const z = u / (1 + u);
  let term = ((c - p) * z) / c;
  let sum = term;
  let converged = term === 0;
  for (let n = 1; n <= 1_000_000 && !converged; n++) {
    term *= (((c - p + n) * (epsilon + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) || term === 0) converged = true;
  }
  if (!converged) return Number.NaN;
  const head = epsilon === 0 ? -logOneMinusZ : -Math.expm1(epsilon * logOneMinusZ) / epsilon;
  return c * (head - Math.exp(epsilon * logOneMinusZ) * sum);
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
 * Edge cases: t = 0 → 0; a = 1 is a removable singularity of the formula (0/0): for |a − 1| < 0.05
 * the expectation is summed as a series of non-negative terms that has no singularity (the bracket
 * written as a negative-binomial mixture), so a = 1 gives its limit and values near it keep their
 * digits. O(number of ₂F₁ terms), typically under 100.
 *
 * @param params - BG/NBD parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param t - The horizon, in the same time unit (≥ 0).
 * @returns The expected number of purchases in (T, T + t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or t;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
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
  return finiteResult(bgNbdExpectedPurchasesUnchecked(p, history.x, history.tx, history.T, t), 'bgNbdExpectedPurchases', { history, t });
}
