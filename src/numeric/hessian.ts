/**
 * Finite-difference Hessians and the covariance matrix they give.
 * @internal
 * @module
 */
import type { ObjectiveWithGradient } from './objective.js';

/**
 * The Hessian of f at x by central differences of its analytic gradient:
 * H[:, j] ≈ (∇f(x + h eⱼ) − ∇f(x − h eⱼ)) / 2h, then symmetrised. Truncation error O(h²).
 *
 * @returns A row-major n × n matrix; entries are NaN if a gradient was not finite.
 * @internal
 */
export function hessianFromGradient(f: ObjectiveWithGradient, x: ArrayLike<number>, step = 1e-4): Float64Array {
  const n = x.length;
  const h = new Float64Array(n * n);
  const point = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    const hj = step * Math.max(1, Math.abs(xj));
    point[j] = xj + hj;
    f(point, up);
    point[j] = xj - hj;
    f(point, down);
    point[j] = xj;
    for (let i = 0; i < n; i++) h[i * n + j] = ((up[i] as number) - (down[i] as number)) / (2 * hj);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = ((h[i * n + j] as number) + (h[j * n + i] as number)) / 2;
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return h;
}

/**
 * The inverse of a symmetric positive-definite matrix by Cholesky factorisation, or `undefined` if
 * the matrix is not positive definite (or has non-finite entries): a Hessian that is not positive
 * definite at an optimum gives no standard errors.
 * @internal
 */
export function invertPositiveDefinite(m: ArrayLike<number>, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / (l[j * n + j] as number);
      }
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (column[k] as number);
      column[i] = sum / (l[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i] as number;
      for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (column[k] as number);
      column[i] = sum / (l[i * n + i] as number);
    }
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i] as number;
  }
  return inverse;
}
