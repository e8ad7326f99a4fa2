export { BgNbdParamsSchema, type BgNbdParams } from './bgNbdParams.js';
export { BgNbdFitSchema, type BgNbdFit } from './bgNbdFit.js';
export { bgNbdLogLikelihood } from './bgNbdLogLikelihood.js';
export { fitBgNbd, fitBgNbdUnchecked, type FitBgNbdOptions } from './fitBgNbd.js';
export { bgNbdExpectedPurchases } from './bgNbdExpectedPurchases.js';
export { bgNbdExpectedPurchasesNewCustomer } from './bgNbdExpectedPurchasesNewCustomer.js';
export { bgNbdProbabilityAlive } from './bgNbdProbabilityAlive.js';
export { bgNbdProbabilityOfPurchases } from './bgNbdProbabilityOfPurchases.js';
export { simulateBgNbd, type SimulateBgNbdOptions } from './simulateBgNbd.js';
