/**
 * The shape of an objective that the optimisers minimise.
 * @internal
 * @module
 */

/**
 * An objective with its gradient: returns f(x) and writes ∇f(x) into `gradient` (same length as x).
 * A non-finite value means "outside the domain"; optimisers treat it as +∞.
 * @internal
 */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

/** An objective without gradient, for derivative-free methods. @internal */
export type Objective = (x: Float64Array) => number;

/** Why an optimiser stopped. @internal */
export type StopReason = 'gradient' | 'objective' | 'simplex' | 'max_iterations' | 'max_evaluations' | 'line_search_failed' | 'stalled' | 'non_finite';

/** What an optimiser returns: it never throws, the caller decides what a failure means. @internal */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** Infinity norm of the gradient at `x` (NaN for derivative-free methods). */
  readonly gradientNorm: number;
  readonly converged: boolean;
  readonly reason: StopReason;
}

/** max |v_i|. @internal */
export function infinityNorm(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i] as number);
    if (!(a <= m)) m = a; // NaN propagates
  }
  return m;
}
