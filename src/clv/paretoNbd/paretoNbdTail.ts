/**
 * The tail integral of the Pareto/NBD likelihood, in log space with its parameter derivatives.
 * @internal
 * @module
 */

/** The largest number of series terms or quadrature nodes before {@link paretoNbdLogTail} gives up (NaN). @internal */
export const maxTailTerms = 100_000;

/** The largest trapezoidal step of {@link logTailByQuadrature}: π²/40 (see its remarks). @internal */
export const maxQuadratureStep = (Math.PI * Math.PI) / 40;

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
 * of it; it converges geometrically in z, so when z is close to 1 (α far below β or the reverse, and a
 * small y) and the quadrature would need fewer nodes than the series terms, the integral is taken by
 * {@link logTailByQuadrature} instead, whose cost does not depend on z.
 * Derivatives: term by term, with d/dk and d/dc of (k)ₙ/(c)ₙ as partial harmonic sums.
 * Special cases: NaN in → NaN out; NaN if more than {@link maxTailTerms} terms or nodes would be
 * needed (r + s + x below about 1e-3, where the integral converges only barely).
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
  const logAlphaY = Math.log(alphaY);
  const logBetaY = Math.log(betaY);
  const logPrefix = -p * logAlphaY - q * logBetaY + (alphaLarger ? logBetaY : logAlphaY) - Math.log(c - 1);
  if (!(z >= 0 && z < 1)) {
    if (gradient) gradient.fill(Number.NaN);
    return Number.NaN;
  }
  // The series needs about 40/(1−z) terms, the quadrature about 200 + 45/((p+q−1)h) nodes: take the cheaper.
  if (40 / (1 - z) > 200 + 45 / ((c - 1) * maxQuadratureStep)) return logTailByQuadrature(p, alpha + y, q, beta + y, gradient);
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
      gradient[0] = -logAlphaY - common + dK + dC;
      gradient[1] = -p / alphaY + (dZ * betaY) / (alphaY * alphaY);
      gradient[2] = -logBetaY - common + dC;
      gradient[3] = (1 - q) / betaY - dZ / alphaY;
    } else {
      gradient[0] = -logAlphaY - common + dC;
      gradient[1] = (1 - p) / alphaY - dZ / betaY;
      gradient[2] = -logBetaY - common + dK + dC;
      gradient[3] = -q / betaY + (dZ * alphaY) / (betaY * betaY);
    }
  }
  return logPrefix + Math.log(sum);
}

/**
 * ln ∫₀^∞ (a+v)^−p (b+v)^−q dv (with a = α+y, b = β+y, v = u − y) and d/d(r, α, s, β) of it, by the
 * trapezoidal rule in τ = ln v.
 *
 * @remarks
 * In τ the integrand g(τ) = exp(τ − p ln(a+e^τ) − q ln(b+e^τ)) is log-concave, decays like e^τ on the
 * left and like e^−(p+q−1)τ on the right, and is analytic in the strip |Im τ| < π. The trapezoidal rule
 * then converges geometrically (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal
 * rule", SIAM Review 56(3), thm 5.1): with δ = π/2 the error is about e^(−π²/h) times the size of g in
 * the strip, so h ≤ π²/40 (e^−40); and as a sharp peak of curvature κ = −(ln g)'' behaves like a
 * Gaussian of width σ = 1/√κ, whose trapezoidal error is about e^(−2π²σ²/h²), h ≤ 0.7σ keeps that
 * below e^−40 too. So h = min(π²/40, 0.7σ) at the peak (found by bisection on the slope); the nodes
 * march outwards from it until a geometric bound of the rest is below 1e-17 of the sum. Derivatives
 * are the g-weighted means of d ln g (differentiation under the integral). About 200 + 45/((p+q−1)h)
 * nodes, whatever p. Accuracy checked against the series where both apply (relative 1e-12).
 * NaN if more than {@link maxTailTerms} nodes would be needed.
 * @internal
 */
export function logTailByQuadrature(p: number, a: number, q: number, b: number, gradient?: Float64Array): number {
  const logA = Math.log(a);
  const logB = Math.log(b);
  // ln(c + e^τ) without overflow for large τ.
  const logPlus = (logC: number, tau: number) => (tau > logC ? tau + Math.log1p(Math.exp(logC - tau)) : logC + Math.log1p(Math.exp(tau - logC)));
  // The peak: slope 1 − p·e^τ/(a+e^τ) − q·e^τ/(b+e^τ) falls from 1 to 1−p−q < 0.
  let lo = Math.min(logA, logB) - 40;
  let hi = Math.max(logA, logB) + 40;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (1 - p * Math.exp(mid - logPlus(logA, mid)) - q * Math.exp(mid - logPlus(logB, mid)) > 0) lo = mid;
    else hi = mid;
  }
  const peak = (lo + hi) / 2;
  const top = peak - p * logPlus(logA, peak) - q * logPlus(logB, peak);
  // Curvature of ln g at the peak: p·wₐ(1−wₐ) + q·w_b(1−w_b) with w = e^τ/(c+e^τ).
  const wA = Math.exp(peak - logPlus(logA, peak));
  const wB = Math.exp(peak - logPlus(logB, peak));
  const curvature = p * wA * (1 - wA) + q * wB * (1 - wB);
  const h = Math.min(maxQuadratureStep, 0.7 / Math.sqrt(curvature));
  let sum = 0;
  let dR = 0;
  let dAlpha = 0;
  let dS = 0;
  let dBeta = 0;
  let nodes = 0;
  const add = (tau: number): number => {
    const logAv = logPlus(logA, tau);
    const logBv = logPlus(logB, tau);
    const w = Math.exp(tau - p * logAv - q * logBv - top);
    sum += w;
    if (gradient) {
      dR -= w * logAv;
      dAlpha -= w * p * Math.exp(-logAv);
      dS -= w * logBv;
      dBeta -= w * q * Math.exp(-logBv);
    }
    nodes++;
    return w;
  };
  add(peak);
  for (const direction of [1, -1]) {
    let previous = 1;
    for (let k = 1; ; k++) {
      if (nodes > maxTailTerms) {
        if (gradient) gradient.fill(Number.NaN);
        return Number.NaN;
      }
      const w = add(peak + direction * k * h);
      // Away from the peak of a log-concave g the node ratio keeps falling: bound the rest geometrically.
      const ratio = w / previous;
      previous = w;
      if (ratio < 1 && (w * ratio) / (1 - ratio) <= 1e-17 * sum) break;
    }
  }
  if (gradient) {
    gradient[0] = dR / sum;
    gradient[1] = dAlpha / sum;
    gradient[2] = dS / sum;
    gradient[3] = dBeta / sum;
  }
  return top + Math.log(sum * h);
}
