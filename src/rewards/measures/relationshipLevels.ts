import type { Purpose } from '../../models/channel.js';

/** Kotler's five levels of customer relationship, from the least to the most involved. @category Relationship measures */
export type RelationshipLevel = 'basic' | 'reactive' | 'accountable' | 'proactive' | 'partnership';

/**
 * A contact the company owes a customer at a relationship level, usable as a contact policy:
 * - `inbound_query`: answer each question or complaint within `withinDays`;
 * - `after_purchase`: contact the customer within `withinDays` of each purchase;
 * - `periodic`: contact the customer at least every `everyDays`.
 * @category Relationship measures
 */
export interface ContactObligation {
  readonly trigger: 'inbound_query' | 'after_purchase' | 'periodic';
  /** For `inbound_query` and `after_purchase`: the deadline in days. */
  readonly withinDays?: number;
  /** For `periodic`: the longest gap in days. */
  readonly everyDays?: number;
  readonly purpose: Purpose;
  readonly description: string;
}

/** A relationship level with its description and contact obligations. @category Relationship measures */
export interface RelationshipLevelDefinition {
  readonly level: RelationshipLevel;
  /** 1 (basic) to 5 (partnership). */
  readonly rank: number;
  readonly description: string;
  readonly contactObligations: readonly ContactObligation[];
}

const answerQueries: ContactObligation = {
  trigger: 'inbound_query',
  withinDays: 2,
  purpose: 'service',
  description: 'Answer every question or complaint the customer raises',
};
const checkAfterPurchase: ContactObligation = {
  trigger: 'after_purchase',
  withinDays: 7,
  purpose: 'service',
  description: 'Check shortly after each purchase that the product meets expectations, and ask for suggestions',
};

/**
 * Kotler's five levels of relationship a company can build with its customers, each with the
 * contact obligations it implies (the deadlines are relmark's defaults, to be tuned per business).
 *
 * @remarks
 * After Kotler & Keller, Marketing Management (levels of relationship investment): basic (sells and
 * does not follow up), reactive (invites the customer to call with questions or complaints),
 * accountable (calls shortly after the sale to check the product meets expectations and asks for
 * improvements), proactive (contacts the customer from time to time with improved uses or new
 * products), partnership (works continuously with the customer to deliver more value).
 * Each level keeps the obligations of the one below. Ordered from basic to partnership.
 * @example
 * ```ts
 * import { relationshipLevels } from 'relmark/rewards';
 * relationshipLevels.map((l) => [l.level, l.contactObligations.length]);
 * //=> [['basic', 0], ['reactive', 1], ['accountable', 2], ['proactive', 3], ['partnership', 3]]
 * ```
 * @category Relationship measures
 */
export const relationshipLevels: readonly RelationshipLevelDefinition[] = [
  { level: 'basic', rank: 1, description: 'The company sells the product but does not follow up in any way.', contactObligations: [] },
  {
    level: 'reactive',
    rank: 2,
    description: 'The company sells the product and encourages the customer to call whenever they have questions or problems.',
    contactObligations: [answerQueries],
  },
  {
    level: 'accountable',
    rank: 3,
    description:
      'The company contacts the customer shortly after the sale to check whether the product meets expectations, and asks for suggestions for improvement.',
    contactObligations: [answerQueries, checkAfterPurchase],
  },
  {
    level: 'proactive',
    rank: 4,
    description: 'The company contacts the customer from time to time with suggestions about improved product uses or helpful new products.',
    contactObligations: [
      answerQueries,
      checkAfterPurchase,
      { trigger: 'periodic', everyDays: 90, purpose: 'marketing', description: 'Suggest improved uses or helpful new products' },
    ],
  },
  {
    level: 'partnership',
    rank: 5,
    description: 'The company works continuously with the customer to discover ways to deliver better value.',
    contactObligations: [
      answerQueries,
      checkAfterPurchase,
      { trigger: 'periodic', everyDays: 30, purpose: 'service', description: 'Review together how to deliver more value' },
    ],
  },
];
