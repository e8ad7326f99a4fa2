import type { TimeUnit } from '../../models/primitives.js';
import type { CovariateNames } from '../covariates/covariateFit.js';
import { bgNbdCovariateSpec } from '../covariates/covariateModels.js';
import { fitWithCovariates } from '../covariates/fitWithCovariates.js';
import type { HistoryColumns, WeightedHistoryPoint } from '../historyColumns.js';
import { fitOnRescaledAxis, fitValidated, type RescaledModel } from '../model/fitOnRescaledAxis.js';
import type { BgNbdFit } from './bgNbdFit.js';
import { type BgNbdData, prepareBgNbdData } from './bgNbdData.js';
import { bgNbdLogLikelihoodKernel } from './bgNbdLogLikelihood.js';
import type { BgNbdParams } from './bgNbdParams.js';

/** Options of {@link fitBgNbd}. @category CLV */
export interface FitBgNbdOptions {
  /**
   * The unit of the histories' times (tx, T). It is stored on the fit, so that predictions and CLV
   * convert months and days through it instead of trusting the caller to remember it.
   * @defaultValue 'week'
   */
  readonly timeUnit?: TimeUnit;
  /**
   * An L2 penalty on the log-parameters: the fit minimises the negative mean log-likelihood plus
   * `penalizer · Σ (ln θ)²` (θ on the axis rescaled to max T = 1), so that small or degenerate data
   * (all x = 0, one distinct history) can be fitted on purpose. The fit then reports `penalizer` and
   * `penalty`; its `logLikelihood` stays unpenalised. lifetimes' `penalizer_coef` penalises Σ θ²
   * instead, which cannot hold a parameter that runs to 0 (see the CLV guide).
   * @defaultValue 0
   */
  readonly penalizer?: number;
  /**
   * Time-invariant covariates to estimate, by name, read from each history's `covariates` (CLVTools'
   * parameterisation, see {@link FitCovariatesSchema}). The fit then carries `covariates` (the
   * coefficients with standard errors) and its predictions use each customer's covariates. Needs
   * histories as objects; not combinable with `penalizer`.
   */
  readonly covariates?: CovariateNames;
}

// Fixed starts in log-parameters on the rescaled axis (max T = 1): (r, α, a, b) = (1, 1, 1, 1) first,
// then spread-out alternatives for the Nelder–Mead fallback. Never random (STYLE: determinism).
// MBG/NBD has the same parameters and uses them too. @internal
export const betaGeometricStarts = [
  [0, 0, 0, 0],
  [Math.log(0.1), Math.log(0.1), Math.log(0.5), Math.log(2)],
  [Math.log(2), Math.log(0.5), Math.log(2), Math.log(5)],
] as const;

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood.
 *
 * @remarks
 * Method: minimises the negative MEAN log-likelihood over log-parameters on a time axis rescaled so
 * that max T = 1 (α is rescaled with it), with BFGS, analytic gradients and a backtracking line search
 * from a fixed start; Nelder–Mead from fixed starts is the fallback. The reported `logLikelihood` is
 * the TOTAL on the caller's axis; standard errors come from a central-difference Hessian of the
 * analytic gradient at the optimum (observed information, delta method from log-parameters).
 * Customers without repeat purchases are summed per distinct T; above 200,000 rows the fit starts
 * from the optimum of a fixed 1-in-k subsample of about 50,000 rows (a warm start, not an
 * approximation: the full data are then maximised to the same tolerance).
 * Deterministic: identical input gives an identical fit, bit for bit.
 *
 * Edge cases: no customers → `empty_input`; every T = 0 → `invalid_input` (no information);
 * nobody with a repeat purchase (all x = 0: r/α → 0) or one distinct history for everybody → the
 * likelihood has no maximum, so `degenerate_data` at once (with a hint), unless a `penalizer` is
 * given; any other data without an interior maximum → `not_converged` after at most 200 optimiser
 * evaluations (`details.maxEvaluations`, `details.budgetHit`). Customers with weight 0 are ignored.
 * O(n) per iteration, about 30–60 iterations.
 *
 * @param histories - Histories as objects (x, tx, T and an optional `weight`, the customers that
 *   share the row, as in {@link WeightedHistoryPoint} and the rows of `compressedHistoriesSql`;
 *   other fields are ignored) or as {@link HistoryColumns} with optional weights.
 * With `covariates` (Fader & Hardie 2007, note 019, in CLVTools' parameterisation
 * αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), aᵢ = a₀·exp(γ_dropoutᵀxᵢ), bᵢ = b₀·exp(γ_dropoutᵀxᵢ), as CLVTools'
 * `bgnbd_staticcov_LL_ind`) the method is that of {@link fitParetoNbd} with covariates.
 *
 * @param options - The time unit of the histories, a penalizer, or covariates.
 * @returns A {@link BgNbdFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path;
 *   `['histories', i, 'covariates', name]` for a missing or non-finite covariate);
 *   `degenerate_data` for a constant covariate;
 *   `duplicate_id` if histories carry a `customerId` that repeats; `empty_input` if there are no customers; `invalid_options` for unknown or invalid options;
 *   `degenerate_data` (with `details.hint`) for data that cannot identify the model;
 *   `not_converged` if the optimiser fails (details hold its diagnostics and the budget it hit).
 * @example
 * ```ts
 * import { fitBgNbd, simulateBgNbd } from 'relmark/clv';
 * const histories = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 5000, T: 39, seed: 1 });
 * const fit = fitBgNbd(histories, { timeUnit: 'week' });
 * [fit.model, fit.customers, fit.params.r > 0.2 && fit.params.r < 0.3];
 * //=> ['bg-nbd', 5000, true]
 * const withVip = Array.from(histories.x, (x, i) => ({ x, tx: histories.tx[i] ?? 0, T: 39, covariates: { vip: i % 2 } }));
 * fitBgNbd(withVip, { covariates: { dropout: ['vip'] } }).covariates?.dropout.names;
 * //=> ['vip']
 * ```
 * @category CLV
 * @see {@link fitBgNbdUnchecked} for columns that are already valid.
 */
export function fitBgNbd(histories: readonly WeightedHistoryPoint[] | HistoryColumns, options: FitBgNbdOptions = {}): BgNbdFit {
  if (options.covariates !== undefined) {
    return { model: 'bg-nbd', ...fitWithCovariates(histories, { ...options, covariates: options.covariates }, bgNbdCovariateSpec) };
  }
  return fitValidated(histories, options, 'fitBgNbd', fitBgNbdUnchecked);
}

/**
 * {@link fitBgNbd} without input validation, for columns that are already valid (from
 * {@link toHistoryColumns}, {@link compressHistories} or {@link simulateBgNbd}).
 *
 * @remarks Preconditions: equal lengths; integer x ≥ 0; 0 ≤ tx ≤ T, finite; weights finite ≥ 0.
 * If violated, the result is unspecified (it may throw `not_converged`). Still throws `empty_input`,
 * `invalid_input` (all T = 0) and `degenerate_data`, which cost nothing to check.
 * @param columns - The histories as columns.
 * @param options - The time unit of the histories.
 * @returns A {@link BgNbdFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all T = 0), `degenerate_data`, `not_converged`.
 * @example
 * ```ts
 * import { fitBgNbdUnchecked, simulateBgNbd } from 'relmark/clv';
 * const fit = fitBgNbdUnchecked(simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 2000, T: 39, seed: 7 }));
 * fit.timeUnit;
 * //=> 'week'
 * ```
 * @category CLV
 */
export function fitBgNbdUnchecked(columns: HistoryColumns, options: FitBgNbdOptions = {}): BgNbdFit {
  const fit = fitOnRescaledAxis(columns, bgNbdLikelihood, options);
  return { model: 'bg-nbd', ...fit, timeUnit: options.timeUnit ?? 'week' };
}

/**
 * A beta-geometric model (BG/NBD or MBG/NBD: parameters r, α, a, b on {@link BgNbdData}, customers
 * with x = 0 summed per distinct T) for {@link fitOnRescaledAxis}, with the given kernel.
 * @internal
 */
export function betaGeometricModel(
  where: string,
  kernel: (params: BgNbdParams, data: BgNbdData, gradient?: Float64Array) => number,
): RescaledModel<BgNbdData, keyof BgNbdParams> {
  return {
    where,
    names: ['r', 'alpha', 'a', 'b'],
    rates: ['alpha'],
    starts: betaGeometricStarts,
    prepare: prepareBgNbdData,
    totalWeight: (data) => data.totalWeight,
    rows: (data) => data.x.length + data.zeroT.length,
    logLikelihood: (p, data, gradient) => kernel({ r: p[0] as number, alpha: p[1] as number, a: p[2] as number, b: p[3] as number }, data, gradient),
  };
}

/** BG/NBD's likelihood with gradient, data arrangement and starts (the descriptor's `likelihood`). @internal */
export const bgNbdLikelihood = betaGeometricModel('fitBgNbd', bgNbdLogLikelihoodKernel);
