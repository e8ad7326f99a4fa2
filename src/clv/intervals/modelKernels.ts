/**
 * The prediction kernels of the continuous transaction models that intervals support, looked up in
 * the table of models (`clv/transactionModels.ts`), for the loops of prediction intervals.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import { covariateScaling } from '../covariates/customerParams.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';
import { transactionModelOf, transactionModels } from '../transactionModels.js';

/** The continuous models that intervals support (four parameters, a covariance from the fitter). @internal */
export type ContinuousModel = 'bg-nbd' | 'pareto-nbd' | 'mbg-nbd';

const intervalModels: readonly string[] = ['bg-nbd', 'pareto-nbd', 'mbg-nbd'] satisfies readonly ContinuousModel[];

/**
 * The model of a fit as intervals need it. Throws `invalid_parameters` (issue code
 * `unsupported_model`) for a model intervals do not support, `unknown_model` for a tag not in the table.
 * @internal
 */
export function intervalModel(fit: unknown, where: string): ContinuousModel {
  const model = transactionModelOf(fit, where);
  if (!intervalModels.includes(model.tag)) {
    throw new RelmarkError('invalid_parameters', `${where}: intervals are not available for ${model.label} fits`, {
      issues: [{ code: 'unsupported_model', path: ['fit', 'model'], message: `Intervals support ${intervalModels.map((t) => `'${t}'`).join(', ')} fits, not '${model.tag}'` }],
    });
  }
  return model.tag as ContinuousModel;
}

/** Parameter names in kernel order. @internal */
export function parameterNames(model: ContinuousModel): readonly string[] {
  return model === 'pareto-nbd' ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b'];
}

/** Model parameters as the kernels take them, from four numbers in {@link parameterNames} order. @internal */
export function paramsOf(model: ContinuousModel, p0: number, p1: number, p2: number, p3: number): BgNbdParams | ParetoNbdParams {
  return model === 'pareto-nbd' ? { r: p0, alpha: p1, s: p2, beta: p3 } : { r: p0, alpha: p1, a: p2, b: p3 };
}

type Params = BgNbdParams | ParetoNbdParams;

/** The model's CLV kernels (its row's `valueKernels`). */
function kernels(model: ContinuousModel, params: Params) {
  return (transactionModels[model].valueKernels as (p: Params) => { ifAlive(x: number, T: number, t: number): number; alive(x: number, tx: number, T: number): number })(params);
}

/** P(alive | x, tₓ, T). @internal */
export function aliveKernel(model: ContinuousModel, params: Params, x: number, tx: number, T: number): number {
  return kernels(model, params).alive(x, tx, T);
}

/** E[Y(t) | alive at T, x, T]. @internal */
export function ifAliveKernel(model: ContinuousModel, params: Params, x: number, T: number, t: number): number {
  return kernels(model, params).ifAlive(x, T, t);
}

/** A customer's own parameters from the linear predictors (the row's `covariateParams`). @internal */
export function scaleByCovariates<P extends Params>(model: ContinuousModel, params: P, purchase: number, dropout: number, where: string): P {
  return covariateScaling(transactionModels[model], where)(params as unknown as Record<string, number>, purchase, dropout) as unknown as P;
}
