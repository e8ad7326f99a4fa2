import { describe, expect, it } from 'vitest';
import { ContactCandidateSchema } from '../contact/contactCandidate.js';
import { planContacts } from '../contact/planContacts.js';
import { recommendationCandidates } from './recommendationCandidates.js';
import { recommendProducts } from './recommendProducts.js';

const at = '2024-05-01';
const lines = (
  [
    ['t1', 'ann', 'coffee'], ['t1', 'ann', 'filters'], ['t2', 'bob', 'coffee'], ['t2', 'bob', 'filters'],
    ['t3', 'cy', 'tea'], ['t3', 'cy', 'mug'], ['t4', 'dee', 'coffee'], ['t5', 'eve', 'tea'],
  ] as const
).map(([transactionId, customerId, sku]) => ({ transactionId, customerId, sku, at }));

describe('recommendationCandidates', () => {
  const recommendations = recommendProducts(lines, { asOf: '2024-06-01', k: 3 });

  it('makes one cross_sell candidate per customer with a recommendation, with its explanation and tags', () => {
    const candidates = recommendationCandidates(recommendations, { priority: 2, channels: { eve: 'sms' }, campaignId: 'june' });
    expect(candidates.map((c) => [c.id, c.channel, c.purpose, c.priority])).toEqual([
      ['cross-sell:dee', 'email', 'cross_sell', 2],
      ['cross-sell:eve', 'sms', 'cross_sell', 2],
    ]);
    expect(candidates[0]).toMatchObject({
      customerId: 'dee',
      expectedValue: 2 / 3,
      campaignId: 'june',
      tags: ['cross_sell', 'sku:filters'],
      explanation: 'filters: bought coffee; 67% of baskets with coffee also have filters, lift 1.7',
    });
    for (const c of candidates) expect(ContactCandidateSchema.parse(c)).toEqual(c);
  });

  it('feeds planContacts, which arbitrates them like any candidate (consent, quiet hours, caps)', () => {
    const candidates = recommendationCandidates(recommendations, { earliest: '2024-06-03T09:00:00Z' });
    // A cross-sell is marketing: without a consent of its own it follows the marketing consent.
    const marketing = (channel: string) => [{ channel, purpose: 'marketing' as const, status: 'granted' as const, at: '2024-01-01' }];
    const withoutConsent = planContacts({
      customers: [{ id: 'dee' }, { id: 'eve', consents: marketing('email') }],
      history: [],
      candidates,
      policy: { fallbackTimeZone: 'UTC' },
      asOf: '2024-06-01T00:00:00Z',
      horizon: '7d',
    });
    expect(withoutConsent.suppressed.map((s) => [s.candidateId, s.reason])).toEqual([['cross-sell:dee', 'no_consent']]);
    const plan = planContacts({
      customers: [{ id: 'dee', consents: marketing('email') }, { id: 'eve', consents: marketing('email') }],
      history: [],
      candidates,
      policy: { fallbackTimeZone: 'UTC', caps: [{ id: 'one', scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } }] },
      asOf: '2024-06-01T00:00:00Z',
      horizon: '7d',
    });
    const decided = [...plan.scheduled.map((s) => s.candidateId), ...plan.suppressed.map((s) => s.candidateId)].sort();
    expect(decided).toEqual(['cross-sell:dee', 'cross-sell:eve']);
    expect(plan.scheduled.length).toBe(2);
  });

  it('rejects input that is not a recommendProducts result, and a window that ends before it starts', () => {
    expect(() => recommendationCandidates([{ customerId: 'a' }] as never)).toThrow(expect.objectContaining({ code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path: ['recommendations', 0, 'method'] })]) as unknown }) as Error);
    expect(() => recommendationCandidates(recommendations, { earliest: '2024-06-02', latest: '2024-06-01' })).toThrow(expect.objectContaining({ code: 'invalid_options' }) as Error);
    expect(() => recommendationCandidates(recommendations, { channel: 'Pigeon Post' as never })).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['options', 'channel'] })] }) as Error);
  });
});
