/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) on 0 ≤ z < 1, as a signed logarithm.
 * @internal
 * @module
 */

/** A real number as sign and log of its absolute value, so that huge values do not overflow. @internal */
export interface SignedLog {
  readonly sign: number;
  readonly logAbs: number;
}

const maxTerms = 1_000_000;

/**
 * ₂F₁(a, b; c; z) for a, b > 0, c not a non-positive integer and 0 ≤ z < 1, by its power series
 * Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ (Abramowitz & Stegun 15.1.1), returned as sign and log|value|.
 *
 * @remarks
 * With a, b > 0 every term after the first ⌈−c⌉ has the same sign, so the series is summed without
 * cancellation once c + n > 0; partial sums are rescaled when they grow past 1e280, so values far
 * beyond the double range (x = 200 repeat purchases) are returned as logarithms. The series stops when
 * the geometric bound of the remaining tail falls below 1e-17 of the sum. Convergence slows like zⁿ:
 * z = 0.999 needs about 40,000 terms. It gives NaN if it has not converged after 1,000,000 terms, for
 * z outside [0, 1), for a or b ≤ 0, and for a pole c ∈ {0, −1, −2, …}.
 * Accuracy (tested against mpmath): relative error ≤ 1e-13 in the value for c > 0.
 * @internal
 */
export function hyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  const nan = { sign: Number.NaN, logAbs: Number.NaN };
  if (!(a > 0 && b > 0 && z >= 0 && z < 1) || !Number.isFinite(c) || (c <= 0 && Number.isInteger(c))) return nan;
  let sum = 1;
  let term = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (Math.abs(sum) > 1e280) {
      logScale += Math.log(Math.abs(sum));
      term /= Math.abs(sum);
      sum = Math.sign(sum);
    }
    // Past the sign changes, later ratios are bounded by max(ratio, z): bound the tail geometrically.
    if (c + n > 0 && ratio < 1) {
      const bound = Math.max(ratio, z);
      if (Math.abs(term) * bound <= 1e-17 * (1 - bound) * Math.abs(sum)) {
        return { sign: Math.sign(sum), logAbs: logScale + Math.log(Math.abs(sum)) };
      }
    }
    if (term === 0) return { sign: Math.sign(sum), logAbs: logScale + Math.log(Math.abs(sum)) };
  }
  return nan;
}
