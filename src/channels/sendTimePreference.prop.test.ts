import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendTimePreference } from 'relmark/channels';
import { interactionsArbitrary } from 'relmark/testing';

const asOf = new Date('2024-06-30T00:00:00Z');
const zones = fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata');

describe('sendTimePreference laws', () => {
  it('gives profiles of 168 non-negative shares summing to 1, with the best hour at the largest share', () => {
    fc.assert(
      fc.property(interactionsArbitrary(), zones, fc.double({ min: 0, max: 50, noNaN: true }), (rows, timeZone, smoothing) => {
        const result = sendTimePreference(rows, { asOf, timeZone, smoothing });
        for (const profile of [result.population, ...result.customers.map((c) => c.hourOfWeek)]) {
          expect(profile).toHaveLength(168);
          expect(profile.every((share) => share >= 0)).toBe(true);
          expect(Math.abs(profile.reduce((sum, share) => sum + share, 0) - 1)).toBeLessThan(1e-12);
        }
        for (const customer of result.customers) {
          expect(customer.hourOfWeek[customer.bestHourOfWeek]).toBe(Math.max(...customer.hourOfWeek));
          expect(customer.bestDay).toBe(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][Math.floor(customer.bestHourOfWeek / 24)]);
        }
      }),
    );
  });

  it('does not depend on the order of the interactions and does not mutate them', () => {
    fc.assert(
      fc.property(
        interactionsArbitrary().chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        zones,
        ([rows, shuffled], timeZone) => {
          const snapshot = structuredClone(rows);
          const first = sendTimePreference(Object.freeze(rows), { asOf, timeZone });
          const second = sendTimePreference(shuffled, { asOf, timeZone });
          expect(second.customers.map((c) => [c.customerId, c.bestHourOfWeek])).toEqual(first.customers.map((c) => [c.customerId, c.bestHourOfWeek]));
          second.customers.forEach((customer, i) =>
            customer.hourOfWeek.forEach((share, h) => expect(Math.abs(share - (first.customers[i]?.hourOfWeek[h] ?? Number.NaN))).toBeLessThan(1e-12)),
          );
          expect(rows).toEqual(snapshot);
        },
      ),
    );
  });
});
