import type { HistoryPoint } from './purchaseHistory.js';
import { type TransactionModelFit, transactionModelOf } from './transactionModels.js';
import { customerParams } from './covariates/customerParams.js';
import type { Interval, IntervalOptions } from './intervals/intervalOptions.js';
import { singleCustomerInterval } from './intervals/singleCustomerInterval.js';
import { checkPredictionOptions, type PredictionOptions } from './intervals/predictionOptions.js';

/**
 * The expected number of purchases in the next `t` time units (in `fit.timeUnit`) of a customer with
 * the given history, for any fitted transaction model.
 *
 * @remarks Looks `fit.model` up in the table of transaction models (`clv/transactionModels.ts`): `'bg-nbd'` → {@link bgNbdExpectedPurchases}, `'pareto-nbd'` →
 * {@link paretoNbdExpectedPurchases}, `'mbg-nbd'` → {@link mbgNbdExpectedPurchases}; the formula,
 * edge cases and cost are those of the model's function. A fit with `covariates` uses the
 * customer's own parameters (αᵢ = α₀e^(−γᵀxᵢ) and so on, see {@link FitCovariatesSchema}) from
 * `history.covariates`. With `options.intervals` it returns `{ value, lower, upper }`: `value` is the
 * number above, the bounds come from a seeded parametric bootstrap over the fit's covariance
 * (see {@link IntervalOptions}; {@link expectedPurchasesIntervals} does many customers and their
 * total at once). Intervals exist for BG/NBD, Pareto/NBD and MBG/NBD fits.
 * @param fit - A fitted transaction model.
 * @param history - Frequency x, recency tx and age T, in `fit.timeUnit` (and covariates for a fit with covariates).
 * @param t - The horizon in `fit.timeUnit` (≥ 0).
 * @param options - `intervals` for a prediction interval.
 * @returns The expected number of purchases in (T, T + t], or it with its interval.
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_input` as the model's function; also
 *   `invalid_parameters` for an unknown model tag, intervals on a BG/BB fit or an unusable covariance;
 *   `invalid_input` for a missing covariate (path `['history', 'covariates', name]`);
 *   `invalid_options` for unknown options or invalid intervals (paths `['intervals', …]`).
 * @example
 * ```ts
 * import { expectedPurchases } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * expectedPurchases(fit, { x: 2, tx: 30.43, T: 38.86 }, 52);
 * //=> 1.5586
 * const { value, lower, upper } = expectedPurchases(fit, { x: 2, tx: 30.43, T: 38.86 }, 52, { intervals: { level: 0.9, draws: 1000, seed: 1 } });
 * [value, lower < value && value < upper];
 * //=> [1.5586, true]
 * ```
 * @category CLV
 */
export function expectedPurchases(fit: TransactionModelFit, history: HistoryPoint, t: number, options: PredictionOptions & { readonly intervals: IntervalOptions }): Interval;
export function expectedPurchases(fit: TransactionModelFit, history: HistoryPoint, t: number, options?: PredictionOptions): number;
export function expectedPurchases(fit: TransactionModelFit, history: HistoryPoint, t: number, options: PredictionOptions = {}): number | Interval {
  checkPredictionOptions(options, 'expectedPurchases');
  const model = transactionModelOf(fit, 'expectedPurchases');
  if (options.intervals !== undefined) return singleCustomerInterval(fit, history, options.intervals, 'expectedPurchases', (p) => model.expectedPurchases(p, history, t));
  return model.expectedPurchases(customerParams(fit, history, 'expectedPurchases'), history, t);
}

