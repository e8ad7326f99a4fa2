import * as z from 'zod';
import { parseRfmOptions } from './parseRfmInput.js';
import type { RfmDimension } from './rfmScore.js';
import { rfmCode } from './rfmScore.js';
import { RfmSegmentMapSchema, segmentMatches, type RfmSegmentMap } from './rfmSegmentMap.js';

/** Bins per dimension: one number for all three, or one per dimension. @category RFM */
export type RfmBins = number | { readonly [D in RfmDimension]: number };

const binCount = z.number().int().min(2).max(10);
const ArgumentsSchema = z.object({ map: RfmSegmentMapSchema, bins: z.union([binCount, z.strictObject({ r: binCount, f: binCount, m: binCount })]) });

/** What {@link validateSegmentMap} found. @category RFM */
export interface SegmentMapValidation {
  /** True when every cell is covered, every segment is reachable and every listed code is possible. */
  readonly valid: boolean;
  /** Number of score cells (bins_r × bins_f × bins_m). */
  readonly cells: number;
  /** Codes no segment matches (they get the fallback), in code order. */
  readonly uncovered: readonly string[];
  /** Codes two or more segments match, with the segments in map order; the first one wins. */
  readonly overlaps: readonly { readonly code: string; readonly segments: readonly string[] }[];
  /** Segments that win no cell: an earlier segment takes every cell they match, or they match none. */
  readonly unreachable: readonly string[];
  /** Listed codes that these bins cannot produce (a `6` with 5 bins). */
  readonly impossibleCodes: readonly { readonly segment: string; readonly code: string }[];
}

/**
 * Checks a segment map against the score cells of given bins: which cells no segment covers, which
 * several segments claim, which segments can never be assigned, and which listed codes cannot occur.
 *
 * @remarks
 * Enumerates all bins_r × bins_f × bins_m cells (at most 1,000) and evaluates every segment on each,
 * so overlaps are reported even though first-match-wins resolves them (a rule map relies on that;
 * a code-list map usually means them to be disjoint). `valid` ignores overlaps and requires no
 * uncovered cell, no unreachable segment and no impossible code. The map must pass
 * {@link RfmSegmentMapSchema} (shape, unique names) and the bins must be integers 2–10.
 * Output lists are in code order (r, then f, then m) and map order.
 *
 * @param map - The segment map.
 * @param bins - The bins the scores use, 2–10 (one number, or per dimension).
 * @returns The findings.
 * @throws {@link RelmarkError} `invalid_options` with every issue when the map fails
 *   {@link RfmSegmentMapSchema} (paths under `map`) or the bins are not integers 2–10 (path `bins`).
 * @example
 * ```ts
 * import { validateSegmentMap } from 'relmark/rfm';
 * const check = validateSegmentMap(
 *   {
 *     name: 'two-level',
 *     provenance: 'example',
 *     segments: [
 *       { name: 'Recent', description: '', action: '', rule: { r: { min: 2, max: 2 } } },
 *       { name: 'Best', description: '', action: '', codes: ['222'] },
 *     ],
 *     fallback: { name: 'Other', description: '', action: '' },
 *   },
 *   2,
 * );
 * [check.uncovered.length, check.unreachable, check.overlaps];
 * //=> [4, ['Best'], [{ code: '222', segments: ['Recent', 'Best'] }]]
 * ```
 * @category RFM
 */
export function validateSegmentMap(map: RfmSegmentMap, bins: RfmBins): SegmentMapValidation {
  parseRfmOptions(ArgumentsSchema, { map, bins }, 'validateSegmentMap');
  const b = typeof bins === 'number' ? { r: bins, f: bins, m: bins } : bins;
  const uncovered: string[] = [];
  const overlaps: { code: string; segments: string[] }[] = [];
  const wins = new Array<number>(map.segments.length).fill(0);
  const possible = new Set<string>();
  for (let r = 1; r <= b.r; r++) {
    for (let f = 1; f <= b.f; f++) {
      for (let m = 1; m <= b.m; m++) {
        const code = rfmCode(r, f, m);
        possible.add(code);
        const matching = map.segments.flatMap((segment, i) => (segmentMatches(segment, r, f, m) ? [i] : []));
        if (matching.length === 0) uncovered.push(code);
        else wins[matching[0] as number] = (wins[matching[0] as number] as number) + 1;
        if (matching.length > 1) overlaps.push({ code, segments: matching.map((i) => map.segments[i]?.name ?? '') });
      }
    }
  }
  const unreachable = map.segments.filter((_, i) => wins[i] === 0).map((s) => s.name);
  const impossibleCodes = map.segments.flatMap((segment) =>
    (segment.codes ?? []).filter((code) => !possible.has(code)).map((code) => ({ segment: segment.name, code })),
  );
  return {
    valid: uncovered.length === 0 && unreachable.length === 0 && impossibleCodes.length === 0,
    cells: b.r * b.f * b.m,
    uncovered,
    overlaps,
    unreachable,
    impossibleCodes,
  };
}
