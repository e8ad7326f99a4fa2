import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../test/helpers/expectClose.js';
import { logTailByQuadrature, paretoNbdLogTail } from './paretoNbdTail.js';

/**
 * ln ∫_y^∞ (α+u)^−(r+x) (β+u)^−(s+1) du by the trapezoidal rule in τ = ln(u − y) over (−∞, ∞): the
 * integrand is analytic and decays exponentially at both ends, so the rule converges geometrically
 * (Trefethen & Weideman 2014, SIAM Review 56(3)); step 0.005 on [−80, 80] is exact to ~1e-14.
 * Independent of the series (no hypergeometric function involved).
 */
function logTailByQuadratureReference(r: number, alpha: number, s: number, beta: number, x: number, y: number): number {
  const h = 0.005;
  const logs: number[] = [];
  for (let tau = -80; tau <= 80; tau += h) {
    const u = y + Math.exp(tau);
    logs.push(tau - (r + x) * Math.log(alpha + u) - (s + 1) * Math.log(beta + u));
  }
  const max = Math.max(...logs);
  return max + Math.log(logs.reduce((sum, l) => sum + Math.exp(l - max), 0) * h);
}

// [r, α, s, β, x, y]: CDNOW-like, α ≫ β, α ≪ β, α = β, huge x, y = 0, α = 0.008.
const cases: [number, number, number, number, number, number][] = [
  [0.5534, 10.5802, 0.6061, 11.6562, 2, 30.43],
  [0.5534, 10.5802, 0.6061, 11.6562, 0, 0],
  [0.5143, 14.1087, 0.2856, 2.8845, 5, 1],
  [0.5143, 2.8845, 0.2856, 14.1087, 221, 94.3],
  [1.3, 5, 2, 5, 3, 2],
  [0.5143, 0.008, 0.2856, 14.1087, 0, 0],
  [0.5143, 0.008, 0.2856, 14.1087, 1, 0.001],
  [2, 0.3, 0.05, 40, 200, 0.5],
];

describe('paretoNbdLogTail', () => {
  it.each(cases)('matches trapezoidal quadrature at r=%s α=%s s=%s β=%s x=%s y=%s (atol 1e-11 in ln I)', (r, alpha, s, beta, x, y) => {
    expectClose(paretoNbdLogTail(r, alpha, s, beta, x, y), logTailByQuadratureReference(r, alpha, s, beta, x, y), { atol: 1e-11, rtol: 1e-13 });
  });

  // Step 1e-4 relative: at z near 1 the series sums 60,000 terms, whose rounding a smaller step amplifies.
  it.each(cases)('has an analytic gradient equal to central differences at %s, %s, %s, %s, x=%s, y=%s (rtol 1e-6)', (r, alpha, s, beta, x, y) => {
    const gradient = new Float64Array(4);
    paretoNbdLogTail(r, alpha, s, beta, x, y, gradient);
    const point = [r, alpha, s, beta];
    point.forEach((value, i) => {
      const h = 1e-4 * value;
      const at = (delta: number) => {
        const p = point.map((v, j) => (j === i ? v + delta : v)) as [number, number, number, number];
        return paretoNbdLogTail(...p, x, y);
      };
      expectClose(gradient[i] as number, (at(h) - at(-h)) / (2 * h), { rtol: 1e-6, atol: 1e-7 });
    });
  });

  it('is continuous where the expansion switches from β to α (α = β ± 1e-12)', () => {
    const at = (alpha: number) => paretoNbdLogTail(0.5, alpha, 0.6, 3, 4, 2);
    expectClose(at(3 + 1e-12), at(3 - 1e-12), { rtol: 1e-12 });
    expectClose(at(3), logTailByQuadratureReference(0.5, 3, 0.6, 3, 4, 2), { atol: 1e-11 });
  });

  it('gives NaN (and a NaN gradient) for NaN input or when the series cannot converge', () => {
    const gradient = new Float64Array(4);
    expect(paretoNbdLogTail(Number.NaN, 1, 1, 1, 0, 0, gradient)).toBeNaN();
    expect(Array.from(gradient).every(Number.isNaN)).toBe(true);
    // z = 1 − 1e-9 and r + s + x = 2e-6: too many series terms, and the integrand decays like u^−(1+2e-6), beyond maxTailTerms nodes.
    expect(paretoNbdLogTail(1e-6, 1e-9, 1e-6, 1, 0, 0)).toBeNaN();
  });

  it('is finite for z within 1e-12 of 1 (the quadrature branch)', () => {
    expectClose(paretoNbdLogTail(0.5, 1e-12, 0.3, 1, 0, 0), logTailByQuadratureReference(0.5, 1e-12, 0.3, 1, 0, 0), { atol: 1e-10 });
  });

  it.each([
    [0.5534, 1, 0.6061, 11.6562, 2, 0.3],
    [0.5534, 11.6562, 0.6061, 1, 0, 0],
    [0.5143, 2.8845, 0.2856, 30, 40, 0.1],
  ])('has series and quadrature agree where the series is used (r=%s α=%s s=%s β=%s x=%s y=%s)', (r, alpha, s, beta, x, y) => {
    const g1 = new Float64Array(4);
    const g2 = new Float64Array(4);
    const series = paretoNbdLogTail(r, alpha, s, beta, x, y, g1);
    const quadrature = logTailByQuadrature(r + x, alpha + y, s + 1, beta + y, g2);
    expectClose(series, quadrature, { atol: 1e-12, rtol: 1e-13 });
    expectClose(g1, g2, { rtol: 1e-10, atol: 1e-12 });
  });
});

describe('logTailByQuadrature against the series (large x, both expansions)', () => {
  it.each([
    [500.5, 5, 1.3, 4],
    [3.5, 50, 1.3, 4],
    [221.5, 97, 1.29, 109],
    [20000, 140, 2.2, 150],
    [1.5, 1, 30000, 1.1],
  ])('p=%s a=%s q=%s b=%s: value and gradient (rtol 1e-11)', (p, a, q, b) => {
    const g1 = new Float64Array(4);
    const g2 = new Float64Array(4);
    // paretoNbdLogTail with x = 0, y = 0 takes r = p, α = a, s = q − 1, β = b; these z are small enough for the series.
    const series = paretoNbdLogTail(p, a, q - 1, b, 0, 0, g1);
    expectClose(logTailByQuadrature(p, a, q, b, g2), series, { rtol: 1e-12, atol: 1e-12 });
    expectClose(g2, g1, { rtol: 1e-11, atol: 1e-13 });
  });
});
