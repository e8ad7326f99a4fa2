import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../../test/helpers/thrownRelmarkError.js';
import type { InteractionInput } from '../../models/interaction.js';
import { loyaltyLadder } from './loyaltyLadder.js';

const buys = (customerId: string, n: number) => Array.from({ length: n }, (_, i) => ({ customerId, at: `2024-01-${String(i + 1).padStart(2, '0')}`, amount: 10 }));
const answer = (id: string, customerId: string, at: string, kind: 'nps' | 'csat', score: number): InteractionInput =>
  ({ id, customerId, channel: 'web', direction: 'inbound', purpose: 'feedback', outcome: 'responded', at, feedback: { kind, score } }) as InteractionInput;
const refer = (referrerId: string, n: number) => Array.from({ length: n }, (_, i) => ({ referrerId, at: `2024-02-${String(i + 1).padStart(2, '0')}` }));

describe('loyaltyLadder', () => {
  it.each([
    ['no purchase', { transactions: [], interactions: [answer('f', 'c', '2024-03-01', 'nps', 10)] }, 'prospect'],
    ['one purchase', { transactions: buys('c', 1) }, 'purchaser'],
    ['a repeat customer without feedback', { transactions: buys('c', 3) }, 'client'],
    ['a repeat customer, CSAT 4', { transactions: buys('c', 3), interactions: [answer('f', 'c', '2024-03-01', 'csat', 4)] }, 'supporter'],
    ['a repeat customer, NPS 8', { transactions: buys('c', 3), interactions: [answer('f', 'c', '2024-03-01', 'nps', 8)] }, 'supporter'],
    ['a repeat customer, NPS 6', { transactions: buys('c', 3), interactions: [answer('f', 'c', '2024-03-01', 'nps', 6)] }, 'client'],
    ['a repeat customer, NPS 9', { transactions: buys('c', 3), interactions: [answer('f', 'c', '2024-03-01', 'nps', 9)] }, 'advocate'],
    ['a repeat customer with a referral', { transactions: buys('c', 2), referrals: refer('c', 1) }, 'advocate'],
    ['6 purchases and 3 referrals', { transactions: buys('c', 6), referrals: refer('c', 3) }, 'partner'],
    ['3 referrals but 5 purchases', { transactions: buys('c', 5), referrals: refer('c', 3) }, 'advocate'],
  ])('places %s', (_name, sources, stage) => {
    expect(loyaltyLadder(sources, { asOf: '2024-12-31' })[0]?.stage).toBe(stage);
  });

  it('reads the latest feedback up to asOf and gives the evidence', () => {
    const sources = { transactions: buys('c', 2), interactions: [answer('f1', 'c', '2024-03-01', 'nps', 10), answer('f2', 'c', '2024-05-01', 'nps', 3)] };
    expect(loyaltyLadder(sources, { asOf: '2024-04-01' })[0]).toMatchObject({
      stage: 'advocate',
      evidence: { purchases: 2, referrals: 0, latestFeedback: { kind: 'nps', score: 10, at: '2024-03-01T00:00:00.000Z' } },
    });
    expect(loyaltyLadder(sources, { asOf: '2024-06-01' })[0]).toMatchObject({ stage: 'client', reasons: ['purchaser: 2 purchases', 'client: 2 purchases (at least 2)'] });
  });

  it('takes thresholds as options, and refunds do not remove purchases', () => {
    const transactions = [...buys('c', 1).map((t) => ({ ...t, id: 't1' })), { id: 'r1', customerId: 'c', at: '2024-01-02', amount: 10, kind: 'refund' as const, refundOf: 't1' }];
    expect(loyaltyLadder({ transactions }, { asOf: '2024-12-31', clientMinPurchases: 1 })[0]?.stage).toBe('client');
  });

  it('returns [] for no data and lists extra customers as prospects', () => {
    expect(loyaltyLadder({}, { asOf: '2024-01-01' })).toEqual([]);
    expect(loyaltyLadder({}, { asOf: '2024-01-01', customerIds: [2, 1] }).map((p) => [p.customerId, p.stage])).toEqual([['1', 'prospect'], ['2', 'prospect']]);
  });

  it('rejects bad rows from every source with their paths, and bad options', () => {
    const error = errorOf(() =>
      loyaltyLadder({ transactions: [{ customerId: 'c', at: '2024-01-01', amount: -5 }], referrals: [{ referrerId: '', at: '2024-01-01' }] }, { asOf: '2024-12-31' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['transactions', 0, 'amount'], ['referrals', 0, 'referrerId']]);
    expect(errorOf(() => loyaltyLadder({}, { asOf: '2024-12-31', clientMinPurchases: 0 })).code).toBe('invalid_options');
  });
});
