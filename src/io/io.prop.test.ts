import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transactionBatchArbitrary } from '../testing/arbitraries.js';
import { parseCsv } from './parseCsv.js';
import { readTransactions } from './readTransactions.js';
import { toCsv } from './toCsv.js';

const column = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ ]{0,8}$/).map((s) => s.trim()).filter((s) => s !== '');
const text = fc.string({ unit: 'grapheme', maxLength: 12 });

describe('io laws', () => {
  it('parseCsv(toCsv(rows)) gives the rows back (formula cells come back with their quote prefix)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(column, { minLength: 1, maxLength: 5 }), fc.array(fc.array(text, { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (columns, cells) => {
        // A row whose cells are all empty would be a blank line, which CSV cannot tell from no row.
        const rows = cells
          .map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i] ?? ''])))
          .filter((row) => columns.length > 1 || Object.values(row).some((v) => v !== ''));
        const parsed = parseCsv(toCsv(rows, { columns }));
        expect(parsed.header).toEqual(columns);
        expect(parsed.rejected).toEqual([]);
        const expected = rows.map((row) => Object.fromEntries(columns.map((c) => [c, /^[=+\-@\t\r]/.test(row[c] ?? '') ? `'${row[c]}` : row[c]])));
        expect(parsed.records.map((r) => ({ ...r.fields }))).toEqual(expected);
      }),
    );
  });

  it('no written text cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: text, b: fc.oneof(text, fc.double({ noNaN: true })) }), { maxLength: 10 }), (rows) => {
        const parsed = parseCsv(toCsv(rows, { columns: ['a', 'b'] }));
        for (const record of parsed.records) {
          expect(/^[=@\t\r]/.test(String(record.fields.a))).toBe(false);
          if (/^[+-]/.test(String(record.fields.a))) expect(false).toBe(true);
        }
      }),
    );
  });

  it('readTransactions keeps every row: valid + rejected = records, through CSV', () => {
    fc.assert(
      fc.property(transactionBatchArbitrary({ maxLength: 10 }), fc.array(fc.nat({ max: 30 }), { maxLength: 4 }), (rows, corrupt) => {
        const flat = rows.map((r) => ({ id: r.id, customerId: r.customerId, at: r.at, amount: r.amount, kind: r.kind, refundOf: r.refundOf ?? '' }));
        for (const i of corrupt) if (flat[i]) flat[i] = { ...flat[i], amount: -1 };
        const csv = parseCsv(toCsv(flat, { columns: ['id', 'customerId', 'at', 'amount', 'kind', 'refundOf'] }));
        const { valid, rejected } = readTransactions(csv.records, { dateFormat: 'epoch_ms' });
        expect(valid.length + rejected.length).toBe(flat.length);
        const corrupted = new Set(corrupt.filter((i) => i < flat.length));
        for (const i of corrupted) expect(rejected.some((r) => r.index === i)).toBe(true);
      }),
    );
  });
});
