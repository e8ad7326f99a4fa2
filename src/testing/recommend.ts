import fc from 'fast-check';
import type { BasketLine } from '../models/basketLine.js';

/** Constraints for {@link basketLinesArbitrary}. @category Arbitraries */
export interface BasketLinesConstraints {
  /** Most baskets (transactions). @defaultValue 12 */
  readonly maxBaskets?: number;
  /** Size of the catalogue: skus `p0` … `p<n−1>`. @defaultValue 6 */
  readonly products?: number;
  /** Most distinct products in one basket. @defaultValue 4 */
  readonly maxBasketSize?: number;
  /** Number of customers: ids `c0` … `c<n−1>`. @defaultValue 4 */
  readonly customers?: number;
  /** The latest `at` of a line (epoch ms); lines fall in the 60 days before it. @defaultValue Date.parse('2024-06-01') */
  readonly latest?: number;
}

const msPerDay = 86_400_000;

/**
 * Order lines of generated baskets, as `BasketLineSchema` produces them (`at` a `Date`): each
 * basket is one transaction of one customer on one day, with distinct products from a small
 * catalogue (so that products co-occur and rules form), and line ids `l0, l1, …`. Lines of one
 * basket are adjacent; shuffle them to test order independence.
 * @param constraints - Sizes of the catalogue, baskets and customers.
 * @returns An arbitrary of validated basket lines.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { basketLinesArbitrary } from 'relmark/testing';
 * import { BasketLineSchema } from 'relmark/models';
 * const [lines] = fc.sample(basketLinesArbitrary({ maxBaskets: 5 }), { numRuns: 1, seed: 7 });
 * lines?.every((line) => BasketLineSchema.safeParse(line).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function basketLinesArbitrary(constraints: BasketLinesConstraints = {}): fc.Arbitrary<BasketLine[]> {
  const products = constraints.products ?? 6;
  const maxBasketSize = Math.min(constraints.maxBasketSize ?? 4, products);
  const customers = constraints.customers ?? 4;
  const latest = constraints.latest ?? Date.parse('2024-06-01');
  const basket = fc.record({
    items: fc.uniqueArray(fc.integer({ min: 0, max: products - 1 }), { minLength: 1, maxLength: maxBasketSize }),
    customer: fc.integer({ min: 0, max: customers - 1 }),
    daysBefore: fc.integer({ min: 0, max: 60 }),
    quantity: fc.integer({ min: 1, max: 3 }),
  });
  return fc.array(basket, { minLength: 0, maxLength: constraints.maxBaskets ?? 12 }).map((baskets) => {
    const lines: BasketLine[] = [];
    baskets.forEach((b, t) => {
      for (const item of b.items) {
        lines.push({
          id: `l${lines.length}`,
          transactionId: `t${t}`,
          customerId: `c${b.customer}`,
          at: new Date(latest - b.daysBefore * msPerDay),
          sku: `p${item}`,
          quantity: b.quantity,
        });
      }
    });
    return lines;
  });
}
