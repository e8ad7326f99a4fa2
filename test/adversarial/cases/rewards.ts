import {
  assignTier,
  csatScore,
  loyaltyLadder,
  netPromoterScore,
  parsePointsLedger,
  pointsBalance,
  pointsLiability,
  qualifyingActivityFrom,
  recommendRelationshipLevel,
  serviceResponsiveness,
  summarizeFeedback,
} from '../../../src/rewards/index.js';
import type { SweepCase } from '../run.js';

const entries = () => [
  { type: 'earn', id: 'e1', customerId: 'ada', at: '2024-01-10', points: 300, expiresAt: '2025-01-15' },
  { type: 'earn', id: 'e2', customerId: 'ada', at: '2024-03-05', points: 200, availableAt: '2024-04-04' },
  { type: 'redeem', id: 'r1', customerId: 'ada', at: '2024-03-20', points: 120 },
  { type: 'earn', id: 'e3', customerId: 'bob', at: '2024-02-01', points: 50, idempotencyKey: 'order-7' },
];
const feedback = () => {
  const base = { channel: 'email', direction: 'inbound', purpose: 'feedback', outcome: 'responded' } as const;
  return [
    { ...base, id: 1, customerId: 'a', at: '2024-01-05', feedback: { kind: 'nps', score: 10 } },
    { ...base, id: 2, customerId: 'b', at: '2024-01-20', feedback: { kind: 'nps', score: 4 } },
    { ...base, id: 3, customerId: 'a', at: '2024-02-02', feedback: { kind: 'csat', score: 5 } },
  ];
};
const program = () => ({
  tiers: [{ id: 'member', name: 'Member', rank: 0 }, { id: 'silver', name: 'Silver', rank: 1 }, { id: 'gold', name: 'Gold', rank: 2 }],
  rules: [
    { tierId: 'silver', metric: 'spend', threshold: 500, window: { kind: 'calendar_year' } },
    { tierId: 'gold', metric: 'spend', threshold: 2000, window: { kind: 'calendar_year' } },
  ],
  downgrade: 'one_step',
});

export const rewardsCases: readonly SweepCase[] = [
  { area: 'rewards', name: 'parsePointsLedger', args: () => [entries()], call: (e) => parsePointsLedger(e as never) },
  {
    area: 'rewards',
    name: 'pointsBalance',
    args: () => [entries(), { asOf: '2024-03-31', policy: { expiry: { kind: 'end_of_period', period: 'year' } } }],
    call: (e, o) => pointsBalance(e as never, o as never),
  },
  {
    area: 'rewards',
    name: 'pointsLiability',
    args: () => [pointsBalance(entries() as never, { asOf: '2024-06-30' }), { asOf: '2024-06-30', pointValue: 0.01, breakageRate: 0.2 }],
    call: (b, o) => pointsLiability(b as never, o as never),
  },
  {
    area: 'rewards',
    name: 'assignTier',
    args: () => [[{ customerId: 'ada', at: '2023-03-01', metric: 'spend', amount: 2500 }, { customerId: 'ada', at: '2024-02-01', metric: 'spend', amount: 100 }], { asOf: '2024-06-30', program: program() }],
    call: (a, o) => assignTier(a as never, o as never),
  },
  {
    area: 'rewards',
    name: 'qualifyingActivityFrom',
    args: () => [{ transactions: [{ id: 't1', customerId: 'c1', at: '2024-02-01', amount: 80 }], entries: [{ type: 'earn', id: 'e1', customerId: 'c1', at: '2024-02-01', points: 80 }] }],
    call: (s) => qualifyingActivityFrom(s as never),
  },
  { area: 'rewards', name: 'netPromoterScore', args: () => [[10, 9, 9, 8, 7, 6, 3, 10, 9, 5], { confidence: 0.9 }], call: (s, o) => netPromoterScore(s as never, o as never) },
  { area: 'rewards', name: 'csatScore', args: () => [[5, 4, 4, 3, 5, 2, 4, 5], {}], call: (s, o) => csatScore(s as never, o as never) },
  { area: 'rewards', name: 'summarizeFeedback', args: () => [feedback(), { asOf: '2024-03-01', period: 'month', segments: { a: 'vip' } }], call: (i, o) => summarizeFeedback(i as never, o as never) },
  {
    area: 'rewards',
    name: 'loyaltyLadder',
    args: () => [
      {
        transactions: [{ customerId: 'ada', at: '2024-01-05', amount: 40 }, { customerId: 'ada', at: '2024-02-05', amount: 25 }, { customerId: 'bob', at: '2024-02-10', amount: 90 }],
        interactions: [{ id: 'f1', customerId: 'ada', channel: 'web', direction: 'inbound', purpose: 'feedback', outcome: 'responded', at: '2024-03-01', feedback: { kind: 'nps', score: 9 } }],
      },
      { asOf: '2024-06-30', customerIds: ['cy'] },
    ],
    call: (s, o) => loyaltyLadder(s as never, o as never),
  },
  { area: 'rewards', name: 'recommendRelationshipLevel', args: () => [{ customerCount: 250_000, margin: 0.45 }, {}], call: (s, b) => recommendRelationshipLevel(s as never, b as never) },
  {
    area: 'rewards',
    name: 'serviceResponsiveness',
    args: () => [
      [
        { id: 'q1', customerId: 'a', channel: 'email', direction: 'inbound', purpose: 'service', outcome: 'delivered', at: '2024-05-01T09:00:00Z' },
        { id: 'r1', customerId: 'a', channel: 'email', direction: 'outbound', purpose: 'service', outcome: 'delivered', at: '2024-05-01T15:00:00Z' },
        { id: 'c1', customerId: 'b', channel: 'phone', direction: 'inbound', purpose: 'service', outcome: 'complained', at: '2024-05-02T10:00:00Z' },
      ],
      { asOf: '2024-05-04T10:00:00Z', targetHours: 24 },
    ],
    call: (i, o) => serviceResponsiveness(i as never, o as never),
  },
];
