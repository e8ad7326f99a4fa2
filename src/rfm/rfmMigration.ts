import { parseRfmOptions, parseRfmRows } from './parseRfmInput.js';
import { SegmentMapOptionsSchema, segmentOrder, type RfmSegmentMap } from './rfmSegmentMap.js';
import { SegmentMembershipSchema, type SegmentListingOptions, type SegmentMembershipInput } from './summarizeSegments.js';

/** The movement of customers between segments from one date to another. @category RFM */
export interface RfmMigration {
  /** Row and column labels of `counts`. */
  readonly segments: readonly string[];
  /** `counts[i][j]`: customers in `segments[i]` before and in `segments[j]` after. */
  readonly counts: readonly (readonly number[])[];
  /** Customers only in `after`, by their segment after (same order as `segments`). */
  readonly appeared: readonly number[];
  /** Customers only in `before`, by their segment before. */
  readonly disappeared: readonly number[];
  readonly totals: {
    readonly before: number;
    readonly after: number;
    /** In both, in the same segment. */
    readonly stayed: number;
    /** In both, in another segment. */
    readonly moved: number;
    readonly appeared: number;
    readonly disappeared: number;
  };
}

/**
 * The segment transition matrix between two dates, with the customers who appeared or disappeared.
 *
 * @remarks
 * Matches customers by `customerId`. Conservation: the row sums of `counts` plus `disappeared` give
 * the segment sizes before, the column sums plus `appeared` the sizes after; `stayed` is the trace.
 * Output order: the map's segments and fallback when a map is given, then other names seen, in
 * code-unit order. O(n + s²) for s segments.
 *
 * @param before - The segment of each customer at the first date (unique ids).
 * @param after - The segment of each customer at the second date (unique ids).
 * @param options - A map to order the segments, including empty ones.
 * @returns The matrix, the appeared and disappeared counts, and totals.
 * @throws {@link RelmarkError} `invalid_input` if a row is malformed (path `['before', i, …]` or
 *   `['after', i, …]`); `duplicate_id` if an id repeats within a list; `invalid_options` if the map is malformed.
 * @example
 * ```ts
 * import { rfmMigration } from 'relmark/rfm';
 * const moves = rfmMigration(
 *   [{ customerId: 'a', segment: 'Champions' }, { customerId: 'b', segment: 'At Risk' }],
 *   [{ customerId: 'a', segment: 'At Risk' }, { customerId: 'c', segment: 'New Customers' }],
 * );
 * [moves.segments, moves.counts, moves.appeared, moves.disappeared];
 * //=> [['At Risk', 'Champions', 'New Customers'], [[0, 0, 0], [1, 0, 0], [0, 0, 0]], [0, 0, 1], [1, 0, 0]]
 * ```
 * @category RFM
 */
export function rfmMigration(
  before: readonly SegmentMembershipInput[],
  after: readonly SegmentMembershipInput[],
  options: SegmentListingOptions = {},
): RfmMigration {
  const parsed = parseRfmOptions(SegmentMapOptionsSchema, options, 'rfmMigration');
  const from = parseRfmRows(SegmentMembershipSchema, before, 'rfmMigration', 'before', (row) => row.customerId);
  const to = parseRfmRows(SegmentMembershipSchema, after, 'rfmMigration', 'after', (row) => row.customerId);
  const segments = segmentOrder([...from, ...to].map((row) => row.segment), parsed.map as RfmSegmentMap | undefined);
  const indexOf = new Map(segments.map((name, i) => [name, i]));
  const s = segments.length;
  const counts = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  const appeared = new Array<number>(s).fill(0);
  const disappeared = new Array<number>(s).fill(0);
  const afterById = new Map(to.map((row) => [row.customerId, indexOf.get(row.segment) as number]));
  const seenBefore = new Set<string>();
  let stayed = 0;
  let moved = 0;
  for (const row of from) {
    seenBefore.add(row.customerId);
    const i = indexOf.get(row.segment) as number;
    const j = afterById.get(row.customerId);
    if (j === undefined) {
      disappeared[i] = (disappeared[i] as number) + 1;
      continue;
    }
    const cells = counts[i] as number[];
    cells[j] = (cells[j] as number) + 1;
    if (i === j) stayed++;
    else moved++;
  }
  for (const row of to) {
    if (seenBefore.has(row.customerId)) continue;
    const j = indexOf.get(row.segment) as number;
    appeared[j] = (appeared[j] as number) + 1;
  }
  return {
    segments,
    counts,
    appeared,
    disappeared,
    totals: {
      before: from.length,
      after: to.length,
      stayed,
      moved,
      appeared: to.length - stayed - moved,
      disappeared: from.length - stayed - moved,
    },
  };
}
