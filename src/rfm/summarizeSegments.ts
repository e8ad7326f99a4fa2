import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { amountOverflowError } from '../internal/amountOverflow.js';
import { NeumaierSum } from '../internal/sum.js';
import { IdSchema } from '../models/primitives.js';
import { parseRfmOptions, parseRfmRows } from './parseRfmInput.js';
import { SegmentMapOptionsSchema, segmentOrder, type RfmSegmentMap } from './rfmSegmentMap.js';
import { RfmSummarySchema, type RfmSummaryInput } from './rfmSummary.js';

/**
 * A row that names a customer's segment, as {@link segmentRfm} returns (other fields are ignored).
 * @example
 * ```ts
 * import { SegmentMembershipSchema } from 'relmark/rfm';
 * SegmentMembershipSchema.parse({ customerId: 9, segment: 'Lost', r: 1 });
 * //=> { customerId: '9', segment: 'Lost' }
 * ```
 * @category RFM
 */
export const SegmentMembershipSchema = z.object({ customerId: IdSchema, segment: z.string().min(1) });
/** What {@link SegmentMembershipSchema} accepts. @category RFM */
export type SegmentMembershipInput = z.input<typeof SegmentMembershipSchema>;

/** Options for {@link summarizeSegments} and {@link rfmMigration}. @category RFM */
export interface SegmentListingOptions {
  /** Lists the map's segments in its order (empty ones too), then any other names seen. @defaultValue segment names seen, in code-unit order */
  readonly map?: RfmSegmentMap;
}

/** The figures of one segment. @category RFM */
export interface RfmSegmentSummary {
  readonly segment: string;
  readonly customers: number;
  /** customers / all customers; `null` without customers. */
  readonly customerShare: number | null;
  readonly orders: number;
  /** Net revenue of the segment's customers. */
  readonly revenue: number;
  /** revenue / orders; `null` without orders. */
  readonly averageOrderValue: number | null;
  /** revenue / all revenue; `null` when all revenue is 0. */
  readonly revenueShare: number | null;
}

/**
 * Sums each segment: customers, orders, net revenue, average order value, and the shares of
 * customers and revenue.
 *
 * @remarks
 * Joins the segment of each customer with their summary by `customerId`. Orders and revenue come
 * from each summary's `orders` and `revenue` ({@link summarizeRfm} fills them; for customer-level
 * rows they default to `frequency` and `monetary`). Totals are compensated (Neumaier) sums, so a
 * million customers add up without drift. Summaries of customers without a segment are ignored.
 * Edge cases: no customers gives `[]` (or the map's segments with zeros and `null` shares).
 * Output order: the map's order when given, else segment names in code-unit order. O(n + s log s).
 *
 * @param segmented - The segment of each customer (such as {@link segmentRfm}'s result); unique ids.
 * @param summaries - The RFM summary of each customer; unique ids.
 * @param options - A map to list segments in its order, including empty ones.
 * @returns One row per segment.
 * @throws {@link RelmarkError} `invalid_input` if a row is malformed or a segmented customer has no
 *   summary (code `unknown_customer`, path `['segmented', i, 'customerId']`); `duplicate_id` if an
 *   id repeats in either list; `invalid_options` if the map is malformed; `invalid_input` with an
 *   `amount_overflow` issue per segment whose revenue totals beyond ±`Number.MAX_VALUE` (path
 *   `['segmented', i]`, the member at which it overflowed; `details.segments`). A total over all
 *   segments beyond that bound is fine: the shares are then computed from scaled revenues. The
 *   same error (path `['summaries']`) when a segment's orders, or its average order value, would.
 * @example
 * ```ts
 * import { summarizeSegments } from 'relmark/rfm';
 * summarizeSegments(
 *   [
 *     { customerId: 'a', segment: 'Champions' },
 *     { customerId: 'b', segment: 'Lost' },
 *     { customerId: 'c', segment: 'Champions' },
 *     { customerId: 'd', segment: 'Lost' },
 *   ],
 *   [
 *     { customerId: 'a', recency: 1, frequency: 4, monetary: 300 },
 *     { customerId: 'b', recency: 90, frequency: 1, monetary: 50 },
 *     { customerId: 'c', recency: 3, frequency: 2, monetary: 150 },
 *     { customerId: 'd', recency: 80, frequency: 1, monetary: 0 },
 *   ],
 * );
 * //=> [{ segment: 'Champions', customers: 2, customerShare: 0.5, orders: 6, revenue: 450, averageOrderValue: 75, revenueShare: 0.9 },
 * //    { segment: 'Lost', customers: 2, customerShare: 0.5, orders: 2, revenue: 50, averageOrderValue: 25, revenueShare: 0.1 }]
 * ```
 * @category RFM
 */
export function summarizeSegments(
  segmented: readonly SegmentMembershipInput[],
  summaries: readonly RfmSummaryInput[],
  options: SegmentListingOptions = {},
): RfmSegmentSummary[] {
  const parsed = parseRfmOptions(SegmentMapOptionsSchema, options, 'summarizeSegments');
  const members = parseRfmRows(SegmentMembershipSchema, segmented, 'summarizeSegments', 'segmented', (row) => row.customerId);
  const rows = parseRfmRows(RfmSummarySchema, summaries, 'summarizeSegments', 'summaries', (row) => row.customerId);
  const byId = new Map(rows.map((row) => [row.customerId, row]));
  const issues: RelmarkIssue[] = [];
  members.forEach((member, i) => {
    if (!byId.has(member.customerId)) {
      issues.push({ code: 'unknown_customer', path: ['segmented', i, 'customerId'], message: `Customer "${member.customerId}" has no summary` });
    }
  });
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'summarizeSegments: segmented customers without a summary', { issues });

  const totals = new Map<string, { customers: number; orders: number; revenue: NeumaierSum }>();
  const allRevenue = new NeumaierSum();
  const overflowAt = new Map<string, number>(); // segment → the member row at which its revenue overflowed
  for (let i = 0; i < members.length; i++) {
    const member = members[i] as (typeof members)[number];
    const summary = byId.get(member.customerId);
    if (summary === undefined) continue;
    let total = totals.get(member.segment);
    if (total === undefined) {
      total = { customers: 0, orders: 0, revenue: new NeumaierSum() };
      totals.set(member.segment, total);
    }
    total.customers++;
    total.orders += summary.orders;
    total.revenue.add(summary.revenue);
    allRevenue.add(summary.revenue);
    if (!Number.isFinite(total.revenue.value) && !overflowAt.has(member.segment)) overflowAt.set(member.segment, i);
  }
  if (overflowAt.size > 0) {
    throw amountOverflowError(
      'summarizeSegments',
      [...overflowAt].map(([segment, i]) => ({ owner: segment, path: ['segmented', i] })),
      'segment',
    );
  }
  // Every segment's revenue is finite, but their total may not be: then the shares come from the
  // segments' revenues scaled by 2^−⌈log2 S⌉ for S segments, whose total is finite.
  let scale = 1;
  let revenueTotal = allRevenue.value;
  if (!Number.isFinite(revenueTotal)) {
    scale = 2 ** -Math.ceil(Math.log2(totals.size));
    const scaled = new NeumaierSum();
    for (const total of totals.values()) scaled.add(total.revenue.value * scale);
    revenueTotal = scaled.value;
  }
  const out = segmentOrder(totals.keys(), parsed.map as RfmSegmentMap | undefined).map((segment) => {
    const total = totals.get(segment);
    const customers = total?.customers ?? 0;
    const orders = total?.orders ?? 0;
    const revenue = (total?.revenue.value ?? 0) + 0;
    return {
      segment,
      customers,
      customerShare: members.length === 0 ? null : customers / members.length,
      orders,
      revenue,
      averageOrderValue: orders === 0 ? null : revenue / orders,
      revenueShare: revenueTotal === 0 ? null : (revenue * scale) / revenueTotal,
    };
  });
  // Orders default to a frequency, which need not be whole: a sum of huge ones, or revenue over a
  // tiny fractional one, can leave the doubles too.
  const beyond = out.filter((row) => !Number.isFinite(row.orders) || (row.averageOrderValue !== null && !Number.isFinite(row.averageOrderValue)));
  if (beyond.length > 0) {
    throw new RelmarkError('invalid_input', 'summarizeSegments: order counts out of range', {
      issues: beyond.map((row) => ({
        code: 'amount_overflow',
        path: ['summaries'],
        message: `Segment "${row.segment}": its orders total ${row.orders}, which makes the orders or the average order value exceed Number.MAX_VALUE`,
      })),
      details: { segments: beyond.map((row) => row.segment) },
    });
  }
  return out;
}
