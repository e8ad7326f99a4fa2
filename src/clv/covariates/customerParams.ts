/**
 * A customer's own parameters under any transaction fit, dispatched through the table of models:
 * the row's `covariateParams` scales the fit's parameters by the customer's linear predictors.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import type { AnyTransactionModel } from '../model/transactionModel.js';
import { transactionModelList, transactionModelOf } from '../transactionModels.js';
import type { FitCovariates } from './covariateFit.js';
import type { WithCovariates } from './covariateMatrix.js';
import { linearPredictors } from './individualParams.js';

/** The linear-predictor scaling of a model, throwing `invalid_parameters` for a model without covariates. @internal */
export function covariateScaling(model: AnyTransactionModel, where: string): NonNullable<AnyTransactionModel['covariateParams']> {
  if (model.covariateParams !== undefined) return model.covariateParams;
  const supported = transactionModelList.filter((m) => m.covariateParams !== undefined).map((m) => `'${m.tag}'`);
  throw new RelmarkError('invalid_parameters', `${where}: covariates are not available for ${model.label}`, {
    issues: [{ code: 'unsupported_model', path: ['fit', 'covariates'], message: `Fits with covariates exist for ${supported.join(', ')}, not '${model.tag}'` }],
  });
}

/**
 * The parameters to predict `history` with: `fit.params` when the fit has no covariates, else the
 * customer's own parameters from `history.covariates`.
 * @throws {@link RelmarkError} `invalid_parameters` for an unknown model or covariates on a model
 *   without them; `invalid_input` for a missing or non-finite covariate (path under `rowPath`).
 * @internal
 */
export function customerParams(fit: unknown, history: WithCovariates, where: string, rowPath = 'history'): Record<string, number> {
  const model = transactionModelOf(fit, where);
  const { params, covariates } = fit as { readonly params: Record<string, number>; readonly covariates?: FitCovariates | undefined };
  if (covariates === undefined) return params;
  const scale = covariateScaling(model, where);
  const [purchase, dropout] = linearPredictors(covariates, history, where, rowPath);
  return scale(params, purchase, dropout);
}
