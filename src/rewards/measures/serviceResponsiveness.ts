import * as z from 'zod';
import { InteractionSchema, type InteractionInput } from '../../models/interaction.js';
import { parseBatch, requireAllValid } from '../../models/parse.js';
import { InstantSchema, type InstantInput } from '../../models/primitives.js';
import { compareIds } from '../../internal/order.js';
import { parseOptions } from '../parseOptions.js';

/** Options for {@link serviceResponsiveness}. @category Relationship measures */
export interface ServiceResponsivenessOptions {
  /** The instant of the report (required); later interactions are ignored. */
  readonly asOf: InstantInput;
  /** The response target in hours. @defaultValue 24 */
  readonly targetHours?: number;
}

/** One inbound query or complaint and its first response. Instants are ISO strings. @category Relationship measures */
export interface ServiceQuery {
  readonly interactionId: string;
  readonly customerId: string;
  readonly channel: string;
  readonly kind: 'query' | 'complaint';
  readonly at: string;
  /** The first outbound service contact to the customer at or after the query, or `null`. */
  readonly respondedAt: string | null;
  readonly responseHours: number | null;
  /** Hours waited so far, for an unanswered query. */
  readonly waitingHours: number | null;
  /** `null` while an unanswered query is still inside the target. */
  readonly withinTarget: boolean | null;
}

/** How quickly customer queries and complaints are answered. @category Relationship measures */
export interface ServiceResponsiveness {
  readonly asOf: string;
  readonly targetHours: number;
  /** Inbound queries, complaints included. */
  readonly queries: number;
  readonly complaints: number;
  readonly answered: number;
  readonly unanswered: number;
  /** Unanswered queries that have waited longer than the target. */
  readonly overdue: number;
  /** Answered within the target. */
  readonly withinTarget: number;
  /** `withinTarget / (answered + overdue)`: the share of judged queries answered in time; `null` if none is judged yet. */
  readonly shareWithinTarget: number | null;
  /** Median time to first response of answered queries, in hours (`null` when none). */
  readonly medianResponseHours: number | null;
  readonly meanResponseHours: number | null;
  /** Complaints without a response by `asOf`, oldest first. */
  readonly openComplaints: ServiceQuery[];
  /** Every query, oldest first (ties by interaction id). */
  readonly items: ServiceQuery[];
}

const OptionsSchema = z.object({ asOf: InstantSchema, targetHours: z.number().positive().default(24) });
const msPerHour = 3_600_000;

/**
 * Measures service responsiveness from interactions: time to first response for inbound queries and
 * complaints, the share answered within a target, and the complaints still open.
 *
 * @remarks
 * A query is an inbound interaction with purpose `service` or outcome `complained` (a complaint).
 * Its first response is the first outbound `service` interaction to the same customer at or after
 * it, up to `asOf` (interactions carry no thread id, so responses are matched by customer and time:
 * one reply answers every query waiting before it). An unanswered query is overdue once it has
 * waited longer than the target; queries still inside the target are not judged yet, so
 * `shareWithinTarget = withinTarget / (answered + overdue)`. A complaint is open while unanswered.
 * Interactions after `asOf` are ignored. The median is the middle answered time (the mean of the
 * two middle ones for an even count). O(n log n).
 * @param interactions - `InteractionSchema` rows; never mutated.
 * @param options - `asOf` and the target.
 * @returns The {@link ServiceResponsiveness} summary with every query.
 * @throws {@link RelmarkError} `invalid_input` for bad interactions (every issue, path
 *   `['interactions', i, …]`); `invalid_options` for a bad `asOf` or a target that is not positive.
 * @example
 * ```ts
 * import { serviceResponsiveness } from 'relmark/rewards';
 * const report = serviceResponsiveness(
 *   [
 *     { id: 'q1', customerId: 'a', channel: 'email', direction: 'inbound', purpose: 'service', outcome: 'delivered', at: '2024-05-01T09:00:00Z' },
 *     { id: 'r1', customerId: 'a', channel: 'email', direction: 'outbound', purpose: 'service', outcome: 'delivered', at: '2024-05-01T15:00:00Z' },
 *     { id: 'c1', customerId: 'b', channel: 'phone', direction: 'inbound', purpose: 'service', outcome: 'complained', at: '2024-05-02T10:00:00Z' },
 *   ],
 *   { asOf: '2024-05-04T10:00:00Z', targetHours: 24 },
 * );
 * [report.queries, report.answered, report.overdue, report.shareWithinTarget, report.medianResponseHours];
 * //=> [2, 1, 1, 0.5, 6]
 * report.openComplaints.map((q) => [q.interactionId, q.waitingHours]);
 * //=> [['c1', 48]]
 * ```
 * @category Relationship measures
 */
export function serviceResponsiveness(interactions: readonly InteractionInput[], options: ServiceResponsivenessOptions): ServiceResponsiveness {
  const parsed = parseOptions(OptionsSchema, options, 'serviceResponsiveness');
  const rows = requireAllValid(parseBatch(InteractionSchema, interactions, { pathName: 'interactions' }), 'serviceResponsiveness');
  const { asOf, targetHours } = parsed;
  const asOfMs = asOf.getTime();
  const inEffect = rows.filter((i) => i.at.getTime() <= asOfMs);
  const repliesByCustomer = new Map<string, number[]>();
  for (const i of inEffect) {
    if (i.direction !== 'outbound' || i.purpose !== 'service') continue;
    const list = repliesByCustomer.get(i.customerId) ?? [];
    list.push(i.at.getTime());
    repliesByCustomer.set(i.customerId, list);
  }
  for (const list of repliesByCustomer.values()) list.sort((a, b) => a - b);

  const items: ServiceQuery[] = inEffect
    .filter((i) => i.direction === 'inbound' && (i.purpose === 'service' || i.outcome === 'complained'))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || compareIds(a.id, b.id))
    .map((i) => {
      const at = i.at.getTime();
      const reply = firstAtOrAfter(repliesByCustomer.get(i.customerId) ?? [], at);
      const responseHours = reply === undefined ? null : (reply - at) / msPerHour;
      const waitingHours = reply === undefined ? (asOfMs - at) / msPerHour : null;
      return {
        interactionId: i.id,
        customerId: i.customerId,
        channel: i.channel,
        kind: i.outcome === 'complained' ? 'complaint' : 'query',
        at: i.at.toISOString(),
        respondedAt: reply === undefined ? null : new Date(reply).toISOString(),
        responseHours,
        waitingHours,
        withinTarget: responseHours !== null ? responseHours <= targetHours : (waitingHours as number) > targetHours ? false : null,
      };
    });
  const times = items.flatMap((q) => (q.responseHours === null ? [] : [q.responseHours])).sort((a, b) => a - b);
  const answered = times.length;
  const overdue = items.filter((q) => q.responseHours === null && q.withinTarget === false).length;
  const withinTarget = items.filter((q) => q.withinTarget === true).length;
  const middle = Math.floor(answered / 2);
  return {
    asOf: asOf.toISOString(),
    targetHours,
    queries: items.length,
    complaints: items.filter((q) => q.kind === 'complaint').length,
    answered,
    unanswered: items.length - answered,
    overdue,
    withinTarget,
    shareWithinTarget: answered + overdue > 0 ? withinTarget / (answered + overdue) : null,
    medianResponseHours: answered === 0 ? null : answered % 2 === 1 ? (times[middle] as number) : ((times[middle - 1] as number) + (times[middle] as number)) / 2,
    meanResponseHours: answered === 0 ? null : times.reduce((s, t) => s + t, 0) / answered,
    openComplaints: items.filter((q) => q.kind === 'complaint' && q.respondedAt === null),
    items,
  };
}

/** The first value ≥ t of an ascending list (binary search), or undefined. */
function firstAtOrAfter(sorted: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}
