import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelPreferences } from 'relmark/channels';
import { planContacts } from 'relmark/contact';

// Issue #17: relmark decides consent in one place. For the same consent records (all at or before
// asOf), the contact planner suppresses a candidate for lack of consent exactly when
// channelPreferences blocks its channel for consent, whatever the order of the records.
const channels = ['email', 'sms'] as const;
const purposes = ['marketing', 'service'] as const;
const instants = ['2024-03-01T00:00:00Z', '2024-04-01T09:00:00Z', '2024-05-01T00:00:00Z'];
const asOf = '2024-06-01T00:00:00Z';
const record = fc.record({
  channel: fc.constantFrom(...channels),
  purpose: fc.constantFrom(...purposes),
  status: fc.constantFrom('granted' as const, 'withdrawn' as const),
  at: fc.constantFrom(...instants),
});

describe('consent across relmark/contact and relmark/channels', () => {
  it('both areas reach the same decision for any records in any order', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }).chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }))),
        ([records, shuffled]) => {
          const plan = planContacts({
            customers: [{ id: 'c', consents: records }],
            history: [],
            candidates: channels.flatMap((channel) => purposes.map((purpose) => ({ id: `${channel}/${purpose}`, customerId: 'c', channel, purpose }))),
            // The channel functions' default: an explicit grant is needed for marketing, not for service.
            policy: { fallbackTimeZone: 'UTC', consentRequiredFor: ['marketing'] },
            asOf,
            horizon: '1d',
          });
          const plannerBlocks = new Set(plan.suppressed.filter((s) => s.reason === 'no_consent').map((s) => s.candidateId));
          for (const purpose of purposes) {
            const result = channelPreferences([], { asOf, prior: { alpha: 1, beta: 1 }, purpose, channels: [...channels], consents: { c: shuffled } });
            const blocked = new Set((result.customers[0]?.blocked ?? []).filter((b) => b.reason !== 'unreachable').map((b) => b.channel));
            for (const channel of channels) expect(blocked.has(channel), `${channel}/${purpose}`).toBe(plannerBlocks.has(`${channel}/${purpose}`));
          }
        },
      ),
    );
  });
});
