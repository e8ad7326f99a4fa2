import { defaultRfmSegments } from './rfmSegmentPresets.js';
import { cellIndex, compileSegmentMap, type RfmSegmentMap } from './rfmSegmentMap.js';

/** Options for {@link segmentRfm} and {@link segmentRfmColumns}. @category RFM */
export interface SegmentRfmOptions {
  /** The segment map. @defaultValue {@link defaultRfmSegments} (the 11-segment, 125-code map) */
  readonly map?: RfmSegmentMap;
}

/** Segments as a column: customer i is in `segmentNames[segment[i]]`. @category RFM */
export interface RfmSegmentColumns {
  /** The map's segment names in order, then its fallback. */
  readonly segmentNames: readonly string[];
  readonly segment: Uint16Array;
}

/**
 * Assigns segments to score columns without validation: the columnar fast path of {@link segmentRfm}.
 *
 * @remarks
 * Compiles the map once into a 1,000-cell table (first match wins, fallback last), then looks each
 * customer up: O(n) after a constant-size compilation. Preconditions: equal lengths, scores in
 * 1…10. Output order is input order.
 *
 * @param scores - Score columns, such as {@link scoreRfmColumns}'s result.
 * @param options - The segment map.
 * @returns The segment index of each customer and the names they index.
 * @example
 * ```ts
 * import { segmentRfmColumns } from 'relmark/rfm';
 * const { segmentNames, segment } = segmentRfmColumns({
 *   r: Uint8Array.from([5, 1]),
 *   f: Uint8Array.from([5, 1]),
 *   m: Uint8Array.from([5, 1]),
 * });
 * Array.from(segment, (i) => segmentNames[i]);
 * //=> ['Champions', 'Lost']
 * ```
 * @category RFM
 */
export function segmentRfmColumns(
  scores: { readonly r: ArrayLike<number>; readonly f: ArrayLike<number>; readonly m: ArrayLike<number> },
  options: SegmentRfmOptions = {},
): RfmSegmentColumns {
  const { names, table } = compileSegmentMap(options.map ?? defaultRfmSegments);
  const n = scores.r.length;
  const segment = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    segment[i] = table[cellIndex(scores.r[i] as number, scores.f[i] as number, scores.m[i] as number)] as number;
  }
  return { segmentNames: names, segment };
}
