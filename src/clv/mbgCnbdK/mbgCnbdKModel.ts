import type { TransactionModel } from '../model/transactionModel.js';
import { fitMbgCnbdK, fitMbgCnbdKUnchecked } from './fitMbgCnbdK.js';
import { mbgCnbdKExpectedPurchases, mbgCnbdKExpectedPurchasesIfAlive } from './mbgCnbdKExpectedPurchases.js';
import { mbgCnbdKExpectedPurchasesNewCustomer } from './mbgCnbdKExpectedPurchasesNewCustomer.js';
import { type MbgCnbdKFit, MbgCnbdKFitSchema } from './mbgCnbdKFit.js';
import { mbgCnbdKLogLikelihood } from './mbgCnbdKLogLikelihood.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';
import { mbgCnbdKProbabilityAlive, mbgCnbdKProbabilityAliveUnchecked } from './mbgCnbdKProbabilityAlive.js';
import { mbgCnbdKProbabilityOfPurchases } from './mbgCnbdKProbabilityOfPurchases.js';
import { simulateMbgCnbdK } from './simulateMbgCnbdK.js';

/**
 * MBG/CNBD-k (Platzer & Reutterer 2016) as a row of the transaction-model table: the model for
 * regular buyers. Its fits need histories that carry `litt` (see `summarizeHistories`' `litt` option).
 * No conditional count distribution or DERT is published for it, so those rows stay empty and the
 * generic functions say so (`unsupported_model`).
 * @internal
 */
export const mbgCnbdKModel = {
  tag: 'mbg-cnbd-k',
  label: 'MBG/CNBD-k',
  reference: 'Platzer & Reutterer (2016), Marketing Science 35(5); BTYDplus',
  clock: 'continuous',
  paramsSchema: MbgCnbdKParamsSchema,
  fitSchema: MbgCnbdKFitSchema,
  logLikelihood: mbgCnbdKLogLikelihood,
  fit: fitMbgCnbdK,
  fitUnchecked: fitMbgCnbdKUnchecked,
  expectedPurchases: mbgCnbdKExpectedPurchases,
  expectedPurchasesNewCustomer: mbgCnbdKExpectedPurchasesNewCustomer,
  probabilityAlive: mbgCnbdKProbabilityAlive,
  probabilityOfPurchases: mbgCnbdKProbabilityOfPurchases,
  valueKernels: (p: MbgCnbdKParams) => ({ ifAlive: (x: number, T: number, t: number) => mbgCnbdKExpectedPurchasesIfAlive(p, x, T, t), alive: (x: number, tx: number, T: number) => mbgCnbdKProbabilityAliveUnchecked(p, x, tx, T) }),
  simulate: simulateMbgCnbdK,
} as const satisfies TransactionModel<'mbg-cnbd-k', MbgCnbdKParams, MbgCnbdKFit>;
