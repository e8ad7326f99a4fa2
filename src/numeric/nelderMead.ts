/**
 * Derivative-free Nelder–Mead minimisation, the fallback when BFGS fails.
 * @internal
 * @module
 */
import type { MinimizeResult, Objective, StopReason } from './objective.js';

/** Options of {@link nelderMead}. @internal */
export interface NelderMeadOptions {
  /** Stop when the spread of f over the simplex is ≤ this (absolute, plus relative to |f|). @defaultValue 1e-13 */
  readonly objectiveTolerance?: number;
  /** … and the simplex's largest coordinate spread is ≤ this. @defaultValue 1e-8 */
  readonly simplexTolerance?: number;
  /** @defaultValue 5000 */
  readonly maxIterations?: number;
  /** Stop (reason `'max_evaluations'`) once f has been evaluated this many times. @defaultValue Infinity */
  readonly maxEvaluations?: number;
  /** Edge length of the initial simplex, along each axis. @defaultValue 0.5 */
  readonly initialStep?: number;
  /**
   * Box constraints: every point the method tries (the initial simplex, reflections, expansions,
   * contractions and shrinks) is projected onto [lower, upper] coordinate by coordinate, so f is
   * only evaluated inside the box and a minimum outside it ends on the box. Either may be omitted
   * (no bound on that side). @defaultValue unbounded
   */
  readonly lower?: ArrayLike<number>;
  /** The upper corner of the box (see `lower`). @defaultValue unbounded */
  readonly upper?: ArrayLike<number>;
}

/**
 * Minimises f from `x0` with the Nelder–Mead simplex method (Nelder & Mead 1965, Computer Journal 7;
 * standard coefficients reflection 1, expansion 2, contraction ½, shrink ½, as in Lagarias et al. 1998).
 *
 * @remarks The initial simplex is x0 plus `initialStep` along each axis: fixed, never random.
 * With `lower`/`upper`, every trial point is projected onto the box first (the projection method for
 * bound constraints; the channels' empirical-Bayes prior uses it). The stopping test needs both the
 * spread of f (≤ `objectiveTolerance`·(1 + |f_best|)) and the largest coordinate distance from the
 * best vertex (≤ `simplexTolerance`). Non-finite values count as +∞. Never throws.
 * @internal
 */
export function nelderMead(f: Objective, x0: ArrayLike<number>, options: NelderMeadOptions = {}): MinimizeResult {
  const ftol = options.objectiveTolerance ?? 1e-13;
  const xtol = options.simplexTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 5000;
  const step = options.initialStep ?? 0.5;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const n = x0.length;
  const lower = options.lower;
  const upper = options.upper;
  const project = (p: Float64Array): Float64Array => {
    if (lower !== undefined) for (let j = 0; j < n; j++) p[j] = Math.max(lower[j] as number, p[j] as number);
    if (upper !== undefined) for (let j = 0; j < n; j++) p[j] = Math.min(upper[j] as number, p[j] as number);
    return p;
  };
  let evaluations = 0;
  const value = (p: Float64Array) => {
    evaluations++;
    const v = f(p);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const points: Float64Array[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    points.push(project(p));
  }
  const values = points.map(value);
  const order = points.map((_, i) => i);
  const centroid = new Float64Array(n);
  const candidate = (from: Float64Array, towards: Float64Array, t: number) => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = (from[j] as number) + t * ((towards[j] as number) - (from[j] as number));
    return project(p);
  };

  let reason: StopReason = 'max_iterations';
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
    const best = order[0] as number;
    const worst = order[n] as number;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    let spread = 0;
    for (let j = 0; j < n; j++) {
      for (const p of points) spread = Math.max(spread, Math.abs((p[j] as number) - ((points[best] as Float64Array)[j] as number)));
    }
    if (Number.isFinite(fWorst) && fWorst - fBest <= ftol * (1 + Math.abs(fBest)) && spread <= xtol) {
      reason = 'simplex';
      break;
    }
    // One iteration costs at most n + 2 evaluations (a shrink); stop before it could overrun the budget.
    if (evaluations + n + 2 > maxEvaluations) {
      reason = 'max_evaluations';
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const worstPoint = points[worst] as Float64Array;
    const secondWorst = values[order[n - 1] as number] as number;
    const reflected = candidate(centroid, worstPoint, -1);
    const fr = value(reflected);
    if (fr < fBest) {
      const expanded = candidate(centroid, worstPoint, -2);
      const fe = value(expanded);
      if (fe < fr) replace(worst, expanded, fe);
      else replace(worst, reflected, fr);
    } else if (fr < secondWorst) {
      replace(worst, reflected, fr);
    } else {
      const outside = fr < fWorst;
      const contracted = candidate(centroid, outside ? reflected : worstPoint, 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : fWorst)) replace(worst, contracted, fc);
      else {
        const bestPoint = points[best] as Float64Array;
        for (let k = 1; k <= n; k++) {
          const i = order[k] as number;
          points[i] = candidate(bestPoint, points[i] as Float64Array, 0.5);
          values[i] = value(points[i] as Float64Array);
        }
      }
    }
  }
  order.sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
  const best = order[0] as number;
  return {
    x: points[best] as Float64Array,
    value: values[best] as number,
    iterations,
    evaluations,
    gradientNorm: Number.NaN,
    converged: reason === 'simplex',
    reason,
  };

  function replace(i: number, p: Float64Array, v: number): void {
    points[i] = p;
    values[i] = v;
  }
}
