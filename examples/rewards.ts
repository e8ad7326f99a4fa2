/**
 * Rewards and relationship health, end to end: a points ledger with a lock period, expiry and a
 * returned order; balances now and at a past date; tiers; liability; NPS/CSAT per segment; the
 * loyalty ladder; service responsiveness; and the relationship level the business can afford.
 * Run: npx tsx examples/rewards.ts
 */
import {
  assignTier,
  loyaltyLadder,
  pointsBalance,
  pointsLiability,
  qualifyingActivityFrom,
  recommendRelationshipLevel,
  serviceResponsiveness,
  summarizeFeedback,
  type PointsPolicyInput,
} from 'relmark/rewards';
import type { InteractionInput, PointsEntryInput, TierProgramInput, TransactionInput } from 'relmark/models';

const transactions: TransactionInput[] = [
  { id: 't1', customerId: 'ada', at: '2024-01-12', amount: 420 },
  { id: 't2', customerId: 'ada', at: '2024-03-02', amount: 180 },
  { id: 't3', customerId: 'bob', at: '2024-02-20', amount: 900 },
  { id: 't4', customerId: 'bob', at: '2024-03-01', amount: 900, kind: 'refund', refundOf: 't3' },
  { id: 't5', customerId: 'cy', at: '2024-04-05', amount: 60 },
];

// One point per unit spent, spendable 14 days after the purchase (the return window).
const entries: PointsEntryInput[] = [
  { type: 'earn', id: 'e1', customerId: 'ada', at: '2024-01-12', points: 420, availableAt: '2024-01-26', idempotencyKey: 'order-t1' },
  { type: 'earn', id: 'e1', customerId: 'ada', at: '2024-01-12', points: 420, availableAt: '2024-01-26', idempotencyKey: 'order-t1' }, // a retried webhook
  { type: 'earn', id: 'e2', customerId: 'ada', at: '2024-03-02', points: 180, availableAt: '2024-03-16', idempotencyKey: 'order-t2' },
  { type: 'redeem', id: 'r1', customerId: 'ada', at: '2024-02-10', points: 300 },
  { type: 'earn', id: 'e3', customerId: 'bob', at: '2024-02-20', points: 900, availableAt: '2024-03-05', idempotencyKey: 'order-t3' },
  { type: 'reverse', id: 'x3', customerId: 'bob', at: '2024-03-01', reverses: 'e3' }, // the order came back
  { type: 'earn', id: 'e5', customerId: 'cy', at: '2024-04-05', points: 60, availableAt: '2024-04-19', idempotencyKey: 'order-t5' },
  { type: 'adjust', id: 'a1', customerId: 'cy', at: '2024-04-06', points: 100, reason: 'welcome bonus' },
];
const policy: PointsPolicyInput = { expiry: { kind: 'end_of_period', period: 'year', periodsAfter: 1 }, consumption: 'soonest_expiring' };

console.log('Balances on 2024-04-10');
console.table(
  pointsBalance(entries, { asOf: '2024-04-10', policy }).map(({ customerId, available, pending, earned, redeemed, expired, adjusted, reversed }) => ({
    customerId, available, pending, earned, redeemed, expired, adjusted, reversed,
  })),
);
console.log('Audit: the same ledger as it stood on 2024-02-15');
console.table(pointsBalance(entries, { asOf: '2024-02-15', policy }).map(({ customerId, available, pending }) => ({ customerId, available, pending })));

const program: TierProgramInput = {
  tiers: [
    { id: 'member', name: 'Member', rank: 0 },
    { id: 'silver', name: 'Silver', rank: 1 },
    { id: 'gold', name: 'Gold', rank: 2 },
  ],
  rules: [
    { tierId: 'silver', metric: 'spend', threshold: 500, window: { kind: 'rolling', months: 12 } },
    { tierId: 'gold', metric: 'spend', threshold: 2000, window: { kind: 'rolling', months: 12 } },
  ],
  downgrade: 'one_step',
};
const activity = qualifyingActivityFrom({ transactions });
console.log('Tiers on 2024-04-10');
console.table(
  assignTier(activity, { asOf: '2024-04-10', program }).map((a) => ({
    customerId: a.customerId,
    tier: a.tierId,
    since: a.since,
    nextReview: a.nextReviewAt,
    nextTier: a.nextTier?.tierId ?? '-',
    shortfall: a.nextTier?.rules[0]?.shortfall ?? 0,
  })),
);

const balances = pointsBalance(entries, { asOf: '2024-04-10', policy });
const liability = pointsLiability(balances, { asOf: '2024-04-10', pointValue: 0.01, breakageRate: 0.15 });
console.log(`Liability: ${liability.outstandingPoints} points outstanding, ${liability.liability.toFixed(2)} after 15 % breakage`);
console.table(liability.byExpiry.map(({ expiresIn, points, liability: value }) => ({ expiresIn, points, value: value.toFixed(2) })));

const survey = (id: string, customerId: string, at: string, kind: 'nps' | 'csat', score: number): InteractionInput => ({
  id, customerId, channel: 'email', direction: 'inbound', purpose: 'feedback', outcome: 'responded', at, feedback: { kind, score } as InteractionInput['feedback'],
});
const interactions: InteractionInput[] = [
  survey('s1', 'ada', '2024-03-20', 'nps', 10),
  survey('s2', 'bob', '2024-03-21', 'nps', 3),
  survey('s3', 'cy', '2024-04-08', 'csat', 4),
  { id: 'q1', customerId: 'bob', channel: 'phone', direction: 'inbound', purpose: 'service', outcome: 'complained', at: '2024-03-01T09:00:00Z' },
  { id: 'q2', customerId: 'cy', channel: 'chat', direction: 'inbound', purpose: 'service', outcome: 'delivered', at: '2024-04-06T10:00:00Z' },
  { id: 'a2', customerId: 'cy', channel: 'chat', direction: 'outbound', purpose: 'service', outcome: 'delivered', at: '2024-04-06T10:20:00Z' },
];
console.log('Feedback per segment (small samples carry a warning)');
console.table(
  summarizeFeedback(interactions, { asOf: '2024-04-10', segments: { ada: 'repeat', bob: 'new', cy: 'new' } }).map((r) => ({
    segment: r.segment, nps: r.nps?.nps ?? '-', npsResponses: r.nps?.count ?? 0, csatTop2: r.csat?.topTwoBoxShare ?? '-', warning: r.nps?.warning ?? r.csat?.warning ?? '',
  })),
);

console.log('Loyalty ladder');
console.table(loyaltyLadder({ transactions, interactions }, { asOf: '2024-04-10' }).map((p) => ({ customerId: p.customerId, stage: p.stage, why: p.reasons.at(-1) ?? 'no purchase yet' })));

const service = serviceResponsiveness(interactions, { asOf: '2024-04-10', targetHours: 24 });
console.log(`Service: ${service.answered}/${service.queries} queries answered, median ${service.medianResponseHours === null ? "-" : (service.medianResponseHours * 60).toFixed(0)} min, open complaints: ${service.openComplaints.map((q) => q.interactionId).join(', ') || 'none'}`);

const level = recommendRelationshipLevel({ customerCount: 3_000, margin: 0.45 });
console.log(`Relationship level for 3,000 customers at a 45 % margin: ${level.level}`);
for (const obligation of level.contactObligations) console.log(`  - ${obligation.description} (${obligation.trigger}${obligation.withinDays ? `, within ${obligation.withinDays} days` : ''}${obligation.everyDays ? `, every ${obligation.everyDays} days` : ''})`);

// Output of `npx tsx examples/rewards.ts`:
//
// Balances on 2024-04-10
// ┌─────────┬────────────┬───────────┬─────────┬────────┬──────────┬─────────┬──────────┬──────────┐
// │ (index) │ customerId │ available │ pending │ earned │ redeemed │ expired │ adjusted │ reversed │
// ├─────────┼────────────┼───────────┼─────────┼────────┼──────────┼─────────┼──────────┼──────────┤
// │ 0       │ 'ada'      │ 300       │ 0       │ 600    │ 300      │ 0       │ 0        │ 0        │
// │ 1       │ 'bob'      │ 0         │ 0       │ 900    │ 0        │ 0       │ 0        │ 900      │
// │ 2       │ 'cy'       │ 100       │ 60      │ 60     │ 0        │ 0       │ 100      │ 0        │
// └─────────┴────────────┴───────────┴─────────┴────────┴──────────┴─────────┴──────────┴──────────┘
// Audit: the same ledger as it stood on 2024-02-15
// ┌─────────┬────────────┬───────────┬─────────┐
// │ (index) │ customerId │ available │ pending │
// ├─────────┼────────────┼───────────┼─────────┤
// │ 0       │ 'ada'      │ 120       │ 0       │
// │ 1       │ 'bob'      │ 0         │ 0       │
// │ 2       │ 'cy'       │ 0         │ 0       │
// └─────────┴────────────┴───────────┴─────────┘
// Tiers on 2024-04-10
// ┌─────────┬────────────┬──────────┬────────────────────────────┬────────────────────────────┬──────────┬───────────┐
// │ (index) │ customerId │ tier     │ since                      │ nextReview                 │ nextTier │ shortfall │
// ├─────────┼────────────┼──────────┼────────────────────────────┼────────────────────────────┼──────────┼───────────┤
// │ 0       │ 'ada'      │ 'silver' │ '2024-03-02T00:00:00.000Z' │ '2025-01-01T00:00:00.000Z' │ 'gold'   │ 1400      │
// │ 1       │ 'bob'      │ 'silver' │ '2024-02-20T00:00:00.000Z' │ '2025-01-01T00:00:00.000Z' │ 'gold'   │ 2000      │
// │ 2       │ 'cy'       │ 'member' │ null                       │ null                       │ 'silver' │ 440       │
// └─────────┴────────────┴──────────┴────────────────────────────┴────────────────────────────┴──────────┴───────────┘
// Liability: 460 points outstanding, 3.91 after 15 % breakage
// ┌─────────┬───────────┬────────┬────────┐
// │ (index) │ expiresIn │ points │ value  │
// ├─────────┼───────────┼────────┼────────┤
// │ 0       │ '2026-01' │ 460    │ '3.91' │
// └─────────┴───────────┴────────┴────────┘
// Feedback per segment (small samples carry a warning)
// ┌─────────┬──────────┬──────┬──────────────┬──────────┬──────────────────────────────────────────────────────────────────────────────────────────┐
// │ (index) │ segment  │ nps  │ npsResponses │ csatTop2 │ warning                                                                                  │
// ├─────────┼──────────┼──────┼──────────────┼──────────┼──────────────────────────────────────────────────────────────────────────────────────────┤
// │ 0       │ 'new'    │ -100 │ 1            │ 1        │ 'Only 1 response (fewer than 30): the score is unstable and the interval is approximate' │
// │ 1       │ 'repeat' │ 100  │ 1            │ '-'      │ 'Only 1 response (fewer than 30): the score is unstable and the interval is approximate' │
// └─────────┴──────────┴──────┴──────────────┴──────────┴──────────────────────────────────────────────────────────────────────────────────────────┘
// Loyalty ladder
// ┌─────────┬────────────┬─────────────┬────────────────────────────────────────┐
// │ (index) │ customerId │ stage       │ why                                    │
// ├─────────┼────────────┼─────────────┼────────────────────────────────────────┤
// │ 0       │ 'ada'      │ 'advocate'  │ 'advocate: latest NPS 10 (a promoter)' │
// │ 1       │ 'bob'      │ 'purchaser' │ 'purchaser: 1 purchase'                │
// │ 2       │ 'cy'       │ 'purchaser' │ 'purchaser: 1 purchase'                │
// └─────────┴────────────┴─────────────┴────────────────────────────────────────┘
// Service: 1/2 queries answered, median 20 min, open complaints: q1
// Relationship level for 3,000 customers at a 45 % margin: proactive
//   - Answer every question or complaint the customer raises (inbound_query, within 2 days)
//   - Check shortly after each purchase that the product meets expectations, and ask for suggestions (after_purchase, within 7 days)
//   - Suggest improved uses or helpful new products (periodic, every 90 days)
