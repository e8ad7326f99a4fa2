import { requireSources } from '../../internal/guards.js';
import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { InteractionSchema, type Feedback, type InteractionInput } from '../../models/interaction.js';
import { parseBatch } from '../../models/parse.js';
import { IdSchema, InstantSchema, type InstantInput } from '../../models/primitives.js';
import { TransactionSchema, type TransactionInput } from '../../models/transaction.js';
import { compareIds } from '../../internal/order.js';
import { ReferralSchema, type ReferralInput } from './referral.js';
import { parseOptions } from '../parseOptions.js';

/**
 * The rungs of the loyalty ladder, lowest first (Christopher, Payne & Ballantyne, 1991).
 * @example
 * ```ts
 * import { loyaltyLadderStages } from 'relmark/rewards';
 * loyaltyLadderStages.indexOf('advocate') > loyaltyLadderStages.indexOf('supporter');
 * //=> true
 * ```
 * @category Relationship measures
 */
export const loyaltyLadderStages = ['prospect', 'purchaser', 'client', 'supporter', 'advocate', 'partner'] as const;
/** @category Relationship measures */
export type LoyaltyLadderStage = (typeof loyaltyLadderStages)[number];

/** The data {@link loyaltyLadder} reads. @category Relationship measures */
export interface LoyaltyLadderSources {
  /** Purchases and refunds. @defaultValue [] */
  readonly transactions?: readonly TransactionInput[];
  /** Interactions; those with `feedback` (NPS or CSAT) are read. @defaultValue [] */
  readonly interactions?: readonly InteractionInput[];
  /** Referrals made by customers. @defaultValue [] */
  readonly referrals?: readonly ReferralInput[];
}

/** Options for {@link loyaltyLadder}. @category Relationship measures */
export interface LoyaltyLadderOptions {
  /** Data after this instant is not counted (required). */
  readonly asOf: InstantInput;
  /** Customers to place even without data (they are prospects). @defaultValue [] */
  readonly customerIds?: readonly (string | number)[];
  /** Purchases that make a purchaser a client (a repeat customer). @defaultValue 2 */
  readonly clientMinPurchases?: number;
  /** Purchases a partner has made at least. @defaultValue 6 */
  readonly partnerMinPurchases?: number;
  /** Referrals a partner has made at least. @defaultValue 3 */
  readonly partnerMinReferrals?: number;
}

/** The evidence behind a customer's rung. @category Relationship measures */
export interface LoyaltyLadderEvidence {
  readonly purchases: number;
  readonly referrals: number;
  /** The most recent NPS or CSAT answer up to `asOf`, or `null`. */
  readonly latestFeedback: (Feedback & { readonly at: string }) | null;
}

/** A customer's rung on the loyalty ladder, with the evidence and one reason per rung reached. @category Relationship measures */
export interface LoyaltyLadderPosition {
  readonly customerId: string;
  readonly stage: LoyaltyLadderStage;
  readonly evidence: LoyaltyLadderEvidence;
  /** Why each rung above prospect was reached, lowest first. */
  readonly reasons: string[];
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  customerIds: z.array(IdSchema).default([]),
  clientMinPurchases: z.number().int().min(1).default(2),
  partnerMinPurchases: z.number().int().min(1).default(6),
  partnerMinReferrals: z.number().int().min(1).default(3),
});

/**
 * Places each customer on the loyalty ladder (prospect → purchaser → client → supporter → advocate →
 * partner) from purchases, feedback scores and referrals, with the evidence for the rung.
 *
 * @remarks
 * The ladder is Christopher, Payne & Ballantyne's (Relationship Marketing, 1991). Its rungs are
 * attitudes; relmark reads them from behaviour and feedback, each rung requiring the one below:
 * purchaser — at least one purchase; client — at least `clientMinPurchases` purchases; supporter —
 * the latest feedback is favourable (NPS ≥ 7 or CSAT ≥ 4) or the customer has referred someone;
 * advocate — the latest NPS is a promoter's (9–10) or the customer has referred someone; partner —
 * at least `partnerMinReferrals` referrals and `partnerMinPurchases` purchases. Refunds do not
 * remove a purchase. Data after `asOf` is ignored (a point-in-time query).
 * Output order: by customer id in code-unit order. O(n log n).
 * @param sources - Transactions, interactions and referrals; never mutated.
 * @param options - `asOf`, extra customers and the thresholds.
 * @returns One {@link LoyaltyLadderPosition} per customer found in any source or listed.
 * @throws {@link RelmarkError} `invalid_input` (path `['sources']`) when `sources` is not an object, and for bad rows (every issue, paths start with
 *   `transactions`, `interactions` or `referrals`); `invalid_options` for bad options.
 * @example
 * ```ts
 * import { loyaltyLadder } from 'relmark/rewards';
 * const ladder = loyaltyLadder(
 *   {
 *     transactions: [
 *       { customerId: 'ada', at: '2024-01-05', amount: 40 },
 *       { customerId: 'ada', at: '2024-02-05', amount: 25 },
 *       { customerId: 'bob', at: '2024-02-10', amount: 90 },
 *     ],
 *     interactions: [
 *       { id: 'f1', customerId: 'ada', channel: 'web', direction: 'inbound', purpose: 'feedback', outcome: 'responded', at: '2024-03-01', feedback: { kind: 'nps', score: 9 } },
 *     ],
 *   },
 *   { asOf: '2024-06-30', customerIds: ['cy'] },
 * );
 * ladder.map((p) => [p.customerId, p.stage]);
 * //=> [['ada', 'advocate'], ['bob', 'purchaser'], ['cy', 'prospect']]
 * ladder[0]?.reasons;
 * //=> ['purchaser: 2 purchases', 'client: 2 purchases (at least 2)', 'supporter: latest NPS 9 (at least 7)', 'advocate: latest NPS 9 (a promoter)']
 * ```
 * @category Relationship measures
 */
export function loyaltyLadder(sources: LoyaltyLadderSources, options: LoyaltyLadderOptions): LoyaltyLadderPosition[] {
  const parsed = parseOptions(OptionsSchema, options, 'loyaltyLadder');
  requireSources('loyaltyLadder', sources);
  const transactions = parseBatch(TransactionSchema, sources.transactions ?? [], { pathName: 'transactions' });
  const interactions = parseBatch(InteractionSchema, sources.interactions ?? [], { pathName: 'interactions' });
  const referrals = parseBatch(ReferralSchema, sources.referrals ?? [], { pathName: 'referrals' });
  const issues: RelmarkIssue[] = [transactions, interactions, referrals].flatMap((batch) => batch.rejected.flatMap((row) => row.issues));
  if (issues.length > 0) throw new RelmarkError('invalid_input', `loyaltyLadder: ${issues.length} invalid row${issues.length === 1 ? '' : 's'}`, { issues });

  const { asOf, customerIds, clientMinPurchases, partnerMinPurchases, partnerMinReferrals } = parsed;
  type Tally = { purchases: number; referrals: number; latest: { feedback: Feedback; at: number; id: string } | null };
  const tallies = new Map<string, Tally>();
  const tallyOf = (id: string) => {
    let tally = tallies.get(id);
    if (!tally) tallies.set(id, (tally = { purchases: 0, referrals: 0, latest: null }));
    return tally;
  };
  for (const id of customerIds) tallyOf(id);
  for (const t of transactions.valid) {
    const tally = tallyOf(t.customerId);
    if (t.kind === 'purchase' && t.at <= asOf) tally.purchases++;
  }
  for (const i of interactions.valid) {
    const tally = tallyOf(i.customerId);
    const at = i.at.getTime();
    if (!i.feedback || i.at > asOf) continue;
    // The latest answer wins; at equal times the larger id, so that input order does not matter.
    if (!tally.latest || at > tally.latest.at || (at === tally.latest.at && compareIds(i.id, tally.latest.id) > 0)) tally.latest = { feedback: i.feedback, at, id: i.id };
  }
  for (const r of referrals.valid) {
    const tally = tallyOf(r.referrerId);
    if (r.at <= asOf) tally.referrals++;
  }

  return [...tallies.keys()].sort(compareIds).map((customerId) => {
    const { purchases, referrals: referred, latest } = tallies.get(customerId) as Tally;
    const feedback = latest?.feedback;
    const label = feedback ? `latest ${feedback.kind === 'nps' ? 'NPS' : 'CSAT'} ${feedback.score}` : '';
    const favourable = feedback !== undefined && (feedback.kind === 'nps' ? feedback.score >= 7 : feedback.score >= 4);
    const promoter = feedback?.kind === 'nps' && feedback.score >= 9;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const rungs: [boolean, string][] = [
      [purchases >= 1, `purchaser: ${plural(purchases, 'purchase')}`],
      [purchases >= clientMinPurchases, `client: ${plural(purchases, 'purchase')} (at least ${clientMinPurchases})`],
      [
        favourable || referred > 0,
        favourable ? `supporter: ${label} (at least ${feedback?.kind === 'nps' ? 7 : 4})` : `supporter: ${plural(referred, 'referral')}`,
      ],
      [promoter || referred > 0, promoter ? `advocate: ${label} (a promoter)` : `advocate: ${plural(referred, 'referral')}`],
      [
        referred >= partnerMinReferrals && purchases >= partnerMinPurchases,
        `partner: ${plural(referred, 'referral')} and ${plural(purchases, 'purchase')} (at least ${partnerMinReferrals} and ${partnerMinPurchases})`,
      ],
    ];
    const reasons: string[] = [];
    for (const [reached, reason] of rungs) {
      if (!reached) break;
      reasons.push(reason);
    }
    return {
      customerId,
      stage: loyaltyLadderStages[reasons.length] as LoyaltyLadderStage,
      evidence: { purchases, referrals: referred, latestFeedback: latest ? { ...latest.feedback, at: new Date(latest.at).toISOString() } : null },
      reasons,
    };
  });
}
