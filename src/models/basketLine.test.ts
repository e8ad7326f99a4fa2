import { describe, expect, it } from 'vitest';
import { BasketLineSchema, parseBasketLines } from './basketLine.js';

const line = (over: Record<string, unknown> = {}) => ({ id: 'l1', transactionId: 't1', customerId: 'c1', at: '2024-05-01', sku: 'coffee', quantity: 2, unitPrice: 7.5, ...over });

describe('BasketLineSchema', () => {
  it('extends OrderLineSchema: ids become strings, quantity defaults to 1, price and category are optional', () => {
    const parsed = BasketLineSchema.parse({ transactionId: 9, customerId: 3, at: 0, sku: 'x' });
    expect(parsed).toEqual({ transactionId: '9', customerId: '3', at: new Date(0), sku: 'x', quantity: 1 });
    expect(BasketLineSchema.parse(line({ category: 'hot drinks' })).category).toBe('hot drinks');
  });

  it.each([
    ['a negative quantity', { quantity: -1 }, 'quantity'],
    ['a zero quantity', { quantity: 0 }, 'quantity'],
    ['a negative price', { unitPrice: -0.01 }, 'unitPrice'],
    ['a missing transaction', { transactionId: undefined }, 'transactionId'],
    ['an empty sku', { sku: '' }, 'sku'],
    ['an impossible date', { at: '2024-02-30' }, 'at'],
  ])('rejects %s at its path', (_name, over, field) => {
    const result = BasketLineSchema.safeParse(line(over));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual([field]);
  });
});

describe('parseBasketLines', () => {
  it('returns valid and rejected rows with reasons and original input, dropping nothing', () => {
    const rows = [
      line(),
      line({ id: 'l2', transactionId: 't9' }),
      line({ id: 'l1', sku: 'mug' }),
      line({ id: 'l3', quantity: -2 }),
      line({ id: 'l4', customerId: 'c2' }),
      line({ id: 'l5', unitPrice: -1 }),
    ];
    const { valid, validIndices, rejected } = parseBasketLines(rows, { transactions: [{ id: 't1', customerId: 'c1' }] });
    expect(validIndices).toEqual([0]);
    expect(valid).toHaveLength(1);
    expect(rejected.map((r) => [r.index, r.issues.map((i) => [i.code, i.path.join('.')])])).toEqual([
      [1, [['unknown_transaction', 'rows.1.transactionId']]],
      [2, [['duplicate_id', 'rows.2']]],
      [3, [['too_small', 'rows.3.quantity']]],
      [4, [['transaction_customer_mismatch', 'rows.4.customerId']]],
      [5, [['too_small', 'rows.5.unitPrice']]],
    ]);
    expect(rejected[0]?.input).toBe(rows[1]);
    expect(valid.length + rejected.length).toBe(rows.length);
  });

  it('does not check transactions when no list is given, and reports line numbers', () => {
    const { valid, rejected } = parseBasketLines([line({ transactionId: 'anything' }), line({ id: 'l9', sku: 5 })], { pathName: 'lines', lineOf: (i) => i + 2 });
    expect(valid).toHaveLength(1);
    expect(rejected).toMatchObject([{ index: 1, line: 3, issues: [{ path: ['lines', 1, 'sku'] }] }]);
  });

  it('rejects a wrong container or options with a RelmarkError', () => {
    expect(() => parseBasketLines('rows' as never)).toThrow(expect.objectContaining({ code: 'invalid_input' }) as Error);
    expect(() => parseBasketLines([], { transactions: 'no' as never })).toThrow(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['options', 'transactions'] })] }) as Error);
    expect(() => parseBasketLines([], null as never)).toThrow(expect.objectContaining({ code: 'invalid_options' }) as Error);
  });
});
