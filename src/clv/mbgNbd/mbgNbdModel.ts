import type { TransactionModel } from '../model/transactionModel.js';
import { mbgNbdExpectedPurchases, mbgNbdExpectedPurchasesIfAlive } from './mbgNbdExpectedPurchases.js';
import { mbgNbdConditionalProbabilityOfPurchases } from './mbgNbdConditionalProbabilityOfPurchases.js';
import { mbgNbdExpectedPurchasesNewCustomer } from './mbgNbdExpectedPurchasesNewCustomer.js';
import { type MbgNbdFit, MbgNbdFitSchema } from './mbgNbdFit.js';
import { mbgNbdLogLikelihood } from './mbgNbdLogLikelihood.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';
import { mbgNbdProbabilityAlive, mbgNbdProbabilityAliveUnchecked } from './mbgNbdProbabilityAlive.js';
import { mbgNbdProbabilityOfPurchases } from './mbgNbdProbabilityOfPurchases.js';
import { mbgNbdLikelihood, fitMbgNbd, fitMbgNbdUnchecked } from './fitMbgNbd.js';
import { simulateMbgNbd } from './simulateMbgNbd.js';

/**
 * MBG/NBD (Fader, Hardie & Lee 2005) as a row of the transaction-model table.
 * @internal
 */
export const mbgNbdModel = {
  tag: 'mbg-nbd',
  label: 'MBG/NBD',
  reference: 'Batislam, Denizel & Filiztekin (2007), International Journal of Research in Marketing 24(3)',
  clock: 'continuous',
  paramsSchema: MbgNbdParamsSchema,
  fitSchema: MbgNbdFitSchema,
  likelihood: mbgNbdLikelihood,
  logLikelihood: mbgNbdLogLikelihood,
  fit: fitMbgNbd,
  fitUnchecked: fitMbgNbdUnchecked,
  expectedPurchases: mbgNbdExpectedPurchases,
  expectedPurchasesNewCustomer: mbgNbdExpectedPurchasesNewCustomer,
  probabilityAlive: mbgNbdProbabilityAlive,
  probabilityOfPurchases: mbgNbdProbabilityOfPurchases,
  conditionalProbabilityOfPurchases: mbgNbdConditionalProbabilityOfPurchases,
  valueKernels: (p: MbgNbdParams) => ({ ifAlive: (x: number, T: number, t: number) => mbgNbdExpectedPurchasesIfAlive(p, x, T, t), alive: (x: number, tx: number, T: number) => mbgNbdProbabilityAliveUnchecked(p, x, tx, T) }),
  simulate: simulateMbgNbd,
} as const satisfies TransactionModel<'mbg-nbd', MbgNbdParams, MbgNbdFit>;
