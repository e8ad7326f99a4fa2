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
 * Accuracy (tested against mpmath): relative error ≤ 1e-13 in the value for c > 0. For c < 0 the
 * first terms cancel, and the error is absolute, about 1e-16 times the largest partial sum.
 * @internal
 */
export function hyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  const nan = { sign: Number.NaN, logAbs: Number.NaN };
  if (!(a > 0 && b > 0 && z >= 0 && z < 1) || !Number.isFinite(c) || (c <= 0 && Number.isInteger(c))) return nan;
  // Sum the terms after the first separately: ln(1 + tail) = log1p(tail) keeps full relative accuracy
  // when z is tiny (the value is 1 + 1e-15), which the expectations' 1 − e^L needs.
  let tail = 0;
  let term = 1;
  let logScale = 0;
  let scaled = false;
  let largest = 1; // the largest |partial sum| seen: with cancellation (c < 0) it sets the noise floor
  const result = (): SignedLog => {
    if (scaled) return { sign: Math.sign(tail), logAbs: logScale + Math.log(Math.abs(tail)) };
    return { sign: Math.sign(1 + tail), logAbs: tail > -0.5 ? Math.log1p(tail) : Math.log(Math.abs(1 + tail)) };
  };
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    tail += term;
    largest = Math.max(largest, Math.abs(scaled ? tail : 1 + tail));
    if (Math.abs(tail) > 1e280) {
      // From here the leading 1 is negligible: carry the scale in logScale.
      logScale += Math.log(Math.abs(tail));
      term /= Math.abs(tail);
      tail = Math.sign(tail);
      scaled = true;
      largest = 1;
    }
    // Past the sign changes, later ratios are bounded by max(ratio, z): bound the tail geometrically.
    if (c + n > 0 && ratio < 1) {
      const bound = Math.max(ratio, z);
      const floor = Math.max(Math.abs(scaled ? tail : 1 + tail), 1e-16 * largest);
      if (Math.abs(term) * bound <= 1e-17 * (1 - bound) * floor) return result();
    }
    if (term === 0) return result();
  }
  return nan;
}
