/**
 * Random variates from a uniform source: normal, exponential, gamma and beta.
 * @internal
 * @module
 */

/** A source of uniform numbers in [0, 1), such as `createRandom(seed)`. @internal */
export type UniformSource = () => number;

/** An exponential variate with rate 1: −ln(1 − U) (inversion; 1 − U ∈ (0, 1], so never ln 0). @internal */
export function sampleExponential(random: UniformSource): number {
  return -Math.log1p(-random());
}

/** A standard normal variate by Marsaglia's polar method (Marsaglia & Bray 1964, SIAM Review 6(3)). @internal */
export function sampleNormal(random: UniformSource): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * The LOGARITHM of a Gamma(shape, 1) variate, by Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3): for shape ≥ 1 the squeeze-and-reject method on
 * d·(1 + c·Z)³; for shape < 1 their boost G(shape) = G(shape + 1) · U^(1/shape). Returned as a log so
 * that tiny shapes (variates like 1e-300) neither underflow nor lose the ratio in a beta variate.
 * @internal
 */
export function sampleLogGamma(shape: number, random: UniformSource): number {
  if (shape < 1) {
    const u = 1 - random(); // (0, 1]
    return sampleLogGamma(shape + 1, random) + Math.log(u) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = sampleNormal(random);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return Math.log(d * v);
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** A Gamma(shape, rate) variate (mean shape / rate). @internal */
export function sampleGamma(shape: number, rate: number, random: UniformSource): number {
  return Math.exp(sampleLogGamma(shape, random)) / rate;
}

/** A Beta(a, b) variate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), computed from their logs. @internal */
export function sampleBeta(a: number, b: number, random: UniformSource): number {
  const logX = sampleLogGamma(a, random);
  const logY = sampleLogGamma(b, random);
  return 1 / (1 + Math.exp(logY - logX));
}
