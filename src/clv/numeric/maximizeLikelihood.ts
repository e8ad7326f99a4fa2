/**
 * Maximum-likelihood fitting over log-parameters, shared by every fitter: BFGS from fixed starts,
 * Nelder–Mead as fallback, standard errors from the observed information.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
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

/** The outcome of {@link maximizeLikelihood}. @internal */
export interface MaximumLikelihood {
  /** Log-parameters at the optimum. */
  readonly theta: Float64Array;
  /** The minimised negative mean log-likelihood. */
  readonly value: number;
  readonly diagnostics: FitDiagnostics;
  /**
   * Covariance of the log-parameters from the observed information of the TOTAL log-likelihood
   * (inverse of totalWeight × the Hessian of the negative mean).
   */
  readonly covariance: Float64Array;
}

/**
 * Minimises `negativeMeanLogLikelihood` over log-parameters from the fixed `starts`, in order:
 * BFGS from the first start; if it fails, Nelder–Mead from the best point so far and from each other
 * start, each polished by BFGS. The first converged result wins. It must be a strict interior
 * maximum: gradient norm ≤ 1e-4, a positive-definite Hessian and log-parameters within ±30 (outside
 * ±40 the objective counts as +∞, so that a likelihood without a maximum is not chased to infinity); else,
 * or if nothing converges, it throws `not_converged` with the diagnostics of the best attempt
 * (`reason` 'no_interior_maximum' when the optimiser stopped at a boundary or on a flat ridge).
 *
 * @param toParams - Names the log-parameters for the error details (`{ r, alpha, … }`).
 * @param initialInverseHessian - For the first BFGS run (a warm start from a subsample fit).
 * @throws {@link RelmarkError} `not_converged` with `details` { method, iterations, evaluations,
 *   gradientNorm, logLikelihood (the mean), lastParams, reason }.
 * @internal
 */
export function maximizeLikelihood(
  negativeMeanLogLikelihood: ObjectiveWithGradient,
  starts: readonly (readonly number[])[],
  totalWeight: number,
  where: string,
  toParams: (theta: Float64Array) => Record<string, number>,
  initialInverseHessian?: ArrayLike<number>,
): MaximumLikelihood {
  const dimension = (starts[0] ?? []).length;
  let evaluations = 0;
  let best: MinimizeResult | undefined;
  let bestMethod: FitDiagnostics['method'] = 'bfgs';
  let bestReason: string = 'max_iterations';
  const scratch = new Float64Array(dimension);
  // Outside |θ| ≤ 40 no result is accepted (interior means |θ| ≤ 30), so the objective is +∞ there:
  // a likelihood without a maximum makes the optimisers stop at that box instead of chasing it.
  const boxed: ObjectiveWithGradient = (theta, gradient) => (insideBox(theta) ? negativeMeanLogLikelihood(theta, gradient) : Number.POSITIVE_INFINITY);
  const valueOnly = (theta: Float64Array) => boxed(theta, scratch);

  // A result is accepted only as a strict interior maximum; returns its gradient norm and covariance.
  const accept = (result: MinimizeResult, method: FitDiagnostics['method']): MaximumLikelihood | undefined => {
    evaluations += result.evaluations;
    if (best === undefined || (Number.isFinite(result.value) && !(result.value >= best.value))) {
      best = result;
      bestMethod = method;
      bestReason = result.reason;
    }
    if (!result.converged) return undefined;
    const gradient = new Float64Array(dimension);
    negativeMeanLogLikelihood(result.x, gradient);
    const gradientNorm = infinityNorm(gradient);
    const interior = Array.from(result.x).every((t) => Math.abs(t) <= 30);
    const hessian = hessianFromGradient(negativeMeanLogLikelihood, result.x);
    for (let i = 0; i < hessian.length; i++) hessian[i] = (hessian[i] as number) * totalWeight;
    const covariance = interior && gradientNorm <= 1e-4 ? invertPositiveDefinite(hessian, dimension) : undefined;
    if (covariance === undefined) {
      if (best === result) bestReason = 'no_interior_maximum';
      return undefined;
    }
    return {
      theta: result.x,
      value: result.value,
      diagnostics: { method, iterations: result.iterations, evaluations, gradientNorm, reason: result.reason },
      covariance,
    };
  };

  const first = accept(
    minimizeBfgs(boxed, starts[0] ?? [], initialInverseHessian === undefined ? {} : { initialInverseHessian }),
    'bfgs',
  );
  if (first) return first;
  for (let s = 0; s < starts.length; s++) {
    const from = s === 0 ? (best as MinimizeResult).x : (starts[s] as readonly number[]);
    if (!Array.from(from).every(Number.isFinite)) continue;
    const simplex = nelderMead(valueOnly, from);
    const polished = accept(minimizeBfgs(boxed, simplex.x), 'nelder-mead');
    if (polished) return polished;
    const raw = accept(simplex, 'nelder-mead');
    if (raw) return raw;
  }
  const last = best as MinimizeResult;
  throw new RelmarkError('not_converged', `${where}: did not converge`, {
    details: {
      method: bestMethod,
      iterations: last.iterations,
      evaluations,
      gradientNorm: last.gradientNorm,
      logLikelihood: -last.value,
      lastParams: toParams(last.x),
      reason: bestReason,
    },
  });
}

/** The search box of {@link maximizeLikelihood}: every log-parameter within ±40. */
function insideBox(theta: Float64Array): boolean {
  for (let i = 0; i < theta.length; i++) if (!(Math.abs(theta[i] as number) <= 40)) return false;
  return true;
}
