/**
 * The tail integral of the Pareto/NBD likelihood, in log space with its parameter derivatives.
 * @internal
 * @module
 */

/** The largest number of series terms before {@link paretoNbdLogTail} gives up (NaN). @internal */
export const maxTailTerms = 2_000_000;

/**
 * ln I(y) for I(y) = ∫_y^∞ (α+u)^−(r+x) (β+u)^−(s+1) du, and (when `gradient` is given) its
 * derivatives d ln I / d(r, α, s, β) written into `gradient`.
 *
 * @remarks
 * The Pareto/NBD likelihood (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model",
 * eq. 22) is Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s·(I(tₓ) − I(T))]: its A₀ term with the two
 * ₂F₁ is s·(I(tₓ) − I(T)). Writing p = r+x, q = s+1 and expanding around the larger of α and β,
 * I(y) = (α+y)^−p (β+y)^−q (m+y) / (p+q−1) · ₂F₁(1, k; p+q; z) with m = min(α, β),
 * z = |α−β| / (max(α, β)+y) ∈ [0, 1) and k = p if α ≥ β, else q. This is FHL's ₂F₁(p+q−1, ·; p+q; z)
 * after Euler's transformation (Abramowitz & Stegun 15.3.3), which turns it into a series of
 * positive terms whose ratio (k+n)/(p+q+n)·z stays below z: no term overflows, there is no
 * cancellation, and x in the hundreds costs no more than x = 0 (the overflow and NaN of lifetimes and
 * CLVTools on large x and α far below β came from summing the untransformed series). The series stops
 * when a geometric bound of the remaining tail of every sum (value and derivatives) falls below 1e-17
 * of it. Convergence is geometric in z: z = 0.9994 (α = 0.008, β = 14, y = 0) needs about 60,000
 * terms; beyond {@link maxTailTerms} terms the result is NaN (z within about 2e-5 of 1).
 * Derivatives: term by term, with d/dk and d/dc of (k)ₙ/(c)ₙ as partial harmonic sums.
 * Special cases: NaN in → NaN out.
 * @internal
 */
export function paretoNbdLogTail(r: number, alpha: number, s: number, beta: number, x: number, y: number, gradient?: Float64Array): number {
  const p = r + x;
  const q = s + 1;
  const c = p + q;
  const alphaY = alpha + y;
  const betaY = beta + y;
  const alphaLarger = alpha >= beta;
  const k = alphaLarger ? p : q;
  const z = alphaLarger ? (alpha - beta) / alphaY : (beta - alpha) / betaY;
  const logPrefix = -p * Math.log(alphaY) - q * Math.log(betaY) + Math.log(alphaLarger ? betaY : alphaY) - Math.log(c - 1);
  if (!(z >= 0 && z < 1)) {
    if (gradient) gradient.fill(Number.NaN);
    return Number.NaN;
  }
  // S = Σ uₙ z (n ≥ 1) + 1 with uₙ = (k)ₙ/(c)ₙ z^(n−1); Sk = dS/dk, Sc = dS/dc, Sz = dS/dz.
  let sum = 1;
  let sumK = 0;
  let sumC = 0;
  let sumZ = 0;
  let u = 1;
  let harmonicK = 0;
  let harmonicC = 0;
  const withGradient = gradient !== undefined;
  let converged = false;
  for (let n = 1; n <= maxTailTerms; n++) {
    const kn = k + n - 1;
    const cn = c + n - 1;
    u *= n === 1 ? kn / cn : (kn / cn) * z;
    const term = u * z;
    sum += term;
    // Later term ratios are below (1 + 1/n)·z for every sum: bound their tails geometrically.
    const ratio = (1 + 1 / n) * z;
    const tailFactor = ratio < 1 ? ratio / (1 - ratio) : Number.POSITIVE_INFINITY;
    if (withGradient) {
      harmonicK += 1 / kn;
      harmonicC += 1 / cn;
      sumK += term * harmonicK;
      sumC -= term * harmonicC;
      sumZ += n * u;
      if (
        n * u * tailFactor <= 1e-17 * sumZ &&
        term * harmonicK * tailFactor <= 1e-17 * sumK &&
        term * harmonicC * tailFactor <= -1e-17 * sumC &&
        term * tailFactor <= 1e-17 * sum
      ) {
        converged = true;
        break;
      }
    } else if (term * tailFactor <= 1e-17 * sum) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    if (gradient) gradient.fill(Number.NaN);
    return Number.NaN;
  }
  if (gradient) {
    const common = 1 / (c - 1);
    const dK = sumK / sum;
    const dC = sumC / sum;
    const dZ = sumZ / sum;
    if (alphaLarger) {
      gradient[0] = -Math.log(alphaY) - common + dK + dC;
      gradient[1] = -p / alphaY + (dZ * betaY) / (alphaY * alphaY);
      gradient[2] = -Math.log(betaY) - common + dC;
      gradient[3] = (1 - q) / betaY - dZ / alphaY;
    } else {
      gradient[0] = -Math.log(alphaY) - common + dC;
      gradient[1] = (1 - p) / alphaY - dZ / betaY;
      gradient[2] = -Math.log(betaY) - common + dK + dC;
      gradient[3] = -q / betaY + (dZ * alphaY) / (betaY * betaY);
    }
  }
  return logPrefix + Math.log(sum);
}
