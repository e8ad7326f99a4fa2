import { scaleBgNbdParams } from '../covariates/individualParams.js';
import type { TransactionModel } from '../model/transactionModel.js';
import { bgNbdExpectedPurchases, bgNbdExpectedPurchasesIfAlive } from './bgNbdExpectedPurchases.js';
import { bgNbdConditionalProbabilityOfPurchases } from './bgNbdConditionalProbabilityOfPurchases.js';
import { bgNbdExpectedPurchasesNewCustomer } from './bgNbdExpectedPurchasesNewCustomer.js';
import { type BgNbdFit, BgNbdFitSchema } from './bgNbdFit.js';
import { bgNbdLogLikelihood } from './bgNbdLogLikelihood.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';
import { bgNbdProbabilityAlive, bgNbdProbabilityAliveUnchecked } from './bgNbdProbabilityAlive.js';
import { bgNbdProbabilityOfPurchases } from './bgNbdProbabilityOfPurchases.js';
import { bgNbdLikelihood, fitBgNbd, fitBgNbdUnchecked } from './fitBgNbd.js';
import { simulateBgNbd } from './simulateBgNbd.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005) as a row of the transaction-model table.
 * @internal
 */
export const bgNbdModel = {
  tag: 'bg-nbd',
  label: 'BG/NBD',
  reference: 'Fader, Hardie & Lee (2005), Marketing Science 24(2)',
  clock: 'continuous',
  paramsSchema: BgNbdParamsSchema,
  fitSchema: BgNbdFitSchema,
  likelihood: bgNbdLikelihood,
  logLikelihood: bgNbdLogLikelihood,
  fit: fitBgNbd,
  fitUnchecked: fitBgNbdUnchecked,
  expectedPurchases: bgNbdExpectedPurchases,
  expectedPurchasesNewCustomer: bgNbdExpectedPurchasesNewCustomer,
  probabilityAlive: bgNbdProbabilityAlive,
  probabilityOfPurchases: bgNbdProbabilityOfPurchases,
  conditionalProbabilityOfPurchases: bgNbdConditionalProbabilityOfPurchases,
  covariateParams: scaleBgNbdParams,
  valueKernels: (p: BgNbdParams) => ({ ifAlive: (x: number, T: number, t: number) => bgNbdExpectedPurchasesIfAlive(p, x, T, t), alive: (x: number, tx: number, T: number) => bgNbdProbabilityAliveUnchecked(p, x, tx, T) }),
  simulate: simulateBgNbd,
} as const satisfies TransactionModel<'bg-nbd', BgNbdParams, BgNbdFit>;
