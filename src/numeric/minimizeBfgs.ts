/**
 * BFGS quasi-Newton minimisation with a backtracking line search.
 * @internal
 * @module
 */
import { infinityNorm, type MinimizeResult, type ObjectiveWithGradient, type StopReason } from './objective.js';

/** Options of {@link minimizeBfgs}. @internal */
export interface BfgsOptions {
  /** Stop when ‖∇f‖∞ ≤ this. @defaultValue 1e-9 */
  readonly gradientTolerance?: number;
  /**
   * Also stop when the relative decrease of f over an iteration is ≤ this and ‖∇f‖∞ ≤
   * `stallGradientTolerance` (the objective is flat to machine precision). @defaultValue 1e-15
   */
  readonly objectiveTolerance?: number;
  /** @defaultValue 1e-5 */
  readonly stallGradientTolerance?: number;
  /** @defaultValue 500 */
  readonly maxIterations?: number;
  /** Stop (reason `'max_evaluations'`) rather than evaluate f more than this many times. @defaultValue Infinity */
  readonly maxEvaluations?: number;
  /**
   * Give up (reason `'stalled'`, not converged) after this many consecutive iterations that each lower
   * f by less than 1e-9 relative while ‖∇f‖∞ stays above `stallGradientTolerance`: the search creeps
   * along a ridge or through rounding noise (a likelihood whose maximum lies at a boundary).
   * @defaultValue 10
   */
  readonly stallIterations?: number;
  /** The largest step, in the infinity norm, tried first by the line search. @defaultValue 2 */
  readonly maxStep?: number;
  /** A starting inverse Hessian (row-major, n × n), e.g. from a fit on a subsample. @defaultValue scaled identity */
  readonly initialInverseHessian?: ArrayLike<number>;
}

/**
 * Minimises f from `x0` by BFGS (Nocedal & Wright 2006, Numerical Optimization, Algorithm 6.1) with
 * an Armijo backtracking line search (their Algorithm 3.1, c₁ = 1e-4, step halved).
 *
 * @remarks
 * A trial point whose value or gradient is not finite is treated as f = +∞, so the step backtracks
 * (this keeps log-parameters out of regions where a likelihood overflows). The first inverse-Hessian
 * approximation is scaled by sᵀy / yᵀy (N&W eq. 6.20); an update whose curvature sᵀy is not positive
 * is skipped. Convergence is judged on the gradient norm, or on a stalled objective with a small
 * gradient. Deterministic: the same f and x0 give the same iterates. Never throws.
 * @internal
 */
export function minimizeBfgs(f: ObjectiveWithGradient, x0: ArrayLike<number>, options: BfgsOptions = {}): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-9;
  const ftol = options.objectiveTolerance ?? 1e-15;
  const stallGtol = options.stallGradientTolerance ?? 1e-5;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const stallIterations = options.stallIterations ?? 10;
  let flatIterations = 0;
  const n = x0.length;

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let evaluations = 1;
  let fx = f(x, g);
  if (!Number.isFinite(fx) || !allFinite(g)) {
    return { x, value: fx, iterations: 0, evaluations, gradientNorm: infinityNorm(g), converged: false, reason: 'non_finite' };
  }

  const h = identity(n); // inverse Hessian approximation, row-major
  let firstUpdate = options.initialInverseHessian === undefined;
  if (options.initialInverseHessian !== undefined) h.set(Array.from(options.initialInverseHessian));
  const direction = new Float64Array(n);
  const trial = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);

  let reason: StopReason = 'max_iterations';
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gnorm = infinityNorm(g);
    if (gnorm <= gtol) {
      reason = 'gradient';
      break;
    }
    // d = −H g; fall back to steepest descent if d is not a descent direction.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let di = 0;
      for (let j = 0; j < n; j++) di -= (h[i * n + j] as number) * (g[j] as number);
      direction[i] = di;
      slope += di * (g[i] as number);
    }
    if (!(slope < 0)) {
      resetIdentity(h, n);
      firstUpdate = true;
      slope = 0;
      for (let i = 0; i < n; i++) {
        direction[i] = -(g[i] as number);
        slope -= (g[i] as number) * (g[i] as number);
      }
    }
    const dnorm = infinityNorm(direction);
    let step = dnorm > maxStep ? maxStep / dnorm : 1;

    let accepted = false;
    let ftrial = Number.NaN;
    let outOfBudget = false;
    for (let k = 0; k < 60; k++) {
      if (evaluations >= maxEvaluations) {
        outOfBudget = true;
        break;
      }
      for (let i = 0; i < n; i++) trial[i] = (x[i] as number) + step * (direction[i] as number);
      evaluations++;
      ftrial = f(trial, trialGradient);
      if (Number.isFinite(ftrial) && allFinite(trialGradient) && ftrial <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (outOfBudget) {
      reason = 'max_evaluations';
      break;
    }
    if (!accepted) {
      // No decrease is possible along d: converged if the gradient is already small (precision limit).
      reason = gnorm <= stallGtol ? 'objective' : 'line_search_failed';
      break;
    }

    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (trial[i] as number) - (x[i] as number);
      y[i] = (trialGradient[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
      yy += (y[i] as number) * (y[i] as number);
    }
    const decrease = fx - ftrial;
    x.set(trial);
    g.set(trialGradient);
    const previous = fx;
    fx = ftrial;

    if (sy > 1e-12 * Math.sqrt(yy) * infinityNorm(s)) {
      if (firstUpdate) {
        const scale = sy / yy;
        for (let i = 0; i < n * n; i++) h[i] = (h[i] as number) * scale;
        firstUpdate = false;
      }
      updateInverseHessian(h, s, y, hy, sy, n);
    }
    if (decrease <= ftol * Math.max(1, Math.abs(previous)) && infinityNorm(g) <= stallGtol) {
      iterations++;
      reason = 'objective';
      break;
    }
    flatIterations = decrease <= 1e-9 * Math.max(1, Math.abs(previous)) && infinityNorm(g) > stallGtol ? flatIterations + 1 : 0;
    if (flatIterations >= stallIterations) {
      iterations++;
      reason = 'stalled';
      break;
    }
  }
  const gradientNorm = infinityNorm(g);
  const converged = reason === 'gradient' || reason === 'objective';
  return { x, value: fx, iterations, evaluations, gradientNorm, converged, reason };
}

// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy (N&W eq. 6.17), expanded so that it
// needs only H y: H + ρ²(yᵀHy + 1/ρ) s sᵀ − ρ (Hy sᵀ + s (Hy)ᵀ).
function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, hy: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += (h[i * n + j] as number) * (y[j] as number);
    hy[i] = v;
    yhy += (y[i] as number) * v;
  }
  const c = rho * rho * yhy + rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = s[i] as number;
      const sj = s[j] as number;
      h[i * n + j] = (h[i * n + j] as number) + c * si * sj - rho * ((hy[i] as number) * sj + si * (hy[j] as number));
    }
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  resetIdentity(m, n);
  return m;
}

function resetIdentity(m: Float64Array, n: number): void {
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i] as number)) return false;
  return true;
}
