/**
 * Seeded Beta and Gamma variates for Thompson sampling.
 * @internal
 * @module
 */

/**
 * The natural logarithm of a Gamma(shape, 1) variate, drawn with `random` (uniform on [0, 1)).
 *
 * @remarks
 * Marsaglia & Tsang (2000), "A simple method for generating gamma variables", *ACM TOMS* 26(3),
 * 363–372: for shape ≥ 1, d = shape − ⅓, c = 1/√(9d); draw a standard normal z and accept
 * v = (1 + cz)³ when ln u < z²/2 + d − dv + d·ln v, returning d·v. For shape < 1 it uses their
 * boost Gamma(a) = Gamma(a + 1)·U^(1/a), added in log space so that tiny shapes (1e-3) do not
 * underflow to 0. Normal variates come from the Box–Muller transform (Box & Muller 1958).
 * Returns the logarithm so that a Beta variate can be formed without 0/0.
 * @internal
 */
export function sampleLogGamma(shape: number, random: () => number): number {
  if (shape < 1) {
    const boost = Math.log(1 - random()) / shape; // 1 − u lies in (0, 1], so the log is finite
    return sampleLogGamma(shape + 1, random) + boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const cube = 1 + c * z;
    if (cube <= 0) continue;
    const v = cube * cube * cube;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return Math.log(d) + Math.log(v);
  }
}

/**
 * A Beta(a, b) variate, as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Devroye 1986, §IX.4),
 * computed as the logistic of ln X − ln Y. @internal
 */
export function sampleBeta(a: number, b: number, random: () => number): number {
  const logX = sampleLogGamma(a, random);
  const logY = sampleLogGamma(b, random);
  return 1 / (1 + Math.exp(logY - logX));
}

function standardNormal(random: () => number): number {
  const u = 1 - random(); // (0, 1]
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
