/**
 * Maximum-likelihood fitting over log-parameters, shared by every fitter: BFGS from fixed starts,
 * Nelder–Mead as fallback, standard errors from the observed information.
 * @internal
 * @module
 */
import { RelmarkError } from '../errors/RelmarkError.js';
import { hessianFromGradient, invertPositiveDefinite } from './hessian.js';
import { minimizeBfgs } from './minimizeBfgs.js';
import { nelderMead } from './nelderMead.js';
import { infinityNorm, type MinimizeResult, type ObjectiveWithGradient, type StopReason } from './objective.js';

/** How a fit converged: JSON data kept on every fit result. @category CLV */
export interface FitDiagnostics {
  /** The method that produced the optimum. */
  readonly method: 'bfgs' | 'nelder-mead';
  readonly iterations: number;
  /** Objective evaluations on the data fitted, over all attempts (a warm-start subsample's are not counted). */
  readonly evaluations: number;
  /** ‖∇‖∞ of the negative mean log-likelihood in log-parameters at the optimum. */
  readonly gradientNorm: number;
  /** Why the optimiser stopped: `'gradient'` (gradient small), `'objective'` (flat to machine precision) or `'simplex'` (Nelder–Mead). */
  readonly reason: StopReason;
}

/**
 * The evaluation budget of one fit: objective evaluations by the optimisers over every attempt
 * (the gradient and Hessian checks of a candidate optimum come on top: 2k + 1 per candidate).
 * Successful fits of the bundled data sets need 15–60 (CDNOW: 22–30), so a fit that cannot succeed
 * gives up within about 3–13 times what a successful one costs, whatever the number of customers.
 * @internal
 */
export const defaultMaxEvaluations = 200;

/** Options of {@link maximizeLikelihood}. @internal */
export interface MaximizeLikelihoodOptions {
  /** Adds `penalizer · Σ θᵢ²` (θ the log-parameters) to the negative mean log-likelihood. @defaultValue 0 */
  readonly penalizer?: number;
  /** Objective evaluations over all attempts before giving up. @defaultValue {@link defaultMaxEvaluations} */
  readonly maxEvaluations?: number;
  /**
   * The Hessian of the (unpenalised) objective at θ, row-major, when the caller has a cheaper or
   * more accurate one than central differences of the gradient (2k gradient evaluations).
   */
  readonly hessian?: (theta: Float64Array) => Float64Array;
}

/** The outcome of {@link maximizeLikelihood}. @internal */
export interface MaximumLikelihood {
  /** Log-parameters at the optimum. */
  readonly theta: Float64Array;
  /** The minimised negative mean log-likelihood, WITHOUT the penalty. */
  readonly value: number;
  /** `penalizer · Σ θᵢ²` at the optimum (0 without a penalizer); the objective minimised is `value + penalty`. */
  readonly penalty: number;
  readonly diagnostics: FitDiagnostics;
  /**
   * Covariance of the log-parameters from the observed information of the TOTAL log-likelihood
   * (inverse of totalWeight × the Hessian of the negative mean).
   */
  readonly covariance: Float64Array;
}

/**
 * Minimises `negativeMeanLogLikelihood` (plus `penalizer · Σ θᵢ²` if given) over log-parameters
 * from the fixed `starts`, in order: BFGS from the first start (at most half the evaluation budget);
 * if it fails, Nelder–Mead from the best point so far and from each other start, each polished by
 * BFGS, while budget remains. The first converged result wins. It must be a strict interior
 * maximum: gradient norm ≤ 1e-4, a positive-definite Hessian and log-parameters within ±30 (outside
 * ±40 the objective counts as +∞, so that a likelihood without a maximum is not chased to infinity); else,
 * or if nothing converges, it throws `not_converged` with the diagnostics of the best attempt
 * (`reason` 'no_interior_maximum' when the optimiser stopped at a boundary or on a flat ridge) and
 * the budget (`maxEvaluations`, and `budgetHit`: 'evaluations' when it was spent, 'iterations' when
 * the best attempt hit its iteration cap, else 'none').
 *
 * @param toParams - Names the log-parameters for the error details (`{ r, alpha, … }`).
 * @param initialInverseHessian - For the first BFGS run (a warm start from a subsample fit).
 * @param options - Penalizer and evaluation budget.
 * @throws {@link RelmarkError} `not_converged` with `details` { method, iterations, evaluations,
 *   gradientNorm, logLikelihood (the mean, unpenalised), lastParams, reason, maxEvaluations, budgetHit }.
 * @internal
 */
export function maximizeLikelihood(
  negativeMeanLogLikelihood: ObjectiveWithGradient,
  starts: readonly (readonly number[])[],
  totalWeight: number,
  where: string,
  toParams: (theta: Float64Array) => Record<string, number>,
  initialInverseHessian?: ArrayLike<number>,
  options: MaximizeLikelihoodOptions = {},
): MaximumLikelihood {
  const dimension = (starts[0] ?? []).length;
  const budget = options.maxEvaluations ?? defaultMaxEvaluations;
  const penalizer = options.penalizer ?? 0;
  const penaltyAt = (theta: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < theta.length; i++) sum += (theta[i] as number) ** 2;
    return penalizer * sum;
  };
  // Without a penalizer the objective is the caller's, untouched (bit-identical fits).
  const objective: ObjectiveWithGradient =
    penalizer > 0
      ? (theta, gradient) => {
          const value = negativeMeanLogLikelihood(theta, gradient);
          for (let i = 0; i < theta.length; i++) gradient[i] = (gradient[i] as number) + 2 * penalizer * (theta[i] as number);
          return value + penaltyAt(theta);
        }
      : negativeMeanLogLikelihood;
  let evaluations = 0;
  let budgetSpent = false;
  let best: MinimizeResult | undefined;
  let bestMethod: FitDiagnostics['method'] = 'bfgs';
  let bestReason: string = 'max_iterations';
  const scratch = new Float64Array(dimension);
  // Outside |θ| ≤ 40 no result is accepted (interior means |θ| ≤ 30), so the objective is +∞ there:
  // a likelihood without a maximum makes the optimisers stop at that box instead of chasing it.
  const boxed: ObjectiveWithGradient = (theta, gradient) => (insideBox(theta) ? objective(theta, gradient) : Number.POSITIVE_INFINITY);
  const valueOnly = (theta: Float64Array) => boxed(theta, scratch);

  // A result is accepted only as a strict interior maximum; returns its gradient norm and covariance.
  const accept = (result: MinimizeResult, method: FitDiagnostics['method']): MaximumLikelihood | undefined => {
    evaluations += result.evaluations;
    if (result.reason === 'max_evaluations') budgetSpent = true;
    if (best === undefined || (Number.isFinite(result.value) && !(result.value >= best.value))) {
      best = result;
      bestMethod = method;
      bestReason = result.reason;
    }
    if (!result.converged) return undefined;
    const gradient = new Float64Array(dimension);
    objective(result.x, gradient);
    const gradientNorm = infinityNorm(gradient);
    const interior = Array.from(result.x).every((t) => Math.abs(t) <= 30);
    const hessian = penalizer === 0 && options.hessian !== undefined ? options.hessian(result.x) : hessianFromGradient(objective, result.x);
    for (let i = 0; i < hessian.length; i++) hessian[i] = (hessian[i] as number) * totalWeight;
    const covariance = interior && gradientNorm <= 1e-4 ? invertPositiveDefinite(hessian, dimension) : undefined;
    if (covariance === undefined) {
      if (best === result) bestReason = 'no_interior_maximum';
      return undefined;
    }
    const penalty = penaltyAt(result.x);
    return {
      theta: result.x,
      value: result.value - penalty,
      penalty,
      diagnostics: { method, iterations: result.iterations, evaluations, gradientNorm, reason: result.reason },
      covariance,
    };
  };

  const remaining = () => budget - evaluations;
  const first = accept(
    minimizeBfgs(boxed, starts[0] ?? [], {
      maxEvaluations: Math.ceil(budget / 2),
      ...(initialInverseHessian === undefined ? {} : { initialInverseHessian }),
    }),
    'bfgs',
  );
  if (first) return first;
  for (let s = 0; s < starts.length; s++) {
    // A simplex needs n + 1 evaluations to exist and n + 2 per iteration: not worth starting below that.
    if (remaining() < 2 * dimension + 3) {
      budgetSpent = true;
      break;
    }
    const from = s === 0 ? (best as MinimizeResult).x : (starts[s] as readonly number[]);
    if (!Array.from(from).every(Number.isFinite)) continue;
    const simplex = nelderMead(valueOnly, from, { maxEvaluations: Math.floor(remaining() / 2) });
    const polished = accept(minimizeBfgs(boxed, simplex.x, { maxEvaluations: Math.max(1, remaining() - simplex.evaluations) }), 'nelder-mead');
    if (polished) return polished;
    const raw = accept(simplex, 'nelder-mead');
    if (raw) return raw;
  }
  const last = best as MinimizeResult;
  const budgetHit = budgetSpent || remaining() <= 0 ? 'evaluations' : last.reason === 'max_iterations' ? 'iterations' : 'none';
  throw new RelmarkError('not_converged', `${where}: did not converge`, {
    details: {
      method: bestMethod,
      iterations: last.iterations,
      evaluations,
      gradientNorm: last.gradientNorm,
      logLikelihood: -(last.value - (Number.isFinite(last.value) ? penaltyAt(last.x) : 0)),
      lastParams: toParams(last.x),
      reason: bestReason,
      maxEvaluations: budget,
      budgetHit,
    },
  });
}

/** The search box of {@link maximizeLikelihood}: every log-parameter within ±40. */
function insideBox(theta: Float64Array): boolean {
  for (let i = 0; i < theta.length; i++) if (!(Math.abs(theta[i] as number) <= 40)) return false;
  return true;
}
