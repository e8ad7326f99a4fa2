import { RelmarkError } from '../../errors/RelmarkError.js';
import { maximizeLikelihood } from '../numeric/maximizeLikelihood.js';
import type { BgBbFit } from './bgBbFit.js';
import { type BgBbColumns, bgBbColumnsOf, type BgBbHistory } from './bgBbHistory.js';
import { bgBbLogLikelihoodKernel, type BgBbPatterns, bgBbPatterns } from './bgBbLogLikelihood.js';
import type { BgBbParams } from './bgBbParams.js';

// Fixed starts in log-parameters: (1, 1, 1, 1) first, then spread-out alternatives for the
// Nelder–Mead fallback. Never random (STYLE: determinism).
const starts = [
  [0, 0, 0, 0],
  [Math.log(0.5), Math.log(0.5), Math.log(0.5), Math.log(2)],
  [Math.log(3), Math.log(1), Math.log(2), Math.log(10)],
] as const;

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) by maximum likelihood.
 *
 * @remarks
 * Method: minimises the negative MEAN log-likelihood over log-parameters with BFGS, analytic
 * gradients (digamma) and a backtracking line search from a fixed start; Nelder–Mead from fixed
 * starts is the fallback. Rows with the same (x, tx, n) are merged first, so the cost per
 * iteration depends on the number of distinct patterns (22 for six opportunities), not on the
 * number of customers. The reported `logLikelihood` is the TOTAL; standard errors come from a
 * central-difference Hessian of the analytic gradient at the optimum. Deterministic.
 *
 * Edge cases: no customers (or only weight 0) → `empty_input`; every n = 0 → `invalid_input` (no
 * information); data without a strict interior maximum (nobody ever transacts, everybody
 * transacts every time, a single customer) → `not_converged` with diagnostics. O(rows) to merge,
 * then O(Σ over patterns of (n − tx + 1)) per iteration.
 *
 * @param histories - Histories `{ x, tx, n }` (other fields are ignored) or {@link BgBbColumns}
 *   with weights (pattern counts).
 * @returns A {@link BgBbFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path);
 *   `empty_input` if there are no customers; `not_converged` if the optimiser fails (details
 *   hold its diagnostics).
 * @example
 * ```ts
 * import { fitBgBb, simulateBgBb } from 'relmark/clv';
 * const histories = simulateBgBb({ params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, customers: 5000, n: 6, seed: 1 });
 * const fit = fitBgBb(histories);
 * [fit.model, fit.customers];
 * //=> ['bg-bb', 5000]
 * ```
 * @category CLV
 * @see {@link fitBgBbUnchecked} for columns that are already valid.
 */
export function fitBgBb(histories: readonly BgBbHistory[] | BgBbColumns): BgBbFit {
  return fitBgBbUnchecked(bgBbColumnsOf(histories, 'fitBgBb'));
}

/**
 * {@link fitBgBb} without input validation, for columns that are already valid (from
 * {@link simulateBgBb} or a checked file).
 *
 * @remarks Preconditions: equal lengths; integers 0 ≤ x ≤ tx ≤ n with tx = 0 when x = 0; weights
 * finite ≥ 0. If violated, the result is unspecified (it may throw `not_converged`). Still throws
 * `empty_input` and `invalid_input` (all n = 0), which cost nothing to check.
 * @param columns - The histories as columns.
 * @returns A {@link BgBbFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all n = 0), `not_converged`.
 * @example
 * ```ts
 * import { fitBgBbUnchecked } from 'relmark/clv';
 * const donations = {
 *   x: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 1, 2, 3),
 *   tx: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 6, 6, 6),
 *   n: Float64Array.of(6, 6, 6, 6, 6, 6, 6, 6, 6, 6),
 *   weights: Float64Array.of(3464, 1091, 613, 322, 240, 335, 1203, 129, 234, 357),
 * };
 * fitBgBbUnchecked(donations).customers;
 * //=> 7988
 * ```
 * @category CLV
 */
export function fitBgBbUnchecked(columns: BgBbColumns): BgBbFit {
  const patterns = bgBbPatterns(columns);
  if (patterns.x.length === 0 || !(patterns.totalWeight > 0)) throw new RelmarkError('empty_input', 'fitBgBb: no customers to fit');
  if (patterns.n.every((n) => n === 0)) {
    throw new RelmarkError('invalid_input', 'fitBgBb: every customer has n = 0, so the data carry no information', {
      issues: [{ code: 'no_information', path: ['n'], message: 'At least one customer must have n > 0' }],
    });
  }
  const ml = maximizeOnPatterns(patterns);
  const params = toParams(ml.theta);
  const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 4 + i] as number);
  return {
    model: 'bg-bb',
    params,
    logLikelihood: -ml.value * patterns.totalWeight,
    customers: patterns.totalWeight,
    standardErrors: { alpha: se(0, params.alpha), beta: se(1, params.beta), gamma: se(2, params.gamma), delta: se(3, params.delta) },
    diagnostics: ml.diagnostics,
  };
}

function toParams(theta: Float64Array): BgBbParams {
  return { alpha: Math.exp(theta[0] as number), beta: Math.exp(theta[1] as number), gamma: Math.exp(theta[2] as number), delta: Math.exp(theta[3] as number) };
}

function maximizeOnPatterns(patterns: BgBbPatterns) {
  const gradient = new Float64Array(4);
  const total = patterns.totalWeight;
  const objective = (theta: Float64Array, out: Float64Array) => {
    const p = toParams(theta);
    const ll = bgBbLogLikelihoodKernel(p, patterns, gradient);
    // d/dθ = p · d/dp (θ = ln p), for the negative mean.
    out[0] = (-(gradient[0] as number) * p.alpha) / total;
    out[1] = (-(gradient[1] as number) * p.beta) / total;
    out[2] = (-(gradient[2] as number) * p.gamma) / total;
    out[3] = (-(gradient[3] as number) * p.delta) / total;
    return -ll / total;
  };
  return maximizeLikelihood(objective, starts, total, 'fitBgBb', toParams);
}
