import { scaleParetoNbdParams } from '../covariates/individualParams.js';
import type { TransactionModel } from '../model/transactionModel.js';
import { paretoNbdExpectedPurchases, paretoNbdExpectedPurchasesIfAlive } from './paretoNbdExpectedPurchases.js';
import { paretoNbdConditionalProbabilityOfPurchases } from './paretoNbdConditionalProbabilityOfPurchases.js';
import { paretoNbdDert } from './paretoNbdDert.js';
import { paretoNbdExpectedPurchasesNewCustomer } from './paretoNbdExpectedPurchasesNewCustomer.js';
import { type ParetoNbdFit, ParetoNbdFitSchema } from './paretoNbdFit.js';
import { paretoNbdLogLikelihood } from './paretoNbdLogLikelihood.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { paretoNbdProbabilityAlive, paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive.js';
import { paretoNbdProbabilityOfPurchases } from './paretoNbdProbabilityOfPurchases.js';
import { paretoNbdLikelihood, fitParetoNbd, fitParetoNbdUnchecked } from './fitParetoNbd.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';

/**
 * Pareto/NBD (Fader, Hardie & Lee 2005) as a row of the transaction-model table.
 * @internal
 */
export const paretoNbdModel = {
  tag: 'pareto-nbd',
  label: 'Pareto/NBD',
  reference: 'Schmittlein, Morrison & Colombo (1987), Management Science 33(1)',
  clock: 'continuous',
  paramsSchema: ParetoNbdParamsSchema,
  fitSchema: ParetoNbdFitSchema,
  likelihood: paretoNbdLikelihood,
  logLikelihood: paretoNbdLogLikelihood,
  fit: fitParetoNbd,
  fitUnchecked: fitParetoNbdUnchecked,
  expectedPurchases: paretoNbdExpectedPurchases,
  expectedPurchasesNewCustomer: paretoNbdExpectedPurchasesNewCustomer,
  probabilityAlive: paretoNbdProbabilityAlive,
  probabilityOfPurchases: paretoNbdProbabilityOfPurchases,
  conditionalProbabilityOfPurchases: paretoNbdConditionalProbabilityOfPurchases,
  dert: paretoNbdDert,
  covariateParams: scaleParetoNbdParams,
  valueKernels: (p: ParetoNbdParams) => ({ ifAlive: (x: number, T: number, t: number) => paretoNbdExpectedPurchasesIfAlive(p, x, T, t), alive: (x: number, tx: number, T: number) => paretoNbdProbabilityAliveUnchecked(p, x, tx, T) }),
  simulate: simulateParetoNbd,
} as const satisfies TransactionModel<'pareto-nbd', ParetoNbdParams, ParetoNbdFit>;
