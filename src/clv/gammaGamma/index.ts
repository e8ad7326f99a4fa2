export { GammaGammaParamsSchema, type GammaGammaParams } from './gammaGammaParams.js';
export { GammaGammaFitSchema, GammaGammaExclusionSchema, type GammaGammaFit, type GammaGammaExclusion } from './gammaGammaFit.js';
export { type SpendColumns } from './gammaGammaLogLikelihood.js';
export { fitGammaGamma, fitGammaGammaUnchecked, type FitGammaGammaOptions } from './fitGammaGamma.js';
export { gammaGammaExpectedSpend } from './gammaGammaExpectedSpend.js';
export { simulateGammaGamma, type SimulateGammaGammaOptions } from './simulateGammaGamma.js';
