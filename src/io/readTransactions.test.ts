import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv.js';
import { parseNdjson } from './parseNdjson.js';
import { readTransactions } from './readTransactions.js';

describe('readTransactions', () => {
  it('maps columns, converts CDNOW dates and reports each rejected row with its line', () => {
    const csv = parseCsv('cust,date,value\n1,19970101,29.33\n2,19970230,10\n3,19970103,\n4,19970104,1e2\n');
    const { valid, rejected } = readTransactions(csv.records, { customerId: 'cust', at: 'date', amount: 'value', dateFormat: 'yyyymmdd' });
    expect(valid.map((t) => [t.customerId, t.at.toISOString().slice(0, 10), t.amount])).toEqual([
      ['1', '1997-01-01', 29.33],
      ['4', '1997-01-04', 100],
    ]);
    expect(rejected.map((r) => [r.line, r.issues.map((i) => i.path.join('.'))])).toEqual([
      [3, ['rows.1.at']],
      [4, ['rows.2.amount']],
    ]);
  });

  it.each([
    ['auto: eight digits', 'auto', '19970930', '1997-09-30T00:00:00.000Z'],
    ['auto: ISO date-time', 'auto', '2014-01-01 10:00:00', '2014-01-01T10:00:00.000Z'],
    ['auto: epoch ms (digits other than eight)', 'auto', '1700000000000', '2023-11-14T22:13:20.000Z'],
    ['epoch_s', 'epoch_s', '86400', '1970-01-02T00:00:00.000Z'],
    ['iso', 'iso', '2024-02-29', '2024-02-29T00:00:00.000Z'],
  ] as const)('reads dates written as %s', (_label, dateFormat, text, iso) => {
    const { valid } = readTransactions([{ customerId: 'a', at: text, amount: '1' }], { dateFormat });
    expect(valid[0]?.at.toISOString()).toBe(iso);
  });

  it.each(['1,234', '12abc', 'NaN', 'Infinity', ''])('rejects the amount %j instead of guessing', (amount) => {
    const { valid, rejected } = readTransactions([{ customerId: 'a', at: '2024-01-01', amount }]);
    expect(valid).toEqual([]);
    expect(rejected[0]?.issues.map((i) => i.path)).toEqual([['rows', 0, 'amount']]);
  });

  it('reads refunds and checks them against their purchase', () => {
    const records = parseNdjson(
      ['{"id":"p","customerId":1,"at":"2024-01-01","amount":10}', '{"id":"r","customerId":1,"at":"2024-01-02","amount":15,"kind":"refund","refundOf":"p"}'].join('\n'),
    ).records;
    const { valid, rejected } = readTransactions(records);
    expect(valid.map((t) => t.id)).toEqual(['p']);
    expect(rejected[0]).toMatchObject({ line: 2, issues: [{ code: 'refund_exceeds_purchase' }] });
  });

  it('throws once for a mapped column that no record has, instead of rejecting every row', () => {
    expect(() => readTransactions([{ customer: 'a', at: 0, amount: 1 }], { customerId: 'cust' })).toThrowError(
      expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ path: ['mapping', 'customerId'] })] }),
    );
  });

  it('accepts empty input', () => {
    expect(readTransactions([], { customerId: 'x' })).toEqual({ valid: [], validIndices: [], rejected: [] });
  });
});
