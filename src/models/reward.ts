import * as z from 'zod';
import { IdSchema, InstantSchema, MoneySchema } from './primitives.js';

const points = z.number().int('Points are whole numbers').positive().max(Number.MAX_SAFE_INTEGER);

const entryBase = {
  id: IdSchema,
  customerId: IdSchema,
  at: InstantSchema,
  /** A repeated key is applied once; without one, `id` serves. */
  idempotencyKey: z.string().min(1).optional(),
  /** The order this entry belongs to, for reconciliation. */
  orderId: IdSchema.optional(),
  note: z.string().optional(),
};

/**
 * One entry of a loyalty-points ledger, as a discriminated union on `type`:
 * - `earn`: points granted, spendable from `availableAt` (a lock period) until `expiresAt`;
 * - `redeem`: points spent;
 * - `expire`: points that lapsed (optionally from one earn lot);
 * - `adjust`: a signed manual correction with a reason;
 * - `reverse`: cancels an earlier entry (`reverses`), for example the earn of a returned order.
 *
 * @remarks Points are whole numbers (scale them, e.g. to cents of a point, when fractions are needed),
 * so that sums are exact and no point is ever lost to rounding.
 *
 * @example
 * ```ts
 * import { PointsEntrySchema } from 'relmark/models';
 * const e = PointsEntrySchema.parse({ type: 'earn', id: 'e1', customerId: 'c1', at: '2024-01-01', points: 120, expiresAt: '2025-01-01' });
 * [e.type, e.points];
 * //=> ['earn', 120]
 * PointsEntrySchema.safeParse({ type: 'redeem', id: 'r1', customerId: 'c1', at: '2024-02-01', points: 0.5 }).success;
 * //=> false
 * ```
 * @category Models
 */
export const PointsEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('earn'), ...entryBase, points, availableAt: InstantSchema.optional(), expiresAt: InstantSchema.optional() }),
  z.object({ type: z.literal('redeem'), ...entryBase, points }),
  z.object({ type: z.literal('expire'), ...entryBase, points, lotId: IdSchema.optional() }),
  z.object({
    type: z.literal('adjust'),
    ...entryBase,
    points: z.number().int('Points are whole numbers').refine((p) => p !== 0 && Math.abs(p) <= Number.MAX_SAFE_INTEGER, {
      message: 'An adjustment is a non-zero whole number of points',
    }),
    reason: z.string().min(1),
  }),
  z.object({ type: z.literal('reverse'), ...entryBase, reverses: IdSchema, points: points.optional() }),
]);

/** @category Models */
export type PointsEntry = z.output<typeof PointsEntrySchema>;
/** @category Models */
export type PointsEntryInput = z.input<typeof PointsEntrySchema>;
/** @category Models */
export type PointsEntryType = PointsEntry['type'];

/**
 * A loyalty tier. `rank` orders tiers: 0 is the entry tier, higher is better.
 * @example
 * ```ts
 * import { TierSchema } from 'relmark/models';
 * TierSchema.parse({ id: 'gold', name: 'Gold', rank: 2 }).rank;
 * //=> 2
 * ```
 * @category Models
 */
export const TierSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  rank: z.number().int().nonnegative(),
  benefits: z.array(z.string().min(1)).optional(),
});
/** @category Models */
export type Tier = z.output<typeof TierSchema>;

/**
 * The window over which tier-qualifying activity is counted: a rolling number of months ending at
 * the evaluation date, the calendar year, or the whole history.
 * @example
 * ```ts
 * import { QualificationWindowSchema } from 'relmark/models';
 * QualificationWindowSchema.parse({ kind: 'rolling', months: 12 }).kind;
 * //=> 'rolling'
 * ```
 * @category Models
 */
export const QualificationWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), months: z.number().int().min(1).max(120) }),
  z.object({ kind: z.literal('calendar_year') }),
  z.object({ kind: z.literal('lifetime') }),
]);
/** @category Models */
export type QualificationWindow = z.output<typeof QualificationWindowSchema>;

/**
 * A rule that qualifies a customer for a tier: at least `threshold` of a metric (qualifying points,
 * spend or purchases; separate from spendable points) within a window.
 * @example
 * ```ts
 * import { TierRuleSchema } from 'relmark/models';
 * TierRuleSchema.safeParse({ tierId: 'gold', metric: 'spend', threshold: 1000, window: { kind: 'calendar_year' } }).success;
 * //=> true
 * ```
 * @category Models
 */
export const TierRuleSchema = z.object({
  tierId: IdSchema,
  metric: z.enum(['points', 'spend', 'purchases']),
  threshold: MoneySchema,
  window: QualificationWindowSchema,
});
/** @category Models */
export type TierRule = z.output<typeof TierRuleSchema>;

/**
 * A tier programme: the tiers, the rules that qualify for them, and what happens when a customer
 * no longer qualifies (`none`: keep the tier; `one_step`: drop one rank; `recompute`: take the tier
 * the activity now earns). Tier ids and ranks are unique, and every rule names a known tier.
 * @example
 * ```ts
 * import { TierProgramSchema } from 'relmark/models';
 * TierProgramSchema.safeParse({
 *   tiers: [{ id: 'base', name: 'Member', rank: 0 }, { id: 'gold', name: 'Gold', rank: 1 }],
 *   rules: [{ tierId: 'gold', metric: 'points', threshold: 5000, window: { kind: 'rolling', months: 12 } }],
 *   downgrade: 'one_step',
 * }).success;
 * //=> true
 * ```
 * @category Models
 */
export const TierProgramSchema = z
  .object({
    tiers: z.array(TierSchema).min(1),
    rules: z.array(TierRuleSchema),
    downgrade: z.enum(['none', 'one_step', 'recompute']),
  })
  .superRefine((program, ctx) => {
    const ids = new Set<string>();
    const ranks = new Set<number>();
    program.tiers.forEach((tier, i) => {
      if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: `Tier id "${tier.id}" appears more than once` });
      if (ranks.has(tier.rank)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'rank'], message: `Tier rank ${tier.rank} appears more than once` });
      ids.add(tier.id);
      ranks.add(tier.rank);
    });
    program.rules.forEach((rule, i) => {
      if (!ids.has(rule.tierId)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'tierId'], message: `Rule names unknown tier "${rule.tierId}"` });
    });
  });
/** @category Models */
export type TierProgram = z.output<typeof TierProgramSchema>;
/** @category Models */
export type TierProgramInput = z.input<typeof TierProgramSchema>;
