import type { TimeUnit } from '../../models/primitives.js';
import type { CovariateNames } from '../covariates/covariateFit.js';
import { paretoNbdCovariateSpec } from '../covariates/covariateModels.js';
import { fitWithCovariates } from '../covariates/fitWithCovariates.js';
import type { HistoryColumns, WeightedHistoryPoint } from '../historyColumns.js';
import { fitOnRescaledAxis, fitValidated, type RescaledModel } from '../model/fitOnRescaledAxis.js';
import type { ParetoNbdFit } from './paretoNbdFit.js';
import { type ParetoNbdData, paretoNbdLogLikelihoodKernel, prepareParetoNbdData } from './paretoNbdLogLikelihood.js';
import type { ParetoNbdParams } from './paretoNbdParams.js';

/** Options of {@link fitParetoNbd}. @category CLV */
export interface FitParetoNbdOptions {
  /**
   * The unit of the histories' times (tx, T), stored on the fit so that predictions and CLV convert
   * horizons through it.
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

// Fixed starts in log-parameters on the rescaled axis (max T = 1): (r, α, s, β) = (1, 1, 1, 1) first,
// then spread-out alternatives for the Nelder–Mead fallback. Never random (lifetimes' random start
// is why its Pareto/NBD estimates move in the fourth digit between runs).
const starts = [
  [0, 0, 0, 0],
  [Math.log(0.5), Math.log(0.3), Math.log(0.5), Math.log(0.3)],
  [Math.log(2), Math.log(3), Math.log(0.2), Math.log(0.05)],
] as const;

/** Pareto/NBD's likelihood with gradient, data arrangement and starts (the descriptor's `likelihood`). @internal */
export const paretoNbdLikelihood: RescaledModel<ParetoNbdData, keyof ParetoNbdParams> = {
  where: 'fitParetoNbd',
  names: ['r', 'alpha', 's', 'beta'],
  rates: ['alpha', 'beta'],
  starts,
  prepare: prepareParetoNbdData,
  totalWeight: (data) => data.totalWeight,
  rows: (data) => data.x.length + data.zeroT.length,
  // Each row costs a series: warm-start earlier than BG/NBD does.
  warmStart: { rows: 20_000, sample: 8_000 },
  logLikelihood: (p, data, gradient) =>
    paretoNbdLogLikelihoodKernel({ r: p[0] as number, alpha: p[1] as number, s: p[2] as number, beta: p[3] as number }, data, gradient),
};

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood.
 *
 * @remarks
 * Likelihood: Fader, Hardie & Lee (2005, "A note on deriving the Pareto/NBD model", eq. 22), in log
 * space with the hypergeometric terms as one series of positive terms (see
 * {@link paretoNbdLogLikelihood}). Method, as {@link fitBgNbd}: the negative MEAN log-likelihood is
 * minimised over log-parameters on a time axis rescaled to max T = 1, with BFGS and an ANALYTIC
 * gradient (term-by-term derivatives of the series) from a fixed start, Nelder–Mead from fixed starts
 * as fallback; above 20,000 rows (of customers with repeat purchases) the optimum of a fixed 1-in-k
 * subsample of about 8,000 rows is the warm start (then the full data are maximised to the same
 * tolerance: a start, not an approximation). The reported
 * `logLikelihood` is the TOTAL on the caller's axis; standard errors come from the Hessian of the
 * analytic gradient at the optimum. Deterministic: identical input gives an identical fit.
 *
 * Edge cases: no customers → `empty_input`; every T = 0 → `invalid_input`; nobody with a repeat
 * purchase, or one distinct history for everybody → `degenerate_data` at once (with a hint) unless a
 * `penalizer` is given; other data without an interior maximum → `not_converged` after at most 200
 * optimiser evaluations. Customers with weight 0 are ignored. O(n · series
 * terms) per iteration.
 *
 * @param histories - Histories as objects (x, tx, T and an optional `weight`, the customers that
 *   share the row, as in {@link WeightedHistoryPoint} and the rows of `compressedHistoriesSql`;
 *   other fields are ignored) or as {@link HistoryColumns} with optional weights.
 * With `covariates` (Fader & Hardie 2007, brucehardie.com note 019, in CLVTools' parameterisation
 * αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), βᵢ = β₀·exp(−γ_dropoutᵀxᵢ), as CLVTools' `pnbd_staticcov_LL_ind`)
 * the histories must be objects with `covariates`; customers with identical (x, tₓ, T, covariates)
 * are grouped, covariates standardised internally, the start is the fit without covariates and the
 * gradient analytic; the fit adds `covariates` (coefficients with standard errors) and every fit
 * carries `covariance` (log-parameters, then coefficients) for prediction intervals.
 *
 * @param options - The time unit of the histories, a penalizer, or covariates.
 * @returns A {@link ParetoNbdFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path;
 *   `['histories', i, 'covariates', name]` for a missing or non-finite covariate, and columns with
 *   the `covariates` option); `degenerate_data` for a covariate that is the same for everybody;
 *   `duplicate_id` if histories carry a `customerId` that repeats; `empty_input` if there are no
 *   customers; `invalid_options` for unknown or invalid options (a negative penalizer);
 *   `degenerate_data` (with `details.hint`) for data that cannot identify the model; `not_converged`
 *   if the optimiser fails (details hold its diagnostics and the budget it hit).
 * @example
 * ```ts
 * import { fitParetoNbd, simulateParetoNbd } from 'relmark/clv';
 * const histories = simulateParetoNbd({ params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, customers: 5000, T: 39, seed: 1 });
 * const fit = fitParetoNbd(histories, { timeUnit: 'week' });
 * [fit.model, fit.customers, fit.params.r > 0.4 && fit.params.r < 0.7];
 * //=> ['pareto-nbd', 5000, true]
 * // With a covariate: a customer with vip = 1 buys at e^γ times the rate.
 * const withVip = Array.from(histories.x, (x, i) => ({ x, tx: histories.tx[i] ?? 0, T: 39, covariates: { vip: i % 2 } }));
 * const covariateFit = fitParetoNbd(withVip, { covariates: { purchase: ['vip'] } });
 * covariateFit.covariates?.purchase.names;
 * //=> ['vip']
 * ```
 * @category CLV
 * @see {@link fitParetoNbdUnchecked} for columns that are already valid.
 */
export function fitParetoNbd(histories: readonly WeightedHistoryPoint[] | HistoryColumns, options: FitParetoNbdOptions = {}): ParetoNbdFit {
  if (options.covariates !== undefined) {
    return { model: 'pareto-nbd', ...fitWithCovariates(histories, { ...options, covariates: options.covariates }, paretoNbdCovariateSpec) };
  }
  return fitValidated(histories, options, 'fitParetoNbd', fitParetoNbdUnchecked);
}

/**
 * {@link fitParetoNbd} without input validation, for columns that are already valid (from
 * {@link toHistoryColumns}, {@link compressHistories} or {@link simulateParetoNbd}).
 *
 * @remarks Preconditions: equal lengths; integer x ≥ 0; 0 ≤ tx ≤ T, finite; weights finite ≥ 0.
 * If violated, the result is unspecified (it may throw `not_converged`). Still throws `empty_input`,
 * `invalid_input` (all T = 0) and `degenerate_data`.
 * @param columns - The histories as columns.
 * @param options - The time unit of the histories.
 * @returns A {@link ParetoNbdFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all T = 0), `degenerate_data`, `not_converged`.
 * @example
 * ```ts
 * import { fitParetoNbdUnchecked, simulateParetoNbd } from 'relmark/clv';
 * const fit = fitParetoNbdUnchecked(simulateParetoNbd({ params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, customers: 2000, T: 39, seed: 7 }));
 * fit.timeUnit;
 * //=> 'week'
 * ```
 * @category CLV
 */
export function fitParetoNbdUnchecked(columns: HistoryColumns, options: FitParetoNbdOptions = {}): ParetoNbdFit {
  const fit = fitOnRescaledAxis(columns, paretoNbdLikelihood, options);
  return { model: 'pareto-nbd', ...fit, timeUnit: options.timeUnit ?? 'week' };
}
