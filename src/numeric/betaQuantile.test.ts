import { describe, expect, it } from 'vitest';
import { betaQuantile } from './betaQuantile.js';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';

// ref: scipy.special.betainc(a, b, x) (scipy 1.17.1, repr()); tolerance atol 1e-14.
const incompleteBetaReference: readonly (readonly [number, number, number, number])[] = [
  [0.3, 2, 3, 0.34829999999999994],
  [0.5, 0.5, 0.5, 0.5000000000000001],
  [0.01, 0.05, 2, 0.8336474823431335],
  [0.9, 50, 10, 0.9334105544171287],
  [0.999, 3, 0.2, 0.6685414839010846],
  [0.6, 7.5, 7.5, 0.7792420027443399],
  [1e-5, 0.5, 30, 0.019460958645724724],
];

// ref: scipy.special.betaincinv(a, b, p) (scipy 1.17.1, repr()); tolerance rtol 1e-11.
const quantileReference: readonly (readonly [number, number, number, number])[] = [
  [0.05, 2, 3, 0.09761146288641434],
  [0.95, 2, 3, 0.7513953742698181],
  [0.05, 0.5, 0.5, 0.0061558297024311365],
  [0.5, 0.01, 5, 9.892240424112215e-32],
  [0.95, 0.001, 5, 6.593774354508064e-24],
  [0.05, 100, 900, 0.08487030557112815],
  [0.95, 1.3, 40.7, 0.0833371612568367],
  [0.025, 12.25, 3.75, 0.5375324767116016],
  [0.975, 0.2, 0.3, 0.999923983849046],
  [1e-10, 2, 2, 5.773513803060827e-6],
];

describe('regularizedIncompleteBeta', () => {
  it('keeps about 1e-11 absolute accuracy for shapes in the thousands (cancellation in the log prefactor)', () => {
    // ref: scipy.special.betainc(1000, 4000, 0.2) = 0.5028210395458625; atol 1e-11
    expect(Math.abs(regularizedIncompleteBeta(0.2, 1000, 4000) - 0.5028210395458625)).toBeLessThanOrEqual(1e-11);
  });

  it.each(incompleteBetaReference)('I_%d(%d, %d) matches scipy betainc %d (atol 1e-14)', (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected)).toBeLessThanOrEqual(1e-14);
  });

  it('equals the binomial tail sum for integer shapes (closed form, atol 1e-14)', () => {
    // I_x(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1−x)^(a+b−1−j)
    for (const [a, b] of [[1, 1], [2, 3], [5, 2], [7, 9]] as const) {
      for (const x of [0.05, 0.3, 0.5, 0.77, 0.99]) {
        const n = a + b - 1;
        let expected = 0;
        for (let j = a; j <= n; j++) expected += binomial(n, j) * x ** j * (1 - x) ** (n - j);
        expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected)).toBeLessThanOrEqual(1e-14);
      }
    }
  });

  it.each([
    [Number.NaN, 1, 1, Number.NaN],
    [0.5, 0, 1, Number.NaN],
    [0.5, 1, -1, Number.NaN],
    [-0.1, 2, 2, 0],
    [0, 2, 2, 0],
    [1, 2, 2, 1],
    [1.5, 2, 2, 1],
  ])('special case I_%d(%d, %d) = %d', (x, a, b, expected) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBe(expected);
  });
});

describe('betaQuantile', () => {
  it.each(quantileReference)('the %d-quantile of Beta(%d, %d) matches scipy betaincinv %d (rtol 1e-11)', (p, a, b, expected) => {
    expect(Math.abs(betaQuantile(p, a, b) - expected)).toBeLessThanOrEqual(1e-11 * expected);
  });

  it('inverts the incomplete beta over a grid of shapes and levels (|I(q) − p| ≤ 1e-13)', () => {
    for (const a of [0.02, 0.3, 1, 2.5, 40, 3000]) {
      for (const b of [0.05, 0.7, 1, 6, 250]) {
        for (const p of [0.001, 0.05, 0.5, 0.95, 0.999]) {
          const q = betaQuantile(p, a, b);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(1);
          // A quantile so close to 0 or 1 that x cannot move is accepted when I(q) still brackets p.
          const residual = Math.abs(regularizedIncompleteBeta(q, a, b) - p);
          if (residual > 1e-13) {
            const step = Math.max(Number.MIN_VALUE, Math.abs(q) * 4e-16);
            const below = regularizedIncompleteBeta(q - step, a, b);
            const above = regularizedIncompleteBeta(q + step, a, b);
            expect(below <= p + 1e-13 && above >= p - 1e-13, `a=${a} b=${b} p=${p} q=${q}`).toBe(true);
          }
        }
      }
    }
  });

  it.each([
    [Number.NaN, 1, 1, Number.NaN],
    [-0.1, 1, 1, Number.NaN],
    [1.1, 1, 1, Number.NaN],
    [0.5, 0, 1, Number.NaN],
    [0, 2, 3, 0],
    [1, 2, 3, 1],
    [0.5, 3, 3, 0.5],
  ])('special case betaQuantile(%d, %d, %d) = %d', (p, a, b, expected) => {
    const actual = betaQuantile(p, a, b);
    if (Number.isNaN(expected)) expect(actual).toBeNaN();
    else expect(Math.abs(actual - expected)).toBeLessThan(1e-15);
  });
});

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
