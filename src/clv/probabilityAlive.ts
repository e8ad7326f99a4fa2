import type { HistoryPoint } from './purchaseHistory.js';
import { type TransactionModelFit, transactionModelOf } from './transactionModels.js';
import { customerParams } from './covariates/customerParams.js';
import type { Interval, IntervalOptions } from './intervals/intervalOptions.js';
import { singleCustomerInterval } from './intervals/singleCustomerInterval.js';
import { checkPredictionOptions, type PredictionOptions } from './intervals/predictionOptions.js';

/**
 * The probability that a customer with the given history is still active, for any fitted
 * transaction model.
 *
 * @remarks Looks `fit.model` up in the table of transaction models (`clv/transactionModels.ts`): `'bg-nbd'` → {@link bgNbdProbabilityAlive} (exactly 1 when
 * x = 0), `'pareto-nbd'` → {@link paretoNbdProbabilityAlive}, `'mbg-nbd'` →
 * {@link mbgNbdProbabilityAlive} (both below 1 for x = 0 once T > 0).
 * A fit with `covariates` uses the customer's own parameters from `history.covariates`. With
 * `options.intervals` it returns `{ value, lower, upper }` (a seeded parametric bootstrap over the
 * fit's covariance, see {@link IntervalOptions}).
 * @param fit - A fitted transaction model.
 * @param history - Frequency x, recency tx and age T, in `fit.timeUnit` (and covariates for a fit with covariates).
 * @param options - `intervals` for a prediction interval.
 * @returns A probability in [0, 1], or it with its interval.
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_input` as the model's function; also
 *   `invalid_parameters` for an unknown model tag, intervals on a BG/BB fit or an unusable covariance;
 *   `invalid_input` for a missing covariate (path `['history', 'covariates', name]`);
 *   `invalid_options` for unknown options or invalid intervals.
 * @example
 * ```ts
 * import { probabilityAlive } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * probabilityAlive(fit, { x: 2, tx: 30.43, T: 38.86 });
 * //=> 0.7266
 * const alive = probabilityAlive(fit, { x: 2, tx: 30.43, T: 38.86 }, { intervals: { level: 0.9, draws: 1000, seed: 1 } });
 * alive.lower < 0.7266 && 0.7266 < alive.upper;
 * //=> true
 * ```
 * @category CLV
 */
export function probabilityAlive(fit: TransactionModelFit, history: HistoryPoint, options: PredictionOptions & { readonly intervals: IntervalOptions }): Interval;
export function probabilityAlive(fit: TransactionModelFit, history: HistoryPoint, options?: PredictionOptions): number;
export function probabilityAlive(fit: TransactionModelFit, history: HistoryPoint, options: PredictionOptions = {}): number | Interval {
  checkPredictionOptions(options, 'probabilityAlive');
  const model = transactionModelOf(fit, 'probabilityAlive');
  if (options.intervals !== undefined) return singleCustomerInterval(fit, history, options.intervals, 'probabilityAlive', (p) => model.probabilityAlive(p, history));
  return model.probabilityAlive(customerParams(fit, history, 'probabilityAlive'), history);
}
