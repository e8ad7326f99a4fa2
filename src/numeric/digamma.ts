/**
 * The digamma function ψ(x) = d ln Γ(x) / dx.
 * @internal
 * @module
 */

/**
 * ψ(x) for real x.
 *
 * @remarks
 * Method: the recurrence ψ(x) = ψ(x + 1) − 1/x lifts x to at least 10, where the asymptotic series
 * ψ(x) = ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz & Stegun 6.3.18, terms to x⁻¹²) is used; negative
 * x uses the reflection ψ(1 − x) − ψ(x) = π cot(πx) (A&S 6.3.7).
 * Accuracy (tested against mpmath): absolute error ≤ 1e-13 for x > 0, relative ≤ 1e-13 away from the
 * root near 1.4616.
 *
 * Special cases: NaN → NaN; +∞ → +∞; 0 and negative integers (poles) → NaN; −∞ → NaN.
 * @internal
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift += 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  // B2/2 = 1/12, B4/4 = -1/120, B6/6 = 1/252, B8/8 = -1/240, B10/10 = 1/132, B12/12 = -691/32760.
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (inv2 * 691) / 32760)))));
  return Math.log(y) - 0.5 / y - series - shift;
}
