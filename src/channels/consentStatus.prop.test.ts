import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelConsent } from '../models/consent.js';
import { consentStatus } from './consentStatus.js';

// Few channels, purposes and instants, so that a grant and a withdrawal of one consent often share an instant.
const day = 86_400_000;
const base = Date.UTC(2024, 0, 1);
const channels = ['email', 'sms'] as const;
const purposes = ['marketing', 'service'] as const;
const eventArb: fc.Arbitrary<ChannelConsent> = fc.record({
  channel: fc.constantFrom(...channels),
  purpose: fc.constantFrom(...purposes),
  status: fc.constantFrom('granted' as const, 'withdrawn' as const),
  at: fc.integer({ min: 0, max: 3 }).map((d) => new Date(base + d * day)),
});
const asOfArb = fc.option(fc.integer({ min: -1, max: 4 }).map((d) => base + d * day), { nil: undefined });

describe('consentStatus laws', () => {
  it('gives the same decision for any permutation of the consent records', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 10 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
        asOfArb,
        ([events, permuted], asOf) => {
          for (const channel of channels) {
            for (const purpose of purposes) {
              const options = asOf === undefined ? {} : { asOf };
              expect(consentStatus(permuted, channel, purpose, options)).toBe(consentStatus(events, channel, purpose, options));
            }
          }
        },
      ),
    );
  });

  it('is the status of the latest event at or before asOf, a withdrawal winning a tie', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), asOfArb, (events, asOf) => {
        for (const channel of channels) {
          for (const purpose of purposes) {
            const own = events.filter((e) => e.channel === channel && e.purpose === purpose && e.at.getTime() <= (asOf ?? Infinity));
            const last = Math.max(...own.map((e) => e.at.getTime()));
            const atLast = own.filter((e) => e.at.getTime() === last).map((e) => e.status);
            const expected = atLast.length === 0 ? 'none' : atLast.includes('withdrawn') ? 'withdrawn' : 'granted';
            expect(consentStatus(events, channel, purpose, asOf === undefined ? {} : { asOf })).toBe(expected);
          }
        }
      }),
    );
  });

  it('does not mutate its (frozen) input', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), (events) => {
        const before = structuredClone(events);
        consentStatus(Object.freeze(events.map((e) => Object.freeze(e))), 'sms', 'marketing');
        expect(events).toEqual(before);
      }),
    );
  });
});
