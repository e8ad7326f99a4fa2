/**
 * The natural logarithm of the gamma function, for likelihoods that must stay in log space.
 * @internal
 * @module
 */

// Lanczos coefficients for g = 7, n = 9 (Godfrey's set, as tabulated in many references; they are
// mathematical constants of the approximation, Lanczos 1964, SIAM J. Numer. Anal. B 1, 86–96).
const lanczosG = 7;
const lanczosCoefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const halfLogTwoPi = 0.9189385332046728; // ln(2π) / 2
const logPi = 1.1447298858494002;

/**
 * ln|Γ(x)|, the logarithm of the absolute value of the gamma function.
 *
 * @remarks
 * Lanczos' approximation with g = 7 and 9 coefficients (Lanczos 1964; Press et al., *Numerical
 * Recipes*, 3rd ed., §6.1) for x ≥ 0.5, and Euler's reflection formula Γ(x)Γ(1−x) = π / sin(πx)
 * below. For x ≥ 1e7 the Stirling series with two correction terms is used instead, because it is
 * exact to double precision there and cheaper.
 *
 * Accuracy (tested against scipy.special.gammaln 1.17.1 in logGamma.test.ts): relative error below
 * 1e-13 for x in [1e-300, 1e15] away from the zeros at x = 1 and x = 2, and absolute error below
 * 1e-14 near those zeros.
 *
 * Special cases: NaN → NaN; +∞ → +∞; x = 0 or a negative integer → +∞ (a pole); −∞ → +∞;
 * a negative non-integer x → ln|Γ(x)|.
 *
 * @param x - Any number.
 * @returns ln|Γ(x)|.
 * @internal
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x <= 0 && Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  if (x < 0.5) {
    // Reflection: ln|Γ(x)| = ln π − ln|sin(πx)| − ln|Γ(1 − x)|. For tiny x this is −ln x to rounding.
    if (x > 0 && x < 1e-8) return -Math.log(x) - 0.5772156649015329 * x;
    return logPi - Math.log(Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 1e7) {
    // Stirling: (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³); the next term is below 1e-35.
    return (x - 0.5) * Math.log(x) - x + halfLogTwoPi + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
  const z = x - 1;
  let series = lanczosCoefficients[0];
  for (let i = 1; i < 9; i++) series += (lanczosCoefficients[i] as number) / (z + i);
  const t = z + lanczosG + 0.5;
  return halfLogTwoPi + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), the logarithm of the beta function.
 *
 * @remarks NaN if either argument is NaN; meant for a, b > 0.
 * @internal
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
