import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.js';
import { hessianFromGradient, invertPositiveDefinite } from './hessian.js';
import { minimizeBfgs } from './minimizeBfgs.js';
import { nelderMead } from './nelderMead.js';

// Rosenbrock's function, minimum 0 at (1, 1): the classic curved valley.
const rosenbrock = (x: Float64Array, g: Float64Array) => {
  const a = x[0] as number;
  const b = x[1] as number;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeBfgs', () => {
  it('finds the minimum of Rosenbrock from (-1.2, 1)', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expectClose(result.x, [1, 1], { atol: 1e-6 });
  });

  it('backtracks from trial points where the objective is not finite', () => {
    // f = x − ln x (minimum at 1) is NaN for x ≤ 0; a full first step from 0.1 would land at x < 0.
    const f = (x: Float64Array, g: Float64Array) => {
      const v = x[0] as number;
      g[0] = 1 - 1 / v;
      return v - Math.log(v);
    };
    const result = minimizeBfgs(f, [0.1]);
    expect(result.converged).toBe(true);
    expectClose(result.x[0] as number, 1, { rtol: 1e-8 });
  });

  it('reports a non-finite start without throwing', () => {
    const result = minimizeBfgs(() => Number.NaN, [0]);
    expect([result.converged, result.reason]).toEqual([false, 'non_finite']);
  });

  it('is deterministic: the same start gives bit-identical iterates', () => {
    expect(Array.from(minimizeBfgs(rosenbrock, [-1.2, 1]).x)).toEqual(Array.from(minimizeBfgs(rosenbrock, [-1.2, 1]).x));
  });
});

describe('nelderMead', () => {
  it('finds the minimum of Rosenbrock without derivatives', () => {
    const g = new Float64Array(2);
    const result = nelderMead((x) => rosenbrock(x, g), [-1.2, 1]);
    expect(result.converged).toBe(true);
    expectClose(result.x, [1, 1], { atol: 1e-5 });
  });
});

describe('hessianFromGradient and invertPositiveDefinite', () => {
  it('recover the Hessian of a quadratic and its inverse', () => {
    // f = ½ xᵀ A x with A = [[4, 1], [1, 3]].
    const f = (x: Float64Array, g: Float64Array) => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = 4 * a + b;
      g[1] = a + 3 * b;
      return 0.5 * (4 * a * a + 2 * a * b + 3 * b * b);
    };
    const h = hessianFromGradient(f, [0.3, -0.2]);
    expectClose(h, [4, 1, 1, 3], { rtol: 1e-9 });
    expectClose(invertPositiveDefinite(h, 2) ?? [], [3 / 11, -1 / 11, -1 / 11, 4 / 11], { rtol: 1e-9 });
  });

  it('gives undefined for a matrix that is not positive definite', () => {
    expect(invertPositiveDefinite([1, 2, 2, 1], 2)).toBeUndefined();
  });
});

describe('nelderMead with box constraints', () => {
  it('evaluates f only inside the box and ends on the bound when the minimum lies outside it', () => {
    const seen: number[][] = [];
    const f = (x: Float64Array) => {
      seen.push(Array.from(x));
      return ((x[0] as number) - 3) ** 2 + ((x[1] as number) + 1) ** 2;
    };
    const result = nelderMead(f, [0, 0], { lower: [-1, 0], upper: [2, 5], initialStep: 1, objectiveTolerance: 1e-12, simplexTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expectClose(result.x[0] as number, 2, { atol: 1e-8 });
    expectClose(result.x[1] as number, 0, { atol: 1e-8 });
    expect(seen.every(([a, b]) => (a as number) >= -1 && (a as number) <= 2 && (b as number) >= 0 && (b as number) <= 5)).toBe(true);
  });

  it('finds an interior minimum as the unbounded method does', () => {
    const f = (x: Float64Array) => ((x[0] as number) - 0.5) ** 2 + 2 * ((x[1] as number) - 1.5) ** 2;
    const boxed = nelderMead(f, [0, 0], { lower: [-10, -10], upper: [10, 10] });
    const free = nelderMead(f, [0, 0]);
    expectClose(boxed.x[0] as number, 0.5, { atol: 1e-7 });
    expectClose(boxed.x[1] as number, 1.5, { atol: 1e-7 });
    expect(Array.from(boxed.x)).toEqual(Array.from(free.x));
  });
});
