import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { degenerateDataError, PenalizerSchema, penalizerHint } from '../degenerateData.js';
import { maximizeLikelihood } from '../../numeric/maximizeLikelihood.js';
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

/** Options of {@link fitBgBb}. @category CLV */
export interface FitBgBbOptions {
  /**
   * An L2 penalty on the log-parameters: the fit minimises the negative mean log-likelihood plus
   * `penalizer · Σ (ln θ)²`, so that small or degenerate data can be fitted on purpose. The fit then
   * reports `penalizer` and `penalty`; its `logLikelihood` stays unpenalised.
   * @defaultValue 0
   */
  readonly penalizer?: number;
}

const OptionsSchema = z.object({ penalizer: PenalizerSchema }).strict();

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
 * information); data that cannot identify the model (nobody ever transacts, everybody transacts at
 * every opportunity, a single distinct pattern) → `degenerate_data` at once, unless a `penalizer`
 * is given; other data without a strict interior maximum → `not_converged` with diagnostics, after
 * at most 200 optimiser evaluations. O(rows) to merge, then O(Σ over patterns of (n − tx + 1)) per
 * iteration.
 *
 * @param histories - Histories `{ x, tx, n }` (other fields are ignored) or {@link BgBbColumns}
 *   with weights (pattern counts).
 * @param options - An optional `penalizer`.
 * @returns A {@link BgBbFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path);
 *   `invalid_options` for unknown options or a negative penalizer; `empty_input` if there are no
 *   customers; `degenerate_data` (with `details.hint`) for data that cannot identify the model;
 *   `not_converged` if the optimiser fails (details hold its diagnostics and budget).
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
export function fitBgBb(histories: readonly BgBbHistory[] | BgBbColumns, options: FitBgBbOptions = {}): BgBbFit {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitBgBb: invalid options', { code: 'invalid_options' });
  return fitBgBbUnchecked(bgBbColumnsOf(histories, 'fitBgBb'), options);
}

/**
 * {@link fitBgBb} without input validation, for columns that are already valid (from
 * {@link simulateBgBb} or a checked file).
 *
 * @remarks Preconditions: equal lengths; integers 0 ≤ x ≤ tx ≤ n with tx = 0 when x = 0; weights
 * finite ≥ 0. If violated, the result is unspecified (it may throw `not_converged`). Still throws
 * `empty_input`, `invalid_input` (all n = 0) and `degenerate_data`, which cost nothing to check.
 * @param columns - The histories as columns.
 * @param options - An optional `penalizer` (not validated).
 * @returns A {@link BgBbFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all n = 0), `degenerate_data`, `not_converged`.
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
export function fitBgBbUnchecked(columns: BgBbColumns, options: FitBgBbOptions = {}): BgBbFit {
  const penalizer = options.penalizer ?? 0;
  const patterns = bgBbPatterns(columns);
  if (patterns.x.length === 0 || !(patterns.totalWeight > 0)) throw new RelmarkError('empty_input', 'fitBgBb: no customers to fit');
  if (patterns.n.every((n) => n === 0)) {
    throw new RelmarkError('invalid_input', 'fitBgBb: every customer has n = 0, so the data carry no information', {
      issues: [{ code: 'no_information', path: ['n'], message: 'At least one customer must have n > 0' }],
    });
  }
  if (!(penalizer > 0)) checkPatternsIdentify(patterns);
  const ml = maximizeOnPatterns(patterns, penalizer);
  const params = toParams(ml.theta);
  const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 4 + i] as number);
  return {
    model: 'bg-bb',
    params,
    logLikelihood: -ml.value * patterns.totalWeight,
    customers: patterns.totalWeight,
    standardErrors: { alpha: se(0, params.alpha), beta: se(1, params.beta), gamma: se(2, params.gamma), delta: se(3, params.delta) },
    diagnostics: ml.diagnostics,
    ...(penalizer > 0 ? { penalizer, penalty: ml.penalty } : {}),
  };
}

/**
 * Data that cannot identify BG/BB (rows with n = 0 carry no information and are skipped): nobody
 * transacts (the transaction probability runs to 0), everybody transacts at every opportunity (it
 * runs to 1 and nobody drops out), or a single distinct pattern.
 */
function checkPatternsIdentify(patterns: BgBbPatterns): void {
  let informative = -1;
  let anyTransaction = false;
  let anyMiss = false;
  let distinct = false;
  for (let i = 0; i < patterns.x.length; i++) {
    const n = patterns.n[i] as number;
    if (n === 0) continue;
    const x = patterns.x[i] as number;
    if (x > 0) anyTransaction = true;
    if (x < n) anyMiss = true;
    if (informative < 0) informative = i;
    else distinct = true; // patterns are merged: a second informative row is a different pattern
  }
  if (!anyTransaction) {
    throw degenerateDataError(
      'fitBgBb',
      { code: 'no_transactions', path: ['x'], message: 'nobody transacted after the first purchase (every x = 0)' },
      `collect customers who transact again, or ${penalizerHint}`,
    );
  }
  if (!anyMiss) {
    throw degenerateDataError(
      'fitBgBb',
      { code: 'no_missed_opportunities', path: ['x'], message: 'every customer transacted at every opportunity (x = n), so nobody is seen to drop out' },
      `collect customers who miss opportunities, or ${penalizerHint}`,
    );
  }
  if (!distinct) {
    throw degenerateDataError(
      'fitBgBb',
      { code: 'single_history', path: [], message: 'every customer has the same pattern (x, tx, n), and one pattern cannot identify four parameters' },
      `collect customers with different patterns, or ${penalizerHint}`,
    );
  }
}

function toParams(theta: Float64Array): BgBbParams {
  return { alpha: Math.exp(theta[0] as number), beta: Math.exp(theta[1] as number), gamma: Math.exp(theta[2] as number), delta: Math.exp(theta[3] as number) };
}

function maximizeOnPatterns(patterns: BgBbPatterns, penalizer: number) {
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
  return maximizeLikelihood(objective, starts, total, 'fitBgBb', toParams, undefined, penalizer > 0 ? { penalizer } : {});
}
