/**
 * Mergeable summaries: purchase histories and RFM summaries accumulated from chunks and partitions
 * of a transaction log (the map-reduce shape of `summarizeHistories` and `summarizeRfm`), with a
 * JSON snapshot to ship partitions between processes.
 * @module summaries
 */
export { createSummaryAccumulator } from './createSummaryAccumulator.js';
export type { AccumulatorRfmOptions, SummaryAccumulator, SummaryAccumulatorOptions } from './createSummaryAccumulator.js';
export { accumulateCsvStream } from './accumulateCsvStream.js';
export type { AccumulateCsvStreamOptions, AccumulateCsvStreamResult } from './accumulateCsvStream.js';
export { restoreSummaryAccumulator } from './restoreSummaryAccumulator.js';
export { SummaryAccumulatorSnapshotSchema } from './summaryAccumulatorSnapshot.js';
export type { SummaryAccumulatorSnapshot } from './summaryAccumulatorSnapshot.js';
export { createCohortAccumulator } from './createCohortAccumulator.js';
export type { CohortAccumulator, CohortAccumulatorOptions } from './createCohortAccumulator.js';
