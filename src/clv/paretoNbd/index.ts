export { ParetoNbdParamsSchema, type ParetoNbdParams } from './paretoNbdParams.js';
export { ParetoNbdFitSchema, type ParetoNbdFit } from './paretoNbdFit.js';
export { paretoNbdLogLikelihood } from './paretoNbdLogLikelihood.js';
export { fitParetoNbd, fitParetoNbdUnchecked, type FitParetoNbdOptions } from './fitParetoNbd.js';
export { paretoNbdExpectedPurchases } from './paretoNbdExpectedPurchases.js';
export { paretoNbdExpectedPurchasesNewCustomer } from './paretoNbdExpectedPurchasesNewCustomer.js';
export { paretoNbdProbabilityAlive } from './paretoNbdProbabilityAlive.js';
export { paretoNbdDert } from './paretoNbdDert.js';
export { simulateParetoNbd, type SimulateParetoNbdOptions } from './simulateParetoNbd.js';
