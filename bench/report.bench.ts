import { bench, describe } from 'vitest';
import { createRandom } from '../src/internal/random.js';
import { renderHtmlReport, type ReportCustomer } from '../src/report/index.js';

/** Seeded synthetic customers with every field the report's charts read. */
function benchCustomers(n: number, seed = 20261123): ReportCustomer[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const T = 1 + 77 * random();
    const x = Math.floor(-Math.log(1 - random()) * 3);
    const tx = x === 0 ? 0 : T * random();
    return {
      customerId: `c${String(i).padStart(7, '0')}`,
      segment: ['Champions', 'Loyal', 'At Risk', 'Lost'][i % 4] as string,
      r: 1 + Math.floor(5 * random()),
      f: 1 + Math.floor(5 * random()),
      x,
      tx,
      T,
      probabilityAlive: random(),
      expectedPurchases: 5 * random(),
      clv: -Math.log(1 - random()) * 100,
    };
  });
}

const segments = ['Champions', 'Loyal', 'At Risk', 'Lost'].map((segment) => ({ segment, customers: 1, customerShare: 0.25, revenue: 1, revenueShare: 0.25, action: 'act' }));

describe('renderHtmlReport', () => {
  for (const n of [10_000, 100_000]) {
    const customers = benchCustomers(n);
    bench(`${n.toLocaleString('en-US')} customers, every chart`, () => {
      renderHtmlReport({ asOf: '2026-01-01', segments, customers, repeatPurchases: [{ label: '0', actual: 1, expected: 1 }] });
    });
  }
});
