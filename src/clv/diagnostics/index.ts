export { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';
export { probabilityOfPurchases } from './probabilityOfPurchases.js';
export {
  holdoutValidation,
  type HoldoutData,
  type HoldoutValidationOptions,
  type HoldoutCustomer,
  type HoldoutErrors,
  type HoldoutFrequencyRow,
  type HoldoutValidation,
} from './holdoutValidation.js';
export {
  trackRepeatPurchases,
  type TrackRepeatPurchasesOptions,
  type TrackedPeriod,
  type RepeatPurchaseTracking,
} from './trackRepeatPurchases.js';
export { candidateModels, type CandidateFitter, type CandidateModelName } from './candidateModels.js';
export {
  compareModels,
  type ModelCandidate,
  type ModelRanking,
  type CompareModelsOptions,
  type ComparedModel,
  type FailedCandidate,
  type ModelComparison,
} from './compareModels.js';
export {
  calibrationFrequencyCheck,
  type CalibrationFrequencyCheckOptions,
  type FrequencyCheckRow,
  type CalibrationFrequencyCheck,
} from './calibrationFrequencyCheck.js';
