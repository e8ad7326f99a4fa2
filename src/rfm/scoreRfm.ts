import * as z from 'zod';
import { parseRfmOptions, parseRfmRows } from './parseRfmInput.js';
import { fmScore, rfmCode, type RfmScore } from './rfmScore.js';
import { type RfmScorable, RfmSummarySchema, type RfmSummaryInput } from './rfmSummary.js';
import { RfmDimensionScoringSchema, type RfmDimensionScoring } from './scoreDimension.js';
import { type RfmDimensionReports, scoreRfmColumns } from './scoreRfmColumns.js';

/** Options for {@link scoreRfm}. @category RFM */
export interface ScoreRfmOptions {
  /** Score levels per dimension, 2–10; scores run from 1 (worst) to `bins` (best). @defaultValue 5 */
  readonly bins?: number;
  /** `'percentRank'` (ties share a score) or `'rank'` (equal-sized bins, ties split by customer id). @defaultValue 'percentRank' */
  readonly method?: 'percentRank' | 'rank';
  /** Tie rule of percent ranks: `'together'` or `'midrank'`. @defaultValue 'together' */
  readonly ties?: 'together' | 'midrank';
  /** Recency scoring, overriding the options above (for example explicit thresholds in days). @defaultValue the options above */
  readonly r?: RfmDimensionScoring;
  /** Frequency scoring, overriding the options above. @defaultValue the options above */
  readonly f?: RfmDimensionScoring;
  /** Monetary scoring, overriding the options above. @defaultValue the options above */
  readonly m?: RfmDimensionScoring;
}

/** The schema of {@link ScoreRfmOptions}. @internal */
export const ScoreRfmOptionsSchema = z.strictObject({
  bins: z.number().int().min(2).max(10).optional(),
  method: z.enum(['percentRank', 'rank']).optional(),
  ties: z.enum(['together', 'midrank']).optional(),
  r: RfmDimensionScoringSchema.optional(),
  f: RfmDimensionScoringSchema.optional(),
  m: RfmDimensionScoringSchema.optional(),
});

/** The result of {@link scoreRfm}: one score per customer (input order) and each dimension's report. @category RFM */
export interface ScoreRfmResult {
  readonly scores: RfmScore[];
  readonly dimensions: RfmDimensionReports;
}

/**
 * Scores each customer 1…bins on recency, frequency and monetary value, where bins is the best
 * (most recent, most frequent, highest spend), and reports the thresholds and bin populations.
 *
 * @remarks
 * Default method, percent rank with ties kept together: for a value v among n customers,
 * p(v) = count(< v) / n and score = ⌊p · bins⌋ + 1, computed in integers so that no rounding moves a
 * customer across a bin edge. Recency is scored on its negation, so the most recent get `bins`.
 * Equal values always share a score, the lowest value always scores 1, and n distinct values fill
 * each bin with ⌊n / bins⌋ or ⌈n / bins⌉ customers. When one value dominates (in CDNOW half of the
 * customers bought once) it fills several bins' worth and the bins above it stay empty: the report
 * lists them in `emptyBins` with `largestTieShare`, rather than splitting equal customers apart.
 * This is the percent-rank rule of Hyndman & Fan's discussion of sample quantiles (1996, The American
 * Statistician 50(4)), the "ties together" choice of SQL's `PERCENT_RANK`.
 *
 * Per dimension (`r`, `f`, `m` options) you may instead ask for:
 * - `ties: 'midrank'`: p(v) = (count(< v) + count(= v) / 2) / n, which centres a tie group;
 * - `method: 'rank'`: equal-sized bins over the order by value then customer id (code units), so
 *   two identical customers may get different scores; deterministic, but arbitrary among ties;
 * - `thresholds`: explicit cut points in the dimension's units (R `rfm` and Bloomreach style);
 * - `percentiles`: explicit cut points of p(v).
 *
 * Edge cases: `[]` gives `[]` with empty populations; one customer scores 1 on every
 * percent-ranked dimension (the lowest value scores 1) and so do all-equal values.
 * Output order is input order. O(n log n).
 *
 * @param summaries - One row per customer: {@link summarizeRfm}'s summaries or customer-level rows
 *   (see {@link RfmSummarySchema}); ids must be unique.
 * @param options - Bins, method and tie rule, overridable per dimension.
 * @returns The scores with each dimension's effective thresholds, populations and empty bins.
 * @throws {@link RelmarkError} `invalid_input` if a row is malformed (every bad field is listed with
 *   its path, such as `['summaries', 3, 'monetary']`); `duplicate_id` if a customer id repeats;
 *   `invalid_options` if an option is out of range (bins outside 2–10, thresholds not ascending, …).
 * @example
 * ```ts
 * import { scoreRfm } from 'relmark/rfm';
 * const { scores, dimensions } = scoreRfm(
 *   [
 *     { customerId: 'a', recency: 2, frequency: 5, monetary: 120 },
 *     { customerId: 'b', recency: 30, frequency: 1, monetary: 15 },
 *     { customerId: 'c', recency: 30, frequency: 2, monetary: 40 },
 *     { customerId: 'd', recency: 200, frequency: 1, monetary: 5 },
 *   ],
 *   { bins: 4 },
 * );
 * scores.map((s) => s.code);
 * //=> ['444', '212', '233', '111']
 * dimensions.f.populations;
 * //=> [2, 0, 1, 1]
 * dimensions.r.thresholds;
 * //=> [2, 2, 30]
 * ```
 * @category RFM
 * @see {@link scoreRfmUnchecked} for rows that are already valid, {@link scoreRfmColumns} for typed arrays.
 */
export function scoreRfm(summaries: readonly RfmSummaryInput[], options: ScoreRfmOptions = {}): ScoreRfmResult {
  const parsedOptions = parseRfmOptions(ScoreRfmOptionsSchema, options, 'scoreRfm');
  const rows = parseRfmRows(RfmSummarySchema, summaries, 'scoreRfm', 'summaries', (row) => row.customerId);
  return scoreRfmUnchecked(rows, parsedOptions as ScoreRfmOptions);
}

/**
 * {@link scoreRfm} without validation, for rows that came from {@link summarizeRfm} or passed
 * {@link RfmSummarySchema}.
 *
 * @remarks
 * Preconditions: unique ids, finite values, valid options. If they are violated the result is
 * unspecified, but the call returns in O(n log n) and never mutates its input.
 *
 * @param summaries - Customer ids with recency, frequency and monetary values.
 * @param options - As for {@link scoreRfm}.
 * @returns As {@link scoreRfm}.
 * @example
 * ```ts
 * import { scoreRfmUnchecked } from 'relmark/rfm';
 * scoreRfmUnchecked([{ customerId: 'a', recency: 1, frequency: 1, monetary: 1 }]).scores;
 * //=> [{ customerId: 'a', r: 1, f: 1, m: 1, code: '111', fm: 1 }]
 * ```
 * @category RFM
 */
export function scoreRfmUnchecked(summaries: readonly RfmScorable[], options: ScoreRfmOptions = {}): ScoreRfmResult {
  const n = summaries.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const customerIds = new Array<string>(n);
  summaries.forEach((row, i) => {
    customerIds[i] = row.customerId;
    recency[i] = row.recency;
    frequency[i] = row.frequency;
    monetary[i] = row.monetary;
  });
  const columns = scoreRfmColumns({ customerIds, recency, frequency, monetary }, options);
  const scores = customerIds.map((customerId, i): RfmScore => {
    const r = columns.r[i] as number;
    const f = columns.f[i] as number;
    const m = columns.m[i] as number;
    return { customerId, r, f, m, code: rfmCode(r, f, m), fm: fmScore(f, m) };
  });
  return { scores, dimensions: columns.dimensions };
}
