/**
 * Customer lifetime value: purchase histories from transactions, probabilistic models of purchasing
 * and spend fitted by maximum likelihood, per-customer predictions, discounted CLV, and the checks
 * that show whether a model predicts.
 *
 * - **Histories**: `summarizeHistories` (x, tₓ, T per customer), `compressHistories`,
 *   `splitCalibrationHoldout`.
 * - **Non-contractual, continuous time** (customers may leave unobserved): BG/NBD (`fitBgNbd`; Fader,
 *   Hardie & Lee 2005), Pareto/NBD (`fitParetoNbd`; Schmittlein, Morrison & Colombo 1987) and
 *   MBG/NBD (`fitMbgNbd`; Batislam, Denizel & Filiztekin 2007).
 * - **Non-contractual, discrete time** (a fixed number of purchase opportunities): BG/BB (`fitBgBb`;
 *   Fader, Hardie & Shang 2010).
 * - **Contractual** (renewals and observed churn): the shifted beta-geometric model (`fitSbg`; Fader
 *   & Hardie 2007).
 * - **Spend per purchase**: Gamma-Gamma (`fitGammaGamma`; Fader & Hardie 2013).
 * - **Predictions**: `expectedPurchases`, `probabilityAlive` and `customerLifetimeValue` take any
 *   transaction-model fit; each model also has its own expectation, P(alive) and seeded simulator.
 * - **Model checking**: `holdoutValidation`, `trackRepeatPurchases`, `calibrationFrequencyCheck`,
 *   `compareModels`, `expectedPurchasesNewCustomer`, `probabilityOfPurchases`.
 * - **Simple formulas**: `historicClv` and `retentionClv`.
 *
 * Fitters converge or throw a `RelmarkError` with the code `not_converged` and diagnostics in its
 * `details`; the CLV guide says what to try then.
 * @module clv
 */
export * from './purchaseHistory.js';
export { toHistoryColumns, type HistoryColumns, type HistoryColumnsWithLitt, type WeightedHistoryPoint } from './historyColumns.js';
export * from './compressHistories.js';
export * from './bgNbd/index.js';
export * from './paretoNbd/index.js';
export * from './mbgNbd/index.js';
export * from './mbgCnbdK/index.js';
export { summarizeHistories, type SummarizeHistoriesOptions, type PurchasePeriod } from './summarizeHistories.js';
export {
  splitCalibrationHoldout,
  type SplitCalibrationHoldoutOptions,
  type HoldoutPurchases,
  type CalibrationHoldout,
} from './splitCalibrationHoldout.js';
export * from './gammaGamma/index.js';
export { TransactionModelFitSchema, type TransactionModelFit } from './transactionModels.js';
export { expectedPurchases } from './expectedPurchases.js';
export { conditionalProbabilityOfPurchases } from './conditionalProbabilityOfPurchases.js';
export { probabilityAlive } from './probabilityAlive.js';
export {
  customerLifetimeValue,
  customerLifetimeValueUnchecked,
  type CustomerLifetimeValueOptions,
  type CustomerValue,
  type ValueColumns,
  type ValueColumnsResult,
} from './customerLifetimeValue.js';
export * from './covariates/index.js';
export * from './intervals/index.js';
export * from './simple/index.js';
export * from './bgBb/index.js';
export * from './sbg/index.js';
export * from './diagnostics/index.js';
