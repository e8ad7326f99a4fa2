/**
 * The Pareto/NBD and BG/NBD as {@link CovariateModelSpec}s, in CLVTools' parameterisation.
 * @internal
 * @module
 */
import { fitBgNbdUnchecked } from '../bgNbd/fitBgNbd.js';
import { compressHistories } from '../compressHistories.js';
import { fitParetoNbdUnchecked } from '../paretoNbd/fitParetoNbd.js';
import type { CovariateModelSpec } from './fitWithCovariates.js';
import { bgNbdRowLogLikelihood, paretoNbdRowLogLikelihood } from './rowLogLikelihoods.js';

/** Pareto/NBD: αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), βᵢ = β₀·exp(−γ_dropoutᵀzᵢ). @internal */
export const paretoNbdCovariateSpec: CovariateModelSpec<'r' | 'alpha' | 's' | 'beta'> = {
  where: 'fitParetoNbd',
  names: ['r', 'alpha', 's', 'beta'],
  rates: [1, 3],
  purchase: [{ index: 1, sign: -1 }],
  dropout: [{ index: 3, sign: -1 }],
  row: paretoNbdRowLogLikelihood,
  plain: (columns) => fitParetoNbdUnchecked(compressHistories(columns)).params,
};

/** BG/NBD: αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), aᵢ = a₀·exp(γ_dropoutᵀzᵢ), bᵢ = b₀·exp(γ_dropoutᵀzᵢ). @internal */
export const bgNbdCovariateSpec: CovariateModelSpec<'r' | 'alpha' | 'a' | 'b'> = {
  where: 'fitBgNbd',
  names: ['r', 'alpha', 'a', 'b'],
  rates: [1],
  purchase: [{ index: 1, sign: -1 }],
  dropout: [
    { index: 2, sign: 1 },
    { index: 3, sign: 1 },
  ],
  row: bgNbdRowLogLikelihood,
  plain: (columns) => fitBgNbdUnchecked(compressHistories(columns)).params,
};
