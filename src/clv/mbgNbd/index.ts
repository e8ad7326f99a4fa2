export { MbgNbdParamsSchema, type MbgNbdParams } from './mbgNbdParams.js';
export { MbgNbdFitSchema, type MbgNbdFit } from './mbgNbdFit.js';
export { mbgNbdLogLikelihood } from './mbgNbdLogLikelihood.js';
export { fitMbgNbd, fitMbgNbdUnchecked, type FitMbgNbdOptions } from './fitMbgNbd.js';
export { mbgNbdExpectedPurchases } from './mbgNbdExpectedPurchases.js';
export { mbgNbdExpectedPurchasesNewCustomer } from './mbgNbdExpectedPurchasesNewCustomer.js';
export { mbgNbdProbabilityAlive } from './mbgNbdProbabilityAlive.js';
export { simulateMbgNbd, type SimulateMbgNbdOptions } from './simulateMbgNbd.js';
export { mbgNbdProbabilityOfPurchases } from './mbgNbdProbabilityOfPurchases.js';
