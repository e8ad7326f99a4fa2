export { MbgCnbdKParamsSchema, type MbgCnbdKParams } from './mbgCnbdKParams.js';
export { MbgCnbdKFitSchema, type MbgCnbdKFit } from './mbgCnbdKFit.js';
export { mbgCnbdKLogLikelihood } from './mbgCnbdKLogLikelihood.js';
export { fitMbgCnbdK, fitMbgCnbdKUnchecked, type FitMbgCnbdKOptions } from './fitMbgCnbdK.js';
export { mbgCnbdKExpectedPurchases } from './mbgCnbdKExpectedPurchases.js';
export { mbgCnbdKExpectedPurchasesNewCustomer } from './mbgCnbdKExpectedPurchasesNewCustomer.js';
export { mbgCnbdKProbabilityAlive } from './mbgCnbdKProbabilityAlive.js';
export { mbgCnbdKProbabilityOfPurchases } from './mbgCnbdKProbabilityOfPurchases.js';
export { simulateMbgCnbdK, type SimulateMbgCnbdKOptions } from './simulateMbgCnbdK.js';
