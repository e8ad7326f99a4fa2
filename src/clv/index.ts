/**
 * Customer lifetime value: purchase histories, the BG/NBD transaction model and the Gamma-Gamma
 * spend model fitted by maximum likelihood, discounted CLV, and the simple CLV formulas.
 * @module clv
 */
export * from './purchaseHistory.js';
export { toHistoryColumns, type HistoryColumns } from './historyColumns.js';
export * from './compressHistories.js';
export * from './bgNbd/index.js';
export { summarizeHistories, type SummarizeHistoriesOptions, type PurchasePeriod } from './summarizeHistories.js';
export {
  splitCalibrationHoldout,
  type SplitCalibrationHoldoutOptions,
  type HoldoutPurchases,
  type CalibrationHoldout,
} from './splitCalibrationHoldout.js';
export * from './gammaGamma/index.js';
export { TransactionModelFitSchema, type TransactionModelFit } from './transactionModelFit.js';
export { expectedPurchases } from './expectedPurchases.js';
export { probabilityAlive } from './probabilityAlive.js';
export {
  customerLifetimeValue,
  customerLifetimeValueUnchecked,
  type CustomerLifetimeValueOptions,
  type CustomerValue,
  type ValueColumns,
  type ValueColumnsResult,
} from './customerLifetimeValue.js';
export * from './simple/index.js';
export * from './bgBb/index.js';
export * from './sbg/index.js';
export * from './validation/index.js';
