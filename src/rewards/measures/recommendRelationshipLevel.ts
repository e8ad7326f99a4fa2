import * as z from 'zod';
import { issuesFromZod } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { relationshipLevels, type RelationshipLevel, type RelationshipLevelDefinition } from './relationshipLevels.js';

/** A band of the number of customers. @category Relationship measures */
export type CustomerCountBand = 'many' | 'medium' | 'few';
/** A band of the margin. @category Relationship measures */
export type MarginBand = 'high' | 'medium' | 'low';

/** What {@link recommendRelationshipLevel} needs: counts and margins as numbers, or their bands. @category Relationship measures */
export interface RelationshipSituation {
  /** Number of customers (a whole number ≥ 0) or its band. */
  readonly customerCount: number | CustomerCountBand;
  /** Margin as a rate of price (0.35 = 35 %) or its band. */
  readonly margin: number | MarginBand;
}

/** The bands of {@link recommendRelationshipLevel}. @category Relationship measures */
export interface RelationshipBands {
  /** At most this many customers count as few. @defaultValue 100 */
  readonly fewCustomersAtMost?: number;
  /** At least this many customers count as many. @defaultValue 10000 */
  readonly manyCustomersAtLeast?: number;
  /** A margin rate below this is low. @defaultValue 0.15 */
  readonly lowMarginBelow?: number;
  /** A margin rate at or above this is high. @defaultValue 0.4 */
  readonly highMarginAtLeast?: number;
}

/** A recommended level with the bands that led to it. @category Relationship measures */
export interface RelationshipRecommendation extends RelationshipLevelDefinition {
  readonly customerBand: CustomerCountBand;
  readonly marginBand: MarginBand;
}

const matrix: Record<CustomerCountBand, Record<MarginBand, RelationshipLevel>> = {
  many: { high: 'accountable', medium: 'reactive', low: 'basic' },
  medium: { high: 'proactive', medium: 'accountable', low: 'reactive' },
  few: { high: 'partnership', medium: 'proactive', low: 'accountable' },
};

const SituationSchema = z.object({
  customerCount: z.union([z.number().int().nonnegative(), z.enum(['many', 'medium', 'few'])]),
  margin: z.union([z.number(), z.enum(['high', 'medium', 'low'])]),
});
const BandsSchema = z
  .object({
    fewCustomersAtMost: z.number().nonnegative().default(100),
    manyCustomersAtLeast: z.number().nonnegative().default(10_000),
    lowMarginBelow: z.number().default(0.15),
    highMarginAtLeast: z.number().default(0.4),
  })
  .superRefine((bands, ctx) => {
    if (bands.fewCustomersAtMost >= bands.manyCustomersAtLeast) {
      ctx.addIssue({ code: 'custom', path: ['manyCustomersAtLeast'], message: 'manyCustomersAtLeast must exceed fewCustomersAtMost' });
    }
    if (bands.lowMarginBelow > bands.highMarginAtLeast) {
      ctx.addIssue({ code: 'custom', path: ['highMarginAtLeast'], message: 'highMarginAtLeast must be at least lowMarginBelow' });
    }
  });

/**
 * Recommends one of Kotler's relationship levels from the number of customers and the margin, with
 * the contact obligations the level implies (usable as a contact policy).
 *
 * @remarks
 * The matrix (Kotler & Keller, Marketing Management): many customers — high margin → accountable,
 * medium → reactive, low → basic; a medium number — high → proactive, medium → accountable,
 * low → reactive; few customers — high → partnership, medium → proactive, low → accountable.
 * Numbers are banded with {@link RelationshipBands} (illustrative defaults: few ≤ 100 < medium <
 * 10 000 ≤ many; low < 15 % ≤ medium < 40 % ≤ high); bands may also be given directly.
 * A negative margin is low. O(1).
 * @param situation - The number of customers and the margin (numbers or bands).
 * @param bands - The band limits.
 * @returns The level's definition with the bands used.
 * @throws {@link RelmarkError} `invalid_input` for a count that is not a whole number ≥ 0 or a
 *   non-finite margin (paths `['customerCount']`, `['margin']`); `invalid_options` for bands out of order.
 * @example
 * ```ts
 * import { recommendRelationshipLevel } from 'relmark/rewards';
 * const advice = recommendRelationshipLevel({ customerCount: 250_000, margin: 0.45 });
 * [advice.level, advice.customerBand, advice.marginBand, advice.contactObligations.map((o) => o.trigger)];
 * //=> ['accountable', 'many', 'high', ['inbound_query', 'after_purchase']]
 * recommendRelationshipLevel({ customerCount: 'few', margin: 'high' }).level;
 * //=> 'partnership'
 * ```
 * @category Relationship measures
 */
export function recommendRelationshipLevel(situation: RelationshipSituation, bands: RelationshipBands = {}): RelationshipRecommendation {
  const parsedSituation = SituationSchema.safeParse(situation);
  const parsedBands = BandsSchema.safeParse(bands);
  if (!parsedSituation.success) {
    throw new RelmarkError('invalid_input', 'recommendRelationshipLevel: invalid situation', { issues: issuesFromZod(parsedSituation.error), cause: parsedSituation.error });
  }
  if (!parsedBands.success) {
    throw new RelmarkError('invalid_options', 'recommendRelationshipLevel: invalid bands', { issues: issuesFromZod(parsedBands.error), cause: parsedBands.error });
  }
  const { customerCount, margin } = parsedSituation.data;
  const limits = parsedBands.data;
  const customerBand: CustomerCountBand =
    typeof customerCount === 'string'
      ? customerCount
      : customerCount <= limits.fewCustomersAtMost
        ? 'few'
        : customerCount >= limits.manyCustomersAtLeast
          ? 'many'
          : 'medium';
  const marginBand: MarginBand =
    typeof margin === 'string' ? margin : margin < limits.lowMarginBelow ? 'low' : margin >= limits.highMarginAtLeast ? 'high' : 'medium';
  const level = matrix[customerBand][marginBand];
  const definition = relationshipLevels.find((l) => l.level === level) as RelationshipLevelDefinition;
  return { ...definition, customerBand, marginBand };
}
