import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactScenarioArbitrary } from '../testing/contact.js';
import { contactPressure } from './contactPressure.js';
import { overdueCustomers } from './overdueCustomers.js';

const day = 86_400_000;
// Scenarios from the planner's generator, with a silence limit per segment and values on customers.
const scenarios = fc
  .tuple(contactScenarioArbitrary(), fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 12 }))
  .map(([scenario, values, silenceDays]) => ({
    ...scenario,
    customers: scenario.customers.map((c, i) => ({ ...c, attributes: { segment: i % 2 === 0 ? 'even' : 'odd', ...(values[i] === undefined ? {} : { value: values[i] }) } })),
    policy: { ...scenario.policy, underContact: [{ segment: 'even', maxSilence: `${silenceDays}d` }, { maxSilence: `${2 * silenceDays}d` }] },
    silenceDays,
  }));

describe('overdueCustomers laws', () => {
  it('lists exactly the customers silent longer than their segment allows, most valuable first', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const asOf = Date.parse(s.asOf);
        const overdue = overdueCustomers(s.customers, s.history, s.policy, s.asOf);
        const expected = s.customers.filter((c) => {
          const useful = s.history.filter((h) => h.customerId === c.id && h.direction === 'outbound' && h.outcome !== 'bounced' && h.purpose !== 'transactional');
          const last = Math.max(...useful.map((h) => Date.parse(String(h.at))));
          const limit = (c.attributes.segment === 'even' ? 1 : 2) * s.silenceDays * day;
          return useful.length === 0 || asOf - last > limit;
        });
        expect(overdue.map((o) => o.customerId).toSorted()).toEqual(expected.map((c) => c.id).toSorted());
        const values = overdue.map((o) => o.value ?? Number.NEGATIVE_INFINITY);
        expect(values).toEqual(values.toSorted((a, b) => b - a));
      }),
    );
  });

  it('marks undersaturated exactly the overdue customers that no cap saturates, and never mutates input', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const frozen = structuredClone(s);
        const rows = contactPressure(s.history, s.policy, s.asOf, { customers: s.customers });
        expect(s).toEqual(frozen);
        const overdue = new Set(overdueCustomers(s.customers, s.history, s.policy, s.asOf).map((o) => o.customerId));
        for (const row of rows) {
          const saturated = row.caps.some((c) => c.headroom <= 0);
          expect(row.status).toBe(saturated ? 'saturated' : overdue.has(row.customerId) ? 'undersaturated' : 'on_target');
          expect(row.headroom).toBe(row.caps.length === 0 ? null : Math.min(...row.caps.map((c) => c.max - c.count)));
        }
      }),
    );
  });
});
