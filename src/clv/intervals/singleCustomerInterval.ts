/**
 * Prediction intervals for one customer: the prediction recomputed under each drawn parameter set.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import { linearPredictors } from '../covariates/individualParams.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { TransactionModelFit } from '../transactionModels.js';
import { type Interval, parseIntervalOptions } from './intervalOptions.js';
import { intervalModel, paramsOf, parameterNames, scaleByCovariates } from './modelKernels.js';
import { drawParameters, intervalOf } from './parameterDraws.js';

/**
 * `{ value, lower, upper }` of `predict` (a checked prediction at given parameters) for one history:
 * `value` at the fit's parameters, the bounds over parameter sets drawn from the fit's covariance.
 * @throws {@link RelmarkError} `invalid_options` for invalid intervals; `invalid_parameters` for a
 *   BG/BB fit or an unusable covariance; whatever `predict` throws.
 * @internal
 */
export function singleCustomerInterval(
  fit: TransactionModelFit,
  history: HistoryPoint,
  intervals: unknown,
  where: string,
  predict: (params: ReturnType<typeof paramsOf>) => number,
): Interval {
  const options = parseIntervalOptions(intervals, where);
  const model = intervalModel(fit, where);
  const names = parameterNames(model);
  const covariates = 'covariates' in fit ? fit.covariates : undefined;
  const eta = covariates === undefined ? undefined : linearPredictors(covariates, history, where);
  const fitParams = fit.params as unknown as Record<string, number>;
  const at = (p: ReturnType<typeof paramsOf>, purchase: number, dropout: number) =>
    predict(eta === undefined ? p : scaleByCovariates(model, p, purchase, dropout, where));
  const value = at(paramsOf(model, fitParams.r as number, fitParams.alpha as number, fitParams[names[2] as string] as number, fitParams[names[3] as string] as number), eta?.[0] ?? 0, eta?.[1] ?? 0);
  const drawn = drawParameters(fit, names, options.draws, options.seed, where);
  const values = new Float64Array(options.draws);
  for (let d = 0; d < options.draws; d++) {
    const row = d * drawn.width;
    let purchase = 0;
    let dropout = 0;
    covariates?.purchase.names.forEach((name, j) => (purchase += (drawn.values[row + 4 + j] as number) * (history.covariates?.[name] as number)));
    covariates?.dropout.names.forEach((name, j) => (dropout += (drawn.values[row + 4 + drawn.purchaseCount + j] as number) * (history.covariates?.[name] as number)));
    values[d] = at(paramsOf(model, drawn.values[row] as number, drawn.values[row + 1] as number, drawn.values[row + 2] as number, drawn.values[row + 3] as number), purchase, dropout);
  }
  if (!values.every(Number.isFinite)) {
    throw new RelmarkError('not_converged', `${where}: the prediction could not be computed for some parameter draws`, { details: { reason: 'series_did_not_converge' } });
  }
  return intervalOf(value, values, options.draws, options.level);
}
