import { describe, expect, it } from 'vitest';
import { summarizeRfm } from './summarizeRfm.js';
import { summarizeRfmCustomers } from './summarizeRfmCustomers.js';
import { thrownRelmarkError as thrown } from '../../test/helpers/thrownRelmarkError.js';

describe('summarizeRfmCustomers', () => {
  it('gives the same summaries as summarizeRfm on the transactions the rows aggregate', () => {
    const fromTransactions = summarizeRfm(
      [
        { customerId: 'b', at: '2024-01-05', amount: 10 },
        { customerId: 'a', at: '2024-02-01', amount: 30 },
        { customerId: 'a', at: '2024-03-01', amount: 50 },
      ],
      { asOf: '2024-03-31', timeUnit: 'week', monetary: 'mean' },
    );
    const fromRows = summarizeRfmCustomers(
      [
        { customerId: 'b', firstPurchaseAt: '2024-01-05', lastPurchaseAt: '2024-01-05', orders: 1, revenue: 10 },
        { customerId: 'a', firstPurchaseAt: '2024-02-01', lastPurchaseAt: '2024-03-01', orders: 2, revenue: 80 },
      ],
      { asOf: '2024-03-31', timeUnit: 'week', monetary: 'mean' },
    );
    expect(fromRows).toEqual(fromTransactions);
  });

  it('rejects last purchases after asOf with future_date, and a first purchase after the last', () => {
    const rows = [
      { customerId: 'a', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-05-01', orders: 1, revenue: 1 },
      { customerId: 'b', firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-02-01', orders: 1, revenue: 1 },
    ];
    const future = thrown(() => summarizeRfmCustomers(rows.slice(0, 1), { asOf: '2024-03-31' }));
    expect([future.code, future.issues.map((i) => i.path)]).toEqual(['future_date', [['rows', 0, 'lastPurchaseAt']]]);
    const both = thrown(() => summarizeRfmCustomers(rows, { asOf: '2024-03-31' }));
    expect([both.code, both.issues.map((i) => i.code)]).toEqual(['invalid_input', ['future_date', 'first_after_last']]);
  });

  it('rejects repeated ids and a missing asOf', () => {
    const row = { customerId: 'a', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-01-01', orders: 1, revenue: 1 };
    expect(thrown(() => summarizeRfmCustomers([row, row], { asOf: '2024-03-31' })).code).toBe('duplicate_id');
    expect(thrown(() => summarizeRfmCustomers([row], {} as never)).code).toBe('invalid_options');
  });
});
