import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { regularizedIncompleteBeta } from '../numeric/regularizedIncompleteBeta.js';
import { sampleBeta, sampleLogGamma } from './samplers.js';

describe('sampleLogGamma', () => {
  it.each([0.3, 1, 2.5, 40])('Gamma(%d) draws have mean ≈ shape and variance ≈ shape (20,000 draws, 5 standard errors)', (shape) => {
    const random = createRandom(7);
    const n = 20_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const x = Math.exp(sampleLogGamma(shape, random));
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    // The mean of n Gamma(k) draws has standard error √(k/n).
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.1);
  });

  it('stays finite for tiny shapes, where U^(1/a) would underflow', () => {
    const random = createRandom(1);
    for (let i = 0; i < 1000; i++) expect(Number.isFinite(sampleLogGamma(1e-3, random))).toBe(true);
  });
});

describe('sampleBeta', () => {
  it('matches the Beta(2, 5) distribution function (Kolmogorov–Smirnov distance < 1.63/√n, the 1% critical value)', () => {
    const random = createRandom(2024);
    const n = 5000;
    const draws = Array.from({ length: n }, () => sampleBeta(2, 5, random)).sort((x, y) => x - y);
    let distance = 0;
    draws.forEach((x, i) => {
      const cdf = regularizedIncompleteBeta(x, 2, 5);
      distance = Math.max(distance, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
    });
    expect(distance).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('gives the same stream for the same seed and values in [0, 1] even for extreme shapes', () => {
    const first = createRandom(99);
    const second = createRandom(99);
    for (const [a, b] of [[0.001, 0.001], [1e4, 1], [0.5, 3000]] as const) {
      const x = sampleBeta(a, b, first);
      expect(x).toBe(sampleBeta(a, b, second));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});
