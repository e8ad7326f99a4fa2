import * as z from 'zod';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { idRecordSchema } from '../../models/idRecord.js';
import { InteractionSchema, type InteractionInput } from '../../models/interaction.js';
import { parseBatch, requireAllValid } from '../../models/parse.js';
import { InstantSchema, type InstantInput } from '../../models/primitives.js';
import { compareIds } from '../../internal/order.js';
import { addUtcMonths, startOfUtcMonth } from '../../internal/time.js';
import { csatFromDistribution, type CsatResult } from './csatScore.js';
import { npsFromCounts, ScoreIntervalOptionsSchema, type NpsResult, type ScoreIntervalOptions } from './netPromoterScore.js';
import { parseOptions } from '../parseOptions.js';

const maxInstant = 8.64e15;

/** Options for {@link summarizeFeedback}. @category Relationship measures */
export interface SummarizeFeedbackOptions extends ScoreIntervalOptions {
  /** Feedback after this instant is not counted (required: there is no implicit "now"). */
  readonly asOf: InstantInput;
  /** Segment of each customer id; customers not listed fall in segment `null`. @defaultValue {} (one segment, `null`) */
  readonly segments?: Readonly<Record<string, string>>;
  /** Time windows: UTC calendar `month`, `quarter` or `year`, or `all` time up to `asOf`. @defaultValue 'all' */
  readonly period?: 'all' | 'month' | 'quarter' | 'year';
}

/** NPS and CSAT of one segment in one time window. Instants are ISO strings. @category Relationship measures */
export interface FeedbackSummary {
  readonly segment: string | null;
  /** Start of the window (inclusive); for `period: 'all'`, the first feedback. */
  readonly periodStart: string;
  /** End of the window (exclusive); for `period: 'all'`, `asOf`. */
  readonly periodEnd: string;
  /** `null` when the window has no NPS answer. */
  readonly nps: NpsResult | null;
  /** `null` when the window has no CSAT answer. */
  readonly csat: CsatResult | null;
}

const OptionsSchema = ScoreIntervalOptionsSchema.extend({
  asOf: InstantSchema,
  segments: idRecordSchema(z.string()).default({}),
  period: z.enum(['all', 'month', 'quarter', 'year']).default('all'),
});

const monthsPerPeriod = { month: 1, quarter: 3, year: 12 } as const;

/**
 * NPS and CSAT from the feedback recorded on interactions, per customer segment and per time window.
 *
 * @remarks
 * Every interaction with `feedback` dated at or before `asOf` counts once (a customer who answers
 * twice counts twice, as in survey reporting); interactions without feedback are skipped. NPS and
 * CSAT follow {@link netPromoterScore} and {@link csatScore}, with their intervals and warnings.
 * Windows are UTC calendar months, quarters (starting January, April, July, October) or years;
 * windows without feedback are not listed. Output order: by segment (`null` first, then code-unit
 * order), then by window start. O(n log n).
 * @param interactions - `InteractionSchema` rows; never mutated.
 * @param options - `asOf`, segments, window and interval options.
 * @returns One {@link FeedbackSummary} per segment and window with feedback.
 * @throws {@link RelmarkError} `invalid_input` for bad interactions (every issue, path
 *   `['interactions', i, …]`), or when an interaction's period would start or end beyond the dates a
 *   `Date` can hold (issue `out_of_range`); `invalid_options` for bad options.
 * @example
 * ```ts
 * import { summarizeFeedback } from 'relmark/rewards';
 * const base = { channel: 'email', direction: 'inbound', purpose: 'feedback', outcome: 'responded' } as const;
 * const rows = summarizeFeedback(
 *   [
 *     { ...base, id: 1, customerId: 'a', at: '2024-01-05', feedback: { kind: 'nps', score: 10 } },
 *     { ...base, id: 2, customerId: 'b', at: '2024-01-20', feedback: { kind: 'nps', score: 4 } },
 *     { ...base, id: 3, customerId: 'a', at: '2024-02-02', feedback: { kind: 'csat', score: 5 } },
 *   ],
 *   { asOf: '2024-03-01', period: 'month', segments: { a: 'vip' } },
 * );
 * rows.map((r) => [r.segment, r.periodStart.slice(0, 7), r.nps?.nps ?? null, r.csat?.mean ?? null]);
 * //=> [[null, '2024-01', -100, null], ['vip', '2024-01', 100, null], ['vip', '2024-02', null, 5]]
 * ```
 * @category Relationship measures
 */
export function summarizeFeedback(interactions: readonly InteractionInput[], options: SummarizeFeedbackOptions): FeedbackSummary[] {
  const parsed = parseOptions(OptionsSchema, options, 'summarizeFeedback');
  const rows = requireAllValid(parseBatch(InteractionSchema, interactions, { pathName: 'interactions' }), 'summarizeFeedback');
  const { asOf, segments, period, confidence, minSampleSize } = parsed;
  const asOfMs = asOf.getTime();
  const groups = new Map<string, { segment: string | null; start: number; end: number; nps: [number, number, number]; csat: number[] }>();
  for (let index = 0; index < rows.length; index++) {
    const interaction = rows[index] as (typeof rows)[number];
    const at = interaction.at.getTime();
    if (!interaction.feedback || at > asOfMs) continue;
    const segment = Object.hasOwn(segments, interaction.customerId) ? (segments[interaction.customerId] as string) : null;
    let start = Number.NEGATIVE_INFINITY;
    let end = asOfMs;
    if (period !== 'all') {
      const month = startOfUtcMonth(at);
      const monthOfYear = new Date(month).getUTCMonth();
      start = addUtcMonths(month, -(monthOfYear % monthsPerPeriod[period]));
      end = addUtcMonths(start, monthsPerPeriod[period]);
      // A period that begins or ends beyond the instants a Date can hold (±8.64e15 ms) has no date to report.
      if (!(start >= -maxInstant && end <= maxInstant)) {
        throw new RelmarkError('invalid_input', 'summarizeFeedback: a period lies beyond the representable dates', {
          issues: [{ code: 'out_of_range', path: ['interactions', index, 'at'], message: `The ${period} of ${interaction.at.toISOString()} reaches beyond ±8.64e15 ms (years −271821 to 275760)` }],
        });
      }
    }
    const key = `${segment === null ? '0' : `1${segment}`}\u0000${start}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { segment, start, end, nps: [0, 0, 0], csat: [0, 0, 0, 0, 0] }));
    if (period === 'all') group.start = Math.min(Number.isFinite(group.start) ? group.start : at, at);
    const { kind, score } = interaction.feedback;
    if (kind === 'nps') group.nps[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
    else group.csat[score - 1] = (group.csat[score - 1] as number) + 1;
  }
  return [...groups.values()]
    .sort((a, b) => (a.segment === b.segment ? 0 : a.segment === null ? -1 : b.segment === null ? 1 : compareIds(a.segment, b.segment)) || a.start - b.start)
    .map((group) => {
      const [promoters, passives, detractors] = group.nps;
      const csatCount = group.csat.reduce((s, k) => s + k, 0);
      return {
        segment: group.segment,
        periodStart: new Date(group.start).toISOString(),
        periodEnd: new Date(group.end).toISOString(),
        nps: promoters + passives + detractors > 0 ? npsFromCounts(promoters, passives, detractors, confidence, minSampleSize) : null,
        csat: csatCount > 0 ? csatFromDistribution(group.csat, confidence, minSampleSize) : null,
      };
    });
}
