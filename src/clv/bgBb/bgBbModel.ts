import type { HistoryColumns } from '../historyColumns.js';
import type { ModelHistories, TransactionModel } from '../model/transactionModel.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { bgBbExpectedPurchases, bgBbExpectedPurchasesNewCustomer } from './bgBbExpectedPurchases.js';
import { type BgBbFit, BgBbFitSchema } from './bgBbFit.js';
import type { BgBbColumns, BgBbHistory } from './bgBbHistory.js';
import { bgBbLogLikelihood } from './bgBbLogLikelihood.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';
import { bgBbProbabilityAlive } from './bgBbProbabilityAlive.js';
import { bgBbProbabilityOfPurchases } from './bgBbProbabilityOfPurchases.js';
import { fitBgBb, fitBgBbUnchecked } from './fitBgBb.js';
import { simulateBgBb } from './simulateBgBb.js';

// The generic functions speak (x, tx, T); BG/BB's clock counts opportunities, so T is the number of
// opportunities n and a horizon t the number of future opportunities.
const toBgBb = (h: HistoryPoint): BgBbHistory => (h === null || typeof h !== 'object' ? h : { x: h.x, tx: h.tx, n: h.T });
const toBgBbHistories = (histories: ModelHistories): readonly BgBbHistory[] | BgBbColumns =>
  Array.isArray(histories) ? (histories as readonly HistoryPoint[]).map(toBgBb) : columnsOf(histories as HistoryColumns);
const columnsOf = (c: HistoryColumns): BgBbColumns => ({ x: c.x, tx: c.tx, n: c.T, ...(c.weights === undefined ? {} : { weights: c.weights }) });

/**
 * BG/BB (Fader, Hardie & Shang 2010), the discrete-time model, as a row of the transaction-model
 * table: histories (x, tx, T) are read as (x, tx, n = T opportunities).
 * @internal
 */
export const bgBbModel = {
  tag: 'bg-bb',
  label: 'BG/BB',
  reference: 'Fader, Hardie & Shang (2010), Marketing Science 29(6)',
  clock: 'discrete',
  paramsSchema: BgBbParamsSchema,
  fitSchema: BgBbFitSchema,
  logLikelihood: (params: BgBbParams, histories: ModelHistories) => bgBbLogLikelihood(params, toBgBbHistories(histories)),
  fit: (histories: ModelHistories) => fitBgBb(toBgBbHistories(histories)),
  fitUnchecked: (columns: HistoryColumns) => fitBgBbUnchecked(columnsOf(columns)),
  expectedPurchases: (params: BgBbParams, history: HistoryPoint, t: number) => bgBbExpectedPurchases(params, toBgBb(history), t),
  expectedPurchasesNewCustomer: bgBbExpectedPurchasesNewCustomer,
  probabilityAlive: (params: BgBbParams, history: HistoryPoint) => bgBbProbabilityAlive(params, toBgBb(history)),
  probabilityOfPurchases: bgBbProbabilityOfPurchases,
  simulate: (options: { readonly params: BgBbParams; readonly customers: number; readonly T: number | readonly number[]; readonly seed: number }) => {
    const sim = simulateBgBb({ params: options.params, customers: options.customers, n: options.T, seed: options.seed });
    return { x: sim.x, tx: sim.tx, T: sim.n };
  },
} as const satisfies TransactionModel<'bg-bb', BgBbParams, BgBbFit>;
