import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../internal/order.js';
import { reportCustomerColumnsOf, topCustomersByClv } from './reportCustomerColumns.js';

describe('topCustomersByClv', () => {
  it('equals sorting every customer by CLV (ties by id) and taking the first k', () => {
    const customer = fc.record({ customerId: fc.string({ maxLength: 3 }), clv: fc.constantFrom(-1, 0, 1, 2.5, 2.5, 7) }, { requiredKeys: ['customerId'] });
    fc.assert(
      fc.property(fc.uniqueArray(customer, { selector: (c) => c.customerId, maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (customers, k) => {
        const columns = reportCustomerColumnsOf(customers);
        const expected = customers
          .map((c, j) => ({ ...c, j }))
          .filter((c) => c.clv !== undefined)
          .sort((p, q) => (q.clv as number) - (p.clv as number) || compareIds(p.customerId, q.customerId))
          .slice(0, k)
          .map((c) => c.j);
        expect(topCustomersByClv(columns, k)).toEqual(expected);
      }),
    );
  });
});
