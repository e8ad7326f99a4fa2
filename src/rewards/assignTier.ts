import * as z from 'zod';
import { parseOptions } from './parseOptions.js';
import { parseBatch, requireAllValid } from '../models/parse.js';
import { IdSchema, InstantSchema, type InstantInput } from '../models/primitives.js';
import { TierProgramSchema, type TierProgram, type TierProgramInput, type TierRule } from '../models/reward.js';
import { compareIds } from '../internal/order.js';
import { addUtcMonths, startOfUtcYear } from '../internal/time.js';
import { QualifyingActivitySchema, type QualifyingActivity, type QualifyingActivityInput } from './qualifyingActivity.js';

/** When tiers are reviewed (downgrades happen only at reviews; upgrades happen at once). @category Rewards */
export interface TierReviewSchedule {
  /** Months between reviews. @defaultValue 12 */
  readonly everyMonths?: number;
  /**
   * `'calendar'`: reviews on UTC calendar boundaries (every 12 months: each 1 January; every 3: each
   * quarter start). `'attainment'`: every `everyMonths` after the member reached the tier (anniversary).
   * @defaultValue 'calendar'
   */
  readonly anchor?: 'calendar' | 'attainment';
}

/** Options for {@link assignTier}. @category Rewards */
export interface AssignTierOptions {
  /** The instant of the assignment (required). */
  readonly asOf: InstantInput;
  /** The tiers, their qualification rules and the downgrade policy. */
  readonly program: TierProgramInput;
  /** The review schedule. @defaultValue `{ everyMonths: 12, anchor: 'calendar' }` */
  readonly review?: TierReviewSchedule;
  /** Members to include even if they have no activity (they hold the entry tier). @defaultValue [] */
  readonly customerIds?: readonly (string | number)[];
}

/** How far a member is from a rule of the next tier, measured over the rule's window at `asOf`. @category Rewards */
export interface TierRuleProgress {
  readonly metric: TierRule['metric'];
  readonly window: TierRule['window'];
  readonly value: number;
  readonly threshold: number;
  readonly shortfall: number;
}

/** A member's tier at `asOf`. Instants are ISO strings. @category Rewards */
export interface TierAssignment {
  readonly customerId: string;
  readonly asOf: string;
  readonly tierId: string;
  readonly rank: number;
  /** When the member entered this tier (`null`: the entry tier, held from the start). */
  readonly since: string | null;
  /** The tier the member's activity alone qualifies for at `asOf` (without the grace of reviews). */
  readonly qualifiedTierId: string;
  /** The next review after `asOf` (`null` on the entry tier, which no review can lower). */
  readonly nextReviewAt: string | null;
  /** The next tier up and the progress towards each of its rules (any one rule qualifies); `null` at the top. */
  readonly nextTier: { readonly tierId: string; readonly rules: TierRuleProgress[] } | null;
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  program: TierProgramSchema,
  review: z
    .object({ everyMonths: z.number().int().min(1).max(120).default(12), anchor: z.enum(['calendar', 'attainment']).default('calendar') })
    .default({ everyMonths: 12, anchor: 'calendar' }),
  customerIds: z.array(IdSchema).default([]),
});

/**
 * Assigns each member a loyalty tier at `asOf` from qualifying activity, replaying upgrades and
 * reviews (with the programme's downgrade policy) from the first activity on.
 *
 * @remarks
 * A tier qualifies when any of its rules is met: the sum of the rule's metric over its window is at
 * least the threshold. The lowest-rank tier is the entry tier every member holds at least.
 * Upgrades are immediate: after each activity the member moves to the best tier the activity
 * qualifies for, with windows ending at that instant (rolling: from N calendar months before,
 * inclusive; calendar year: from 1 January UTC; lifetime: everything). Downgrades happen only at
 * reviews (see {@link TierReviewSchedule}), judged on the period that ends at the review (the
 * rolling months before it, or for a calendar-year window the year before a 1 January review):
 * `none` keeps the tier, `one_step` drops one rank, `recompute` takes the tier the period earns.
 * Activity after `asOf` is not in effect (a point-in-time query); its members are still listed.
 * Law (property-tested): with calendar reviews, more qualifying activity never gives a lower tier.
 * With anniversary reviews this can fail, because earlier attainment moves the review earlier.
 * Output order: by customer id in code-unit order. O(k² + k·r) per member for k activities and r reviews.
 * @param activity - Qualifying activity (see {@link qualifyingActivityFrom}); never mutated.
 * @param options - `asOf`, the programme, the review schedule and members without activity.
 * @returns One {@link TierAssignment} per member.
 * @throws {@link RelmarkError} `invalid_options` for a bad `asOf`, programme (duplicate tier ids or
 *   ranks, rules naming unknown tiers) or schedule; `invalid_input` for bad activity rows.
 * @example
 * ```ts
 * import { assignTier } from 'relmark/rewards';
 * const program = {
 *   tiers: [{ id: 'member', name: 'Member', rank: 0 }, { id: 'silver', name: 'Silver', rank: 1 }, { id: 'gold', name: 'Gold', rank: 2 }],
 *   rules: [
 *     { tierId: 'silver', metric: 'spend', threshold: 500, window: { kind: 'calendar_year' } },
 *     { tierId: 'gold', metric: 'spend', threshold: 2000, window: { kind: 'calendar_year' } },
 *   ],
 *   downgrade: 'one_step',
 * } as const;
 * const activity = [
 *   { customerId: 'ada', at: '2023-03-01', metric: 'spend', amount: 2500 },
 *   { customerId: 'ada', at: '2024-02-01', metric: 'spend', amount: 100 },
 * ] as const;
 * assignTier(activity, { asOf: '2023-12-31', program }).map((a) => [a.tierId, a.nextReviewAt]);
 * //=> [['gold', '2024-01-01T00:00:00.000Z']]
 * assignTier(activity, { asOf: '2024-06-30', program }).map((a) => [a.tierId, a.qualifiedTierId, a.since]);
 * //=> [['gold', 'member', '2023-03-01T00:00:00.000Z']]
 * assignTier(activity, { asOf: '2025-01-01', program }).map((a) => [a.tierId, a.since, a.nextTier?.rules[0]?.shortfall]);
 * //=> [['silver', '2025-01-01T00:00:00.000Z', 2000]]
 * ```
 * @category Rewards
 */
export function assignTier(activity: readonly QualifyingActivityInput[], options: AssignTierOptions): TierAssignment[] {
  const { asOf, program, review, customerIds } = parseOptions(OptionsSchema, options, 'assignTier');
  const rows = requireAllValid(parseBatch(QualifyingActivitySchema, activity, { pathName: 'activity' }), 'assignTier');
  return assignTierUnchecked(rows, { asOf, program, review, customerIds });
}

/** Options of {@link assignTierUnchecked}: the parsed form of {@link AssignTierOptions}. @category Rewards */
export interface AssignTierUncheckedOptions {
  readonly asOf: Date;
  readonly program: TierProgram;
  readonly review: Required<TierReviewSchedule>;
  readonly customerIds: readonly string[];
}

/**
 * {@link assignTier} without validation, for parsed activity and options.
 * @remarks Preconditions: a valid programme (unique tier ids and ranks, rules naming known tiers),
 * finite amounts and valid dates. Never mutates its input.
 * @param activity - Parsed qualifying activity.
 * @param options - Parsed options (every field present).
 * @returns One {@link TierAssignment} per member, by customer id in code-unit order.
 * @example
 * ```ts
 * import { assignTierUnchecked } from 'relmark/rewards';
 * const program = { tiers: [{ id: 'base', name: 'Base', rank: 0 }], rules: [], downgrade: 'none' } as const;
 * assignTierUnchecked([], { asOf: new Date('2024-01-01'), program, review: { everyMonths: 12, anchor: 'calendar' }, customerIds: ['x'] })
 *   .map((a) => a.tierId);
 * //=> ['base']
 * ```
 * @category Rewards
 */
export function assignTierUnchecked(activity: readonly QualifyingActivity[], options: AssignTierUncheckedOptions): TierAssignment[] {
  const asOf = options.asOf.getTime();
  const byCustomer = new Map<string, QualifyingActivity[]>();
  for (const id of options.customerIds) byCustomer.set(id, []);
  for (const row of activity) {
    // A member whose activity all lies after asOf is still listed, in the entry tier.
    const list = byCustomer.get(row.customerId) ?? [];
    byCustomer.set(row.customerId, list);
    if (row.at.getTime() <= asOf) list.push(row);
  }
  const tiers = options.program.tiers.toSorted((a, b) => a.rank - b.rank);
  return [...byCustomer.keys()]
    .sort(compareIds)
    .map((customerId) => assignOne(customerId, (byCustomer.get(customerId) ?? []).toSorted((a, b) => a.at.getTime() - b.at.getTime()), tiers, options, asOf));
}

type Mode = 'activity' | 'review';

function assignOne(
  customerId: string,
  activity: readonly QualifyingActivity[],
  tiers: TierProgram['tiers'],
  options: AssignTierUncheckedOptions,
  asOf: number,
): TierAssignment {
  const { program, review } = options;
  // Sum of a rule's metric over its window ending at t (inclusive of t for activity, exclusive at a review).
  const valueOf = (rule: TierRule, t: number, mode: Mode) => {
    const from =
      rule.window.kind === 'lifetime'
        ? Number.NEGATIVE_INFINITY
        : rule.window.kind === 'rolling'
          ? addUtcMonths(t, -rule.window.months)
          : startOfUtcYear(mode === 'review' ? t - 1 : t);
    let sum = 0;
    for (const row of activity) {
      const at = row.at.getTime();
      if (row.metric === rule.metric && at >= from && (mode === 'review' ? at < t : at <= t)) sum += row.amount;
    }
    return sum;
  };
  const qualifiedIndex = (t: number, mode: Mode) => {
    for (let i = tiers.length - 1; i > 0; i--) {
      const tierId = (tiers[i] as TierProgram['tiers'][number]).id;
      if (program.rules.some((rule) => rule.tierId === tierId && valueOf(rule, t, mode) >= rule.threshold)) return i;
    }
    return 0;
  };
  const nextReviewAfter = (t: number, anchor: number) => {
    if (review.anchor === 'attainment') {
      let k = 1;
      while (addUtcMonths(anchor, k * review.everyMonths) <= t) k++;
      return addUtcMonths(anchor, k * review.everyMonths);
    }
    const date = new Date(t);
    const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth();
    const next = (Math.floor(monthIndex / review.everyMonths) + 1) * review.everyMonths;
    return Date.UTC(Math.floor(next / 12), next % 12, 1);
  };

  let current = 0;
  let since = Number.NaN;
  let nextReview = Number.POSITIVE_INFINITY;
  const runReviewsUpTo = (t: number) => {
    while (nextReview <= t) {
      const r = nextReview;
      const qualified = qualifiedIndex(r, 'review');
      const next =
        qualified >= current ? qualified : program.downgrade === 'none' ? current : program.downgrade === 'one_step' ? current - 1 : qualified;
      if (next !== current) {
        current = next;
        since = r;
      }
      nextReview = current === 0 ? Number.POSITIVE_INFINITY : nextReviewAfter(r, since);
    }
  };
  for (let k = 0; k < activity.length; k++) {
    const t = (activity[k] as QualifyingActivity).at.getTime();
    if (k + 1 < activity.length && (activity[k + 1] as QualifyingActivity).at.getTime() === t) continue; // evaluate once per instant
    runReviewsUpTo(t);
    const qualified = qualifiedIndex(t, 'activity');
    if (qualified > current) {
      current = qualified;
      since = t;
      nextReview = nextReviewAfter(t, t);
    }
  }
  runReviewsUpTo(asOf);

  const tier = tiers[current] as TierProgram['tiers'][number];
  const up = tiers[current + 1];
  return {
    customerId,
    asOf: new Date(asOf).toISOString(),
    tierId: tier.id,
    rank: tier.rank,
    since: current === 0 || Number.isNaN(since) ? null : new Date(since).toISOString(),
    qualifiedTierId: (tiers[qualifiedIndex(asOf, 'activity')] as TierProgram['tiers'][number]).id,
    nextReviewAt: Number.isFinite(nextReview) ? new Date(nextReview).toISOString() : null,
    nextTier:
      up === undefined
        ? null
        : {
            tierId: up.id,
            rules: program.rules
              .filter((rule) => rule.tierId === up.id)
              .map((rule) => {
                const value = valueOf(rule, asOf, 'activity');
                return { metric: rule.metric, window: rule.window, value, threshold: rule.threshold, shortfall: Math.max(0, rule.threshold - value) };
              }),
          },
  };
}
