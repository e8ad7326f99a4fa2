/**
 * A customer's own model parameters under a fit with covariates.
 * @internal
 * @module
 */
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';
import type { FitCovariates } from './covariateFit.js';
import { covariateVector, type WithCovariates } from './covariateMatrix.js';

/** The part of a fit that individual parameters depend on. @internal */
export type CovariateModelFit =
  | { readonly model: 'pareto-nbd'; readonly params: ParetoNbdParams; readonly covariates?: FitCovariates | undefined }
  | { readonly model: 'bg-nbd'; readonly params: BgNbdParams; readonly covariates?: FitCovariates | undefined };

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
 * Parameters scaled by the linear predictors: Pareto/NBD αᵢ = α₀e^(−ηₚ), βᵢ = β₀e^(−η_d); BG/NBD
 * αᵢ = α₀e^(−ηₚ), aᵢ = a₀e^(η_d), bᵢ = b₀e^(η_d) (CLVTools' parameterisation).
 * @internal
 */
export function scaleParams<P extends ParetoNbdParams | BgNbdParams>(model: 'pareto-nbd' | 'bg-nbd', params: P, purchase: number, dropout: number): P {
  if (model === 'pareto-nbd') {
    const p = params as ParetoNbdParams;
    return { r: p.r, alpha: p.alpha * Math.exp(-purchase), s: p.s, beta: p.beta * Math.exp(-dropout) } as P;
  }
  const p = params as BgNbdParams;
  const lifetime = Math.exp(dropout);
  return { r: p.r, alpha: p.alpha * Math.exp(-purchase), a: p.a * lifetime, b: p.b * lifetime } as P;
}

/**
 * The customer's own parameters under `fit`: `fit.params` when the fit has no covariates, else
 * scaled by the customer's covariates.
 * @throws {@link RelmarkError} `invalid_input` for a missing or non-finite covariate (path under `rowPath`).
 * @internal
 */
export function individualParams<F extends CovariateModelFit>(fit: F, history: WithCovariates, where: string, rowPath = 'history'): F['params'] {
  if (fit.covariates === undefined) return fit.params;
  const [purchase, dropout] = linearPredictors(fit.covariates, history, where, rowPath);
  return scaleParams(fit.model, fit.params, purchase, dropout);
}
