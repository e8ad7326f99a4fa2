import type { TimeUnit } from '../../models/primitives.js';
import { betaGeometricModel } from '../bgNbd/fitBgNbd.js';
import type { HistoryColumns, WeightedHistoryPoint } from '../historyColumns.js';
import { fitOnRescaledAxis, fitValidated } from '../model/fitOnRescaledAxis.js';
import type { MbgNbdFit } from './mbgNbdFit.js';
import { mbgNbdLogLikelihoodKernel } from './mbgNbdLogLikelihood.js';

/** Options of {@link fitMbgNbd}. @category CLV */
export interface FitMbgNbdOptions {
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
}

/** MBG/NBD's likelihood with gradient, data arrangement and starts (the descriptor's `likelihood`). @internal */
export const mbgNbdLikelihood = betaGeometricModel('fitMbgNbd', mbgNbdLogLikelihoodKernel);

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood.
 *
 * @remarks
 * Likelihood: {@link mbgNbdLogLikelihood}. Method, as {@link fitBgNbd}: the negative MEAN
 * log-likelihood is minimised over log-parameters on a time axis rescaled to max T = 1, with BFGS and
 * an analytic gradient from a fixed start, Nelder–Mead from fixed starts as fallback; above 200,000
 * rows a fixed 1-in-k subsample gives the warm start. The reported `logLikelihood` is the TOTAL on
 * the caller's axis; standard errors come from the Hessian of the analytic gradient at the optimum.
 * Deterministic. Unlike BG/NBD, MBG/NBD lets customers without repeat purchases drop out (at the
 * first purchase), which usually fits x = 0 customers better.
 *
 * Edge cases: no customers → `empty_input`; every T = 0 → `invalid_input`; nobody with a repeat
 * purchase, or one distinct history for everybody → `degenerate_data` at once (with a hint) unless a
 * `penalizer` is given; other data without an interior maximum → `not_converged` after at most 200
 * optimiser evaluations. Customers with weight 0 are ignored. O(n) per
 * iteration.
 *
 * @param histories - Histories as objects (x, tx, T and an optional `weight`, the customers that
 *   share the row, as in {@link WeightedHistoryPoint} and the rows of `compressedHistoriesSql`;
 *   other fields are ignored) or as {@link HistoryColumns} with optional weights.
 * @param options - The time unit of the histories.
 * @returns A {@link MbgNbdFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path);
 *   `duplicate_id` if histories carry a `customerId` that repeats; `empty_input` if there are no
 *   customers; `invalid_options` for unknown or invalid options (a negative penalizer);
 *   `degenerate_data` (with `details.hint`) for data that cannot identify the model; `not_converged`
 *   if the optimiser fails (details hold its diagnostics and the budget it hit).
 * @example
 * ```ts
 * import { fitMbgNbd, simulateMbgNbd } from 'relmark/clv';
 * const histories = simulateMbgNbd({ params: { r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, customers: 5000, T: 39, seed: 1 });
 * const fit = fitMbgNbd(histories, { timeUnit: 'week' });
 * [fit.model, fit.customers, fit.params.r > 0.35 && fit.params.r < 0.7];
 * //=> ['mbg-nbd', 5000, true]
 * ```
 * @category CLV
 * @see {@link fitMbgNbdUnchecked} for columns that are already valid.
 */
export function fitMbgNbd(histories: readonly WeightedHistoryPoint[] | HistoryColumns, options: FitMbgNbdOptions = {}): MbgNbdFit {
  return fitValidated(histories, options, 'fitMbgNbd', fitMbgNbdUnchecked);
}

/**
 * {@link fitMbgNbd} without input validation, for columns that are already valid (from
 * {@link toHistoryColumns}, {@link compressHistories} or {@link simulateMbgNbd}).
 *
 * @remarks Preconditions: equal lengths; integer x ≥ 0; 0 ≤ tx ≤ T, finite; weights finite ≥ 0.
 * If violated, the result is unspecified (it may throw `not_converged`). Still throws `empty_input`,
 * `invalid_input` (all T = 0) and `degenerate_data`.
 * @param columns - The histories as columns.
 * @param options - The time unit of the histories.
 * @returns A {@link MbgNbdFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all T = 0), `degenerate_data`, `not_converged`.
 * @example
 * ```ts
 * import { fitMbgNbdUnchecked, simulateMbgNbd } from 'relmark/clv';
 * const fit = fitMbgNbdUnchecked(simulateMbgNbd({ params: { r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, customers: 2000, T: 39, seed: 7 }));
 * fit.timeUnit;
 * //=> 'week'
 * ```
 * @category CLV
 */
export function fitMbgNbdUnchecked(columns: HistoryColumns, options: FitMbgNbdOptions = {}): MbgNbdFit {
  const fit = fitOnRescaledAxis(columns, mbgNbdLikelihood, options);
  return { model: 'mbg-nbd', ...fit, timeUnit: options.timeUnit ?? 'week' };
}
