import { rfmDimensions, type RfmDimension } from './rfmScore.js';
import { resolveScoring, scoreDimension, type ResolvedScoring, type RfmDimensionReport } from './scoreDimension.js';
import type { ScoreRfmOptions } from './scoreRfm.js';

/** Customer-level RFM values as columns: `customerIds[i]` has `recency[i]`, `frequency[i]`, `monetary[i]`. @category RFM */
export interface RfmValueColumns {
  readonly customerIds: readonly string[];
  readonly recency: ArrayLike<number>;
  readonly frequency: ArrayLike<number>;
  readonly monetary: ArrayLike<number>;
}

/** The report of each dimension (see {@link RfmDimensionReport}). @category RFM */
export type RfmDimensionReports = { readonly [D in RfmDimension]: RfmDimensionReport };

/** RFM scores as columns, in the order of the input columns, with each dimension's report. @category RFM */
export interface RfmScoreColumns {
  readonly customerIds: readonly string[];
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly dimensions: RfmDimensionReports;
}

/** The scoring of each dimension with every default filled in. @internal */
export function resolveScoreRfmOptions(options: ScoreRfmOptions): { readonly [D in RfmDimension]: ResolvedScoring } {
  const defaults = { bins: options.bins ?? 5, method: options.method ?? 'percentRank', ties: options.ties ?? 'together' } as const;
  return { r: resolveScoring(options.r, defaults), f: resolveScoring(options.f, defaults), m: resolveScoring(options.m, defaults) };
}

/**
 * Scores customer-level RFM columns without validation: the columnar fast path of {@link scoreRfm}.
 *
 * @remarks
 * Same scoring as {@link scoreRfm} (whose remarks give the formulas), on typed arrays, without
 * building an object per customer. Preconditions: equal column lengths, finite values, unique ids,
 * valid options; otherwise the result is unspecified, but the inputs are never mutated.
 * Output order is input order. O(n log n) per dimension (a typed-array sort and binary searches);
 * `'rank'` also sorts the ids.
 *
 * @param columns - Customer ids and their recency, frequency and monetary values.
 * @param options - As for {@link scoreRfm}.
 * @returns Score columns (`Uint8Array`) and the report of each dimension.
 * @example
 * ```ts
 * import { scoreRfmColumns } from 'relmark/rfm';
 * const scored = scoreRfmColumns(
 *   { customerIds: ['a', 'b', 'c'], recency: [1, 20, 300], frequency: [4, 1, 1], monetary: [90, 30, 10] },
 *   { bins: 3 },
 * );
 * [Array.from(scored.r), Array.from(scored.f), scored.dimensions.f.emptyBins];
 * //=> [[3, 2, 1], [3, 1, 1], [2]]
 * ```
 * @category RFM
 */
export function scoreRfmColumns(columns: RfmValueColumns, options: ScoreRfmOptions = {}): RfmScoreColumns {
  const spec = resolveScoreRfmOptions(options);
  const values = { r: columns.recency, f: columns.frequency, m: columns.monetary };
  const scored = Object.fromEntries(
    rfmDimensions.map((d) => [d, scoreDimension(values[d], d === 'r', spec[d], columns.customerIds)]),
  ) as { [D in RfmDimension]: ReturnType<typeof scoreDimension> };
  return {
    customerIds: columns.customerIds,
    r: scored.r.scores,
    f: scored.f.scores,
    m: scored.m.scores,
    dimensions: { r: scored.r.report, f: scored.f.report, m: scored.m.report },
  };
}
