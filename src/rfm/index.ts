/**
 * RFM differentiation: recency, frequency and monetary summaries from transactions, scores with
 * honest ties, named segments from segment maps, and their movement between two dates.
 * @module rfm
 */
export * from './rfmSummary.js';
export * from './rfmScore.js';
export type { RfmDimensionScoring, RfmDimensionReport } from './scoreDimension.js';
export { scoreRfm, scoreRfmUnchecked, type ScoreRfmOptions, type ScoreRfmResult } from './scoreRfm.js';
export { scoreRfmColumns, type RfmValueColumns, type RfmScoreColumns, type RfmDimensionReports } from './scoreRfmColumns.js';
export {
  summarizeRfm,
  summarizeRfmUnchecked,
  type SummarizeRfmOptions,
  type SummarizeRfmResult,
  type RfmWindow,
} from './summarizeRfm.js';
export {
  summarizeRfmColumns,
  type RfmTransactionColumns,
  type SummarizeRfmColumnsOptions,
  type RfmSummaryColumns,
  type RfmExclusions,
} from './summarizeRfmColumns.js';
export {
  RfmSegmentMapSchema,
  type RfmSegmentMap,
  type RfmSegmentDefinition,
  type RfmSegmentDetails,
  type RfmSegmentRule,
  type RfmScoreRange,
} from './rfmSegmentMap.js';
export { bloomreachRfmSegments, defaultRfmSegments, rfmGridSegments, rfmPackageSegments } from './rfmSegmentPresets.js';
export { validateSegmentMap, type RfmBins, type SegmentMapValidation } from './validateSegmentMap.js';
export { segmentRfmColumns, type SegmentRfmOptions, type RfmSegmentColumns } from './segmentRfmColumns.js';
export { segmentRfm, segmentRfmUnchecked, type RfmSegmentAssignment } from './segmentRfm.js';
export {
  summarizeSegments,
  SegmentMembershipSchema,
  type SegmentMembershipInput,
  type SegmentListingOptions,
  type RfmSegmentSummary,
} from './summarizeSegments.js';
export { rfmMigration, type RfmMigration } from './rfmMigration.js';
export {
  summarizeRfmCustomers,
  CustomerActivitySchema,
  type CustomerActivityInput,
  type SummarizeRfmCustomersOptions,
} from './summarizeRfmCustomers.js';
