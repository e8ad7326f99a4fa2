import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelPreferences, consentStatus } from 'relmark/channels';
import { channelConsentsArbitrary, interactionsArbitrary } from 'relmark/testing';
import type { ChannelConsent, Interaction } from 'relmark/models';

const asOf = new Date('2024-06-30T00:00:00Z');
const customerIds = ['a', 'b', 'c'];
const channels = ['email', 'sms', 'push'];
const fixedPrior = { alpha: 1.5, beta: 2.5 };

const contextArbitrary = fc.record({
  consents: fc.record({ a: channelConsentsArbitrary(), b: channelConsentsArbitrary(), c: channelConsentsArbitrary() }),
  reachability: fc.option(fc.dictionary(fc.constantFrom(...customerIds), fc.subarray(channels)), { nil: undefined }),
  statedPreferences: fc.dictionary(fc.constantFrom(...customerIds), fc.shuffledSubarray(channels)),
  purpose: fc.constantFrom('marketing' as const, 'service' as const),
}).map(({ reachability, ...rest }) => (reachability === undefined ? rest : { ...rest, reachability }));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('channelPreferences laws', () => {
  it('never returns a channel without consent for the purpose or without reachability', () => {
    fc.assert(
      fc.property(interactionsArbitrary({ customerIds, channels }), contextArbitrary, (rows, context) => {
        const result = channelPreferences(rows, { asOf, prior: fixedPrior, ...context });
        for (const customer of result.customers) {
          const history: ChannelConsent[] = context.consents[customer.customerId as 'a'] ?? [];
          for (const entry of customer.channels) {
            const status = consentStatus(history, entry.channel, context.purpose);
            expect(status === 'granted' || (status === 'none' && context.purpose === 'service')).toBe(true);
            if ('reachability' in context) expect(context.reachability[customer.customerId] ?? []).toContain(entry.channel);
          }
        }
      }),
    );
  });

  it('puts the first stated, permitted preference first', () => {
    fc.assert(
      fc.property(interactionsArbitrary({ customerIds, channels }), contextArbitrary, (rows, context) => {
        const result = channelPreferences(rows, { asOf, ...context });
        for (const customer of result.customers) {
          const permitted = new Set(customer.channels.map((entry) => entry.channel));
          const firstStated = (context.statedPreferences[customer.customerId] ?? []).find((channel) => permitted.has(channel));
          if (firstStated !== undefined) expect(customer.channels[0]).toMatchObject({ channel: firstStated, source: 'stated' });
        }
      }),
    );
  });

  it('never lowers a score (or rank) for an added positive outcome, never raises one for an added negative outcome', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary({ customerIds, channels }),
        fc.constantFrom(...customerIds),
        fc.constantFrom(...channels),
        fc.constantFrom('opened' as const, 'clicked' as const, 'responded' as const, 'converted' as const),
        fc.constantFrom('sent' as const, 'delivered' as const, 'complained' as const, 'unsubscribed' as const),
        fc.integer({ min: 0, max: 200 }),
        (rows, customerId, channel, positive, negative, daysAgo) => {
          const options = { asOf, prior: fixedPrior, consentDefault: 'allow' as const, channels };
          const added = (outcome: Interaction['outcome']): Interaction => ({
            id: 'added',
            customerId,
            channel,
            direction: 'outbound',
            purpose: 'marketing',
            outcome,
            at: new Date(asOf.getTime() - daysAgo * 86_400_000),
          });
          const find = (result: ReturnType<typeof channelPreferences>) => {
            const list = result.customers.find((c) => c.customerId === customerId)?.channels ?? [];
            const rank = list.findIndex((entry) => entry.channel === channel);
            return { rank, score: list[rank]?.score ?? Number.NaN };
          };
          const before = find(channelPreferences(rows, options));
          if (before.rank < 0) return; // the customer had no interaction, so was not ranked before
          const afterPositive = find(channelPreferences([...rows, added(positive)], options));
          const afterNegative = find(channelPreferences([...rows, added(negative)], options));
          expect(afterPositive.score).toBeGreaterThanOrEqual(before.score - 1e-15);
          expect(afterPositive.rank).toBeLessThanOrEqual(before.rank);
          expect(afterNegative.score).toBeLessThanOrEqual(before.score + 1e-15);
        },
      ),
    );
  });

  it('does not depend on the order of the interactions (empirical-Bayes prior included)', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary({ customerIds, channels, maxLength: 40 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        contextArbitrary,
        ([rows, shuffled], context) => {
          const first = channelPreferences(rows, { asOf, empiricalMinCustomers: 2, ...context });
          const second = channelPreferences(shuffled, { asOf, empiricalMinCustomers: 2, ...context });
          const view = (result: typeof first) =>
            result.customers.map((customer) => [customer.customerId, customer.channels.map((entry) => [entry.channel, entry.source]), customer.blocked]);
          expect(view(second)).toEqual(view(first));
          first.customers.forEach((customer, i) =>
            customer.channels.forEach((entry, k) => {
              expect(Math.abs(entry.score - (second.customers[i]?.channels[k]?.score ?? Number.NaN))).toBeLessThanOrEqual(1e-12);
            }),
          );
        },
      ),
    );
  });

  it('gives the Beta posterior mean (α + successes)/(α + β + trials) with no decay and a fixed prior', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary({ customerIds, channels, outcomes: ['clicked', 'responded', 'converted', 'sent', 'delivered'] }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (rows, alpha, beta) => {
          const result = channelPreferences(rows, { asOf, prior: { alpha, beta }, halfLifeDays: Infinity, consentDefault: 'allow', channels });
          for (const customer of result.customers) {
            for (const entry of customer.channels) {
              const mine = rows.filter((row) => row.customerId === customer.customerId && row.channel === entry.channel);
              const successes = mine.filter((row) => ['clicked', 'responded', 'converted'].includes(row.outcome)).length;
              const expected = (alpha + successes) / (alpha + beta + mine.length);
              expect(Math.abs(entry.score - expected)).toBeLessThanOrEqual(1e-14);
            }
          }
        },
      ),
    );
  });

  it('keeps lower ≤ score ≤ upper within [0, 1], for every credible level', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary({ customerIds, channels }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        fc.option(fc.record({ alpha: fc.double({ min: 1e-3, max: 50, noNaN: true }), beta: fc.double({ min: 1e-3, max: 50, noNaN: true }) }), { nil: undefined }),
        (rows, credibleLevel, prior) => {
          const result = channelPreferences(rows, { asOf, credibleLevel, consentDefault: 'allow', ...(prior ? { prior } : {}) });
          for (const entry of result.customers.flatMap((customer) => customer.channels)) {
            expect(0 <= entry.lower && entry.lower <= entry.score && entry.score <= entry.upper && entry.upper <= 1).toBe(true);
          }
        },
      ),
    );
  });

  it('does not mutate its (deeply frozen) inputs', () => {
    fc.assert(
      fc.property(interactionsArbitrary({ customerIds, channels }), contextArbitrary, (rows, context) => {
        const snapshot = structuredClone({ rows, context });
        channelPreferences(deepFreeze(rows), deepFreeze({ asOf, ...context }));
        expect({ rows, context }).toEqual(snapshot);
      }),
    );
  });
});
