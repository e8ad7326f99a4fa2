import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelPreferences, chooseChannel } from 'relmark/channels';
import { channelConsentsArbitrary, interactionsArbitrary } from 'relmark/testing';

const asOf = new Date('2024-06-30T00:00:00Z');
const channels = ['email', 'sms', 'push'];

describe('chooseChannel laws', () => {
  it('never chooses a channel without consent, an unreachable channel or an excluded one; the same seed gives the same choice', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary({ customerIds: ['a', 'b'], channels }),
        fc.record({ a: channelConsentsArbitrary(), b: channelConsentsArbitrary() }),
        fc.dictionary(fc.constantFrom('a', 'b'), fc.subarray(channels)),
        fc.subarray(channels),
        fc.constantFrom('best' as const, 'thompson' as const),
        fc.integer(),
        (rows, consents, reachability, exclude, strategy, seed) => {
          const result = channelPreferences(rows, { asOf, consents, reachability, channels });
          for (const customer of result.customers) {
            const choice = chooseChannel(customer, { strategy, seed, exclude });
            if (choice === undefined) {
              expect(customer.channels.every((entry) => exclude.includes(entry.channel))).toBe(true);
              continue;
            }
            expect(customer.blocked.map((entry) => entry.channel)).not.toContain(choice.channel);
            expect(reachability[customer.customerId] ?? []).toContain(choice.channel);
            expect(exclude).not.toContain(choice.channel);
            expect(chooseChannel(customer, { strategy, seed, exclude })).toEqual(choice);
          }
        },
      ),
    );
  });
});
