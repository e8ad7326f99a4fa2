import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { sampleBeta, sampleExponential, sampleGamma, sampleNormal } from './samplers.js';

// Seeded Monte Carlo checks of the first two moments: with n = 200,000 draws the sample mean is
// within 5 standard errors of the truth (a fixed seed makes the check deterministic).
function moments(draw: () => number, n = 200_000) {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean, n };
}

describe('samplers', () => {
  it.each([
    [0.243, 4.414],
    [1, 1],
    [6.25, 0.5],
  ])('Gamma(%s, rate %s) has mean shape/rate and variance shape/rate²', (shape, rate) => {
    const random = createRandom(17);
    const m = moments(() => sampleGamma(shape, rate, random));
    const variance = shape / rate ** 2;
    expect(Math.abs(m.mean - shape / rate)).toBeLessThan(5 * Math.sqrt(variance / m.n));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.05);
  });

  it.each([
    [0.793, 2.426],
    [0.1, 0.1],
    [5, 1],
  ])('Beta(%s, %s) has mean a/(a+b) and stays in [0, 1]', (a, b) => {
    const random = createRandom(23);
    let inRange = true;
    const m = moments(() => {
      const v = sampleBeta(a, b, random);
      inRange &&= v >= 0 && v <= 1;
      return v;
    });
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(inRange).toBe(true);
    expect(Math.abs(m.mean - a / (a + b))).toBeLessThan(5 * Math.sqrt(variance / m.n));
  });

  it('draws standard normal and unit exponential variates', () => {
    const random = createRandom(5);
    const normal = moments(() => sampleNormal(random));
    const exponential = moments(() => sampleExponential(random));
    expect(Math.abs(normal.mean)).toBeLessThan(5 / Math.sqrt(normal.n));
    expect(Math.abs(normal.variance - 1)).toBeLessThan(0.02);
    expect(Math.abs(exponential.mean - 1)).toBeLessThan(5 / Math.sqrt(exponential.n));
  });
});
