import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../models/interaction.js';
import { loyaltyLadder, loyaltyLadderStages } from './loyaltyLadder.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
const customer = fc.nat({ max: 3 }).map((i) => `c${i}`);
const transactions = fc.array(fc.record({ customerId: customer, at: fc.nat({ max: 300 }).map(day), amount: fc.integer({ min: 1, max: 100 }) }), { maxLength: 25 });
const referrals = fc.array(fc.record({ referrerId: customer, at: fc.nat({ max: 300 }).map(day) }), { maxLength: 8 });
const interactions = fc
  .array(fc.record({ customerId: customer, at: fc.nat({ max: 300 }).map(day), nps: fc.boolean(), score: fc.nat({ max: 10 }) }), { maxLength: 10 })
  .map((rows) =>
    rows.map(({ customerId, at, nps, score }, i): InteractionInput => ({
      id: `f${i}`,
      customerId,
      channel: 'web',
      direction: 'inbound',
      purpose: 'feedback',
      outcome: 'responded',
      at,
      feedback: nps ? { kind: 'nps', score } : { kind: 'csat', score: 1 + (score % 5) },
    })),
  );
const rank = (stage: string) => loyaltyLadderStages.indexOf(stage as (typeof loyaltyLadderStages)[number]);

describe('loyaltyLadder laws', () => {
  it('more purchases or referrals never lower a rung', () => {
    fc.assert(
      fc.property(transactions, interactions, referrals, transactions, referrals, (t, i, r, moreT, moreR) => {
        const before = loyaltyLadder({ transactions: t, interactions: i, referrals: r }, { asOf: '2024-12-31' });
        const after = new Map(loyaltyLadder({ transactions: [...t, ...moreT], interactions: i, referrals: [...r, ...moreR] }, { asOf: '2024-12-31' }).map((p) => [p.customerId, p.stage]));
        for (const p of before) expect(rank(after.get(p.customerId) as string)).toBeGreaterThanOrEqual(rank(p.stage));
      }),
    );
  });

  it('does not depend on input order and gives one reason per rung', () => {
    fc.assert(
      fc.property(
        transactions.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length }))),
        interactions.chain((i) => fc.tuple(fc.constant(i), fc.shuffledSubarray(i, { minLength: i.length }))),
        referrals,
        ([t, tShuffled], [i, iShuffled], r) => {
          const result = loyaltyLadder({ transactions: t, interactions: i, referrals: r }, { asOf: '2024-08-01' });
          expect(loyaltyLadder({ transactions: tShuffled, interactions: iShuffled, referrals: [...r].reverse() }, { asOf: '2024-08-01' })).toEqual(result);
          for (const p of result) expect(p.reasons).toHaveLength(rank(p.stage));
        },
      ),
    );
  });
});
