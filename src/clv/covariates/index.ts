export {
  CovariateEffectsSchema,
  FitCovariatesSchema,
  ParameterCovarianceSchema,
  type CovariateEffects,
  type CovariateNames,
  type FitCovariates,
  type ParameterCovariance,
} from './covariateFit.js';
export type { WithCovariates } from './covariateMatrix.js';
