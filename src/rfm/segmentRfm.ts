import { parseRfmOptions, parseRfmRows } from './parseRfmInput.js';
import { fmScore, rfmCode, RfmScoreSchema, type RfmScore, type RfmScoreInput } from './rfmScore.js';
import { SegmentMapOptionsSchema, type RfmSegmentMap } from './rfmSegmentMap.js';
import { segmentRfmColumns, type SegmentRfmOptions } from './segmentRfmColumns.js';

/** A customer's scores with the segment they fall in. @category RFM */
export interface RfmSegmentAssignment extends RfmScore {
  readonly segment: string;
}

/**
 * Names the segment of each customer from their RFM scores with a segment map: the first segment
 * whose codes or score ranges match wins, and unmatched scores get the map's fallback.
 *
 * @remarks
 * With the default map ({@link bloomreachRfmSegments}) and 5 bins every customer gets one of its 11
 * named segments, because its code lists cover all 125 codes; {@link validateSegmentMap} checks
 * other maps. `code` and `fm` are recomputed from `r`, `f` and `m`. Output order is input order.
 * O(n) after compiling the map into a 1,000-cell table.
 *
 * @param scores - Score rows (from {@link scoreRfm}, or any rows with `customerId`, `r`, `f`, `m`
 *   in 1…10); ids must be unique.
 * @param options - The segment map.
 * @returns One assignment per customer.
 * @throws {@link RelmarkError} `invalid_input` if a row is malformed (with its path, such as
 *   `['scores', 2, 'r']`); `duplicate_id` if a customer id repeats; `invalid_options` if the map is
 *   malformed (a segment with both or neither of codes and rule, a repeated name, …).
 * @example
 * ```ts
 * import { segmentRfm } from 'relmark/rfm';
 * segmentRfm([
 *   { customerId: 'a', r: 5, f: 5, m: 4 },
 *   { customerId: 'b', r: 1, f: 5, m: 5 },
 * ]).map((s) => s.segment);
 * //=> ['Champions', 'Cannot Lose Them']
 * ```
 * @category RFM
 */
export function segmentRfm(scores: readonly RfmScoreInput[], options: SegmentRfmOptions = {}): RfmSegmentAssignment[] {
  const parsed = parseRfmOptions(SegmentMapOptionsSchema, options, 'segmentRfm');
  const rows = parseRfmRows(RfmScoreSchema, scores, 'segmentRfm', 'scores', (row) => row.customerId);
  return segmentRfmUnchecked(rows, parsed.map ? { map: parsed.map as RfmSegmentMap } : {});
}

/**
 * {@link segmentRfm} without validation, for scores from {@link scoreRfm}.
 *
 * @remarks Preconditions: scores are integers in 1…10 and the map is valid; never mutates its input.
 * @param scores - Score rows.
 * @param options - The segment map.
 * @returns One assignment per customer, in input order.
 * @example
 * ```ts
 * import { segmentRfmUnchecked, rfmGridSegments } from 'relmark/rfm';
 * segmentRfmUnchecked([{ customerId: 'a', r: 5, f: 1, m: 3 }], { map: rfmGridSegments })[0]?.segment;
 * //=> 'New Customers'
 * ```
 * @category RFM
 */
export function segmentRfmUnchecked(
  scores: readonly Pick<RfmScore, 'customerId' | 'r' | 'f' | 'm'>[],
  options: SegmentRfmOptions = {},
): RfmSegmentAssignment[] {
  const columns = {
    r: Uint8Array.from(scores, (s) => s.r),
    f: Uint8Array.from(scores, (s) => s.f),
    m: Uint8Array.from(scores, (s) => s.m),
  };
  const { segmentNames, segment } = segmentRfmColumns(columns, options);
  return scores.map(({ customerId, r, f, m }, i) => ({
    customerId,
    r,
    f,
    m,
    code: rfmCode(r, f, m),
    fm: fmScore(f, m),
    segment: segmentNames[segment[i] as number] as string,
  }));
}
