import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upcomingOccasions } from './upcomingOccasions.js';

const zones = ['UTC', 'Europe/London', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns'] as const;
const dateArbitrary = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const customerArbitrary = (i: number) =>
  fc.record(
    {
      birthday: fc.option(fc.oneof(dateArbitrary, fc.constantFrom('1996-02-29', '2000-02-29')), { nil: undefined }),
      createdAt: fc.option(fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }), { nil: undefined }),
      timeZone: fc.option(fc.constantFrom(...zones), { nil: undefined }),
      wedding: fc.option(fc.oneof(dateArbitrary, fc.constant('not a date')), { nil: undefined }),
    },
    { requiredKeys: [] },
  ).map((c) => ({
    id: `c${i}`,
    ...(c.birthday === undefined ? {} : { birthday: c.birthday }),
    ...(c.createdAt === undefined ? {} : { createdAt: c.createdAt }),
    ...(c.timeZone === undefined ? {} : { timeZone: c.timeZone }),
    ...(c.wedding === undefined ? {} : { attributes: { wedding: c.wedding } }),
  }));
const customersArbitrary = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customerArbitrary(i))));
const asOfArbitrary = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true });
const horizonArbitrary = fc.integer({ min: 0, max: 364 }).map((d) => (d === 0 ? '1m' : `${d}d`));
const custom = [{ name: 'wedding', attribute: 'wedding' }];

describe('upcomingOccasions laws', () => {
  it('lists every customer and occasion exactly once as dated or missing, and only dated ones are upcoming', () => {
    fc.assert(
      fc.property(customersArbitrary, asOfArbitrary, horizonArbitrary, (customers, asOf, horizon) => {
        const { upcoming, missing } = upcomingOccasions(customers, { asOf, horizon, custom });
        const missingKeys = missing.map((m) => `${m.customerId}/${m.occasion}`);
        expect(new Set(missingKeys).size).toBe(missingKeys.length);
        for (const c of customers) {
          const has = { birthday: c.birthday !== undefined, membership: c.createdAt !== undefined, first_purchase: false, wedding: /^\d{4}-\d{2}-\d{2}$/.test(String(c.attributes?.wedding)) };
          for (const [occasion, dated] of Object.entries(has)) {
            expect(missingKeys.includes(`${c.id}/${occasion}`)).toBe(!dated);
            const found = upcoming.filter((o) => o.customerId === c.id && o.occasion === occasion);
            expect(found.length).toBeLessThanOrEqual(dated ? 1 : 0);
          }
        }
      }),
    );
  });

  it('each upcoming occasion falls in the window, on its month and day (29 February on 28 February in other years)', () => {
    fc.assert(
      fc.property(customersArbitrary, asOfArbitrary, horizonArbitrary, (customers, asOf, horizon) => {
        const days = horizon.endsWith('d') ? Number(horizon.slice(0, -1)) : 0;
        for (const o of upcomingOccasions(customers, { asOf, horizon, custom }).upcoming) {
          expect(o.daysUntil).toBeGreaterThanOrEqual(0);
          expect(o.daysUntil).toBeLessThanOrEqual(days);
          const year = Number(o.date.slice(0, 4));
          const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          const expected = o.originalDate.slice(5) === '02-29' && !leap ? '02-28' : o.originalDate.slice(5);
          expect(o.date.slice(5)).toBe(expected);
          expect(o.years).toBe(year - Number(o.originalDate.slice(0, 4)));
          // startsAt is the local midnight of `date` in the customer's zone.
          const local = new Intl.DateTimeFormat('en-CA', { timeZone: o.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(o.startsAt);
          expect(local).toBe(o.date);
        }
      }),
    );
  });

  it('does not depend on the order of customers', () => {
    fc.assert(
      fc.property(customersArbitrary, asOfArbitrary, horizonArbitrary, (customers, asOf, horizon) => {
        const forward = upcomingOccasions(customers, { asOf, horizon, custom });
        expect(upcomingOccasions([...customers].reverse(), { asOf, horizon, custom })).toEqual(forward);
      }),
    );
  });
});
