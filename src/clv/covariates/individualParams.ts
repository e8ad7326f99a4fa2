/**
 * A customer's own model parameters under a fit with covariates.
 * @internal
 * @module
 */
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';
import type { FitCovariates } from './covariateFit.js';
import { covariateVector, type WithCovariates } from './covariateMatrix.js';

/** γᵀx for the named coefficients and a covariate vector in the same order. */
function linear(effects: FitCovariates['purchase'], values: Float64Array): number {
  let eta = 0;
  effects.names.forEach((name, j) => {
    eta += (effects.coefficients[name] as number) * (values[j] as number);
  });
  return eta;
}

/**
 * The linear predictors (γ_purchaseᵀxᵢ, γ_dropoutᵀzᵢ) of one history under `covariates`.
 * @throws {@link RelmarkError} `invalid_input` with paths `[rowPath, 'covariates', name]` for a missing
 *   or non-finite covariate.
 * @internal
 */
export function linearPredictors(covariates: FitCovariates, history: WithCovariates, where: string, rowPath = 'history'): readonly [number, number] {
  return [
    linear(covariates.purchase, covariateVector(history, covariates.purchase.names, where, rowPath)),
    linear(covariates.dropout, covariateVector(history, covariates.dropout.names, where, rowPath)),
  ];
}

/**
 * Pareto/NBD parameters scaled by the linear predictors: αᵢ = α₀e^(−ηₚ), βᵢ = β₀e^(−η_d) (CLVTools'
 * parameterisation). The `covariateParams` of the Pareto/NBD row of the model table.
 * @internal
 */
export function scaleParetoNbdParams(p: ParetoNbdParams, purchase: number, dropout: number): ParetoNbdParams {
  return { r: p.r, alpha: p.alpha * Math.exp(-purchase), s: p.s, beta: p.beta * Math.exp(-dropout) };
}

/**
 * BG/NBD parameters scaled by the linear predictors: αᵢ = α₀e^(−ηₚ), aᵢ = a₀e^(η_d), bᵢ = b₀e^(η_d)
 * (CLVTools' parameterisation). The `covariateParams` of the BG/NBD row of the model table.
 * @internal
 */
export function scaleBgNbdParams(p: BgNbdParams, purchase: number, dropout: number): BgNbdParams {
  const lifetime = Math.exp(dropout);
  return { r: p.r, alpha: p.alpha * Math.exp(-purchase), a: p.a * lifetime, b: p.b * lifetime };
}
