import { describe, expect, it } from 'vitest';
import { parseTransactions } from './parseTransactions.js';

const purchase = { id: 'p1', customerId: 'c1', at: '2024-01-10', amount: 50, currency: 'EUR' };

describe('parseTransactions', () => {
  it('accepts refunds that together stay within their purchase, even with cent rounding', () => {
    const { valid, rejected } = parseTransactions([
      { ...purchase, amount: 0.3 },
      { id: 'r1', customerId: 'c1', at: '2024-01-11', amount: 0.1, currency: 'EUR', kind: 'refund', refundOf: 'p1' },
      { id: 'r2', customerId: 'c1', at: '2024-01-12', amount: 0.2, currency: 'EUR', kind: 'refund', refundOf: 'p1' },
    ]);
    expect(rejected).toEqual([]);
    expect(valid).toHaveLength(3);
  });

  it.each([
    ['unknown_purchase', { refundOf: 'nope' }, 'refundOf'],
    ['refund_customer_mismatch', { customerId: 'c2' }, 'customerId'],
    ['refund_currency_mismatch', { currency: 'USD' }, 'currency'],
    ['refund_before_purchase', { at: '2024-01-01' }, 'at'],
    ['refund_exceeds_purchase', { amount: 50.01 }, 'amount'],
  ])('rejects a refund with %s, naming the field', (code, change, field) => {
    const refund = { id: 'r1', customerId: 'c1', at: '2024-01-11', amount: 10, currency: 'EUR', kind: 'refund', refundOf: 'p1', ...change };
    const { valid, rejected } = parseTransactions([purchase, refund]);
    expect(valid.map((t) => t.id)).toEqual(['p1']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.issues).toEqual([expect.objectContaining({ code, path: ['rows', 1, field] })]);
  });

  it('judges cumulative refunds in time order, not input order', () => {
    const { rejected } = parseTransactions([
      purchase,
      { id: 'late', customerId: 'c1', at: '2024-02-01', amount: 30, currency: 'EUR', kind: 'refund', refundOf: 'p1' },
      { id: 'early', customerId: 'c1', at: '2024-01-15', amount: 30, currency: 'EUR', kind: 'refund', refundOf: 'p1' },
    ]);
    expect(rejected.map((r) => r.index)).toEqual([1]);
    expect(rejected[0]?.issues[0]?.message).toBe('Refunds of purchase "p1" would total 60 but it was 50 (exceeds by 10)');
  });

  it('rejects a repeated transaction id and keeps the first', () => {
    const { validIndices, rejected } = parseTransactions([purchase, { ...purchase }]);
    expect(validIndices).toEqual([0]);
    expect(rejected[0]?.issues[0]?.code).toBe('duplicate_id');
  });
});
