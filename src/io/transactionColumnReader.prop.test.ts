import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RejectedRow } from '../models/parse.js';
import { readTransactions, type DateFormat, type TransactionMapping } from './readTransactions.js';
import { createTransactionColumnReader, type TransactionColumnBatch } from './transactionColumnReader.js';
import { toCsv } from './toCsv.js';

// Cells that sit on the edges of the rules: blanks (ASCII and not), signs, exponents, overflow,
// impossible and odd dates, epoch digits, non-ASCII text, quotes, and the plain valid forms.
const amountCell = fc.oneof(
  fc.constantFrom('', ' ', '12.50', '12,50', '1e309', '1e3', 'NaN', '-0', '-5', '+3', '.5', '5.', '.', '007.50', '0x10', ' 9.99 ', '\u00a012', '1234567890123456', '12345678901234.5', 'Infinity', '١٢'),
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((n) => String(n)),
  fc.integer({ min: 0, max: 99_999 }).map((cents) => (cents / 100).toFixed(2)),
  fc.string({ maxLength: 6 }),
);
const dateCell = fc.oneof(
  fc.constantFrom('', '2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01', '9999-12-31', '19970101', '19971332', '2024-1-01', ' 2024-05-06 ', '2024-05-06T10:20:30Z', '2024-05-06 10:20', '2024-05-06T25:00', '1700000000000', '99999999999999999', 'yesterday', '2024-05-06\u00a0'),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
  fc.integer({ min: 0, max: 4_000_000_000 }).map(String),
  fc.string({ maxLength: 12 }),
);
const idCell = fc.oneof(
  fc.constantFrom('', ' ', 'c1', ' c1', 'c1 ', 'Müller', '"q"', 'a,b', '\u2003x\u2003', 'x'.repeat(256), 'y'.repeat(257), '=cmd', '0001'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const kindCell = fc.constantFrom('', 'purchase', 'refund', ' refund ', 'Purchase', 'return');
const currencyCell = fc.constantFrom('', 'EUR', 'eur', 'USD', 'XYZ', ' GBP ', 'EURO');

const formats: DateFormat[] = ['auto', 'iso', 'yyyymmdd', 'epoch_ms', 'epoch_s'];

interface ReadRow {
  readonly accepted?: { customerId: string; at: number; amount: number; refund: boolean };
  readonly rejected?: RejectedRow;
}

/** Reads rows through the column reader, chunked at `split`, and returns each row's outcome in order. */
function readColumns(csv: string, mapping: TransactionMapping, split: number): ReadRow[] {
  const out: ReadRow[] = [];
  const pending: { line: number; batch: TransactionColumnBatch; i: number }[] = [];
  const reader = createTransactionColumnReader({
    mapping,
    batchSize: 3,
    onBatch: (b) => {
      for (let i = 0; i < b.length; i++) pending.push({ line: b.line[i] as number, batch: b, i });
    },
    onRejected: (row) => out.push({ rejected: row }),
  });
  const bytes = new TextEncoder().encode(csv);
  const cut = Math.min(bytes.length, split);
  reader.push(bytes.subarray(0, cut));
  reader.push(bytes.subarray(cut));
  const ids = reader.end().customerIds;
  for (const { line, batch, i } of pending) {
    out.push({ accepted: { customerId: ids[batch.customer[i] as number] as string, at: batch.at[i] as number, amount: batch.amount[i] as number, refund: batch.refund[i] === 1 }, rejected: { index: -1, line, input: null, issues: [] } });
  }
  return out.sort((p, q) => (p.rejected?.line ?? 0) - (q.rejected?.line ?? 0));
}

describe('createTransactionColumnReader', () => {
  it('accepts and reads exactly what readTransactions (the zod schema) accepts, with the same issues for the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(idCell, dateCell, amountCell, kindCell, currencyCell), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...formats),
        fc.nat(400),
        (cells, dateFormat, split) => {
          // No id or refundOf column: rows do not depend on each other, so each is judged alone.
          const rows = cells.map(([customer, at, amount, kind, currency]) => ({ customer, at, amount, kind, currency }));
          const csv = toCsv(rows, { columns: ['customer', 'at', 'amount', 'kind', 'currency'], escapeFormulas: false });
          const mapping: TransactionMapping = { customerId: 'customer', at: 'at', amount: 'amount', kind: 'kind', currency: 'currency', dateFormat };
          const got = readColumns(csv, mapping, split);
          expect(got).toHaveLength(rows.length);
          rows.forEach((row, i) => {
            const expected = readTransactions([{ line: i + 2, fields: row }], mapping);
            const outcome = got[i] as ReadRow;
            const t = expected.valid[0];
            if (t !== undefined) {
              // A valid refund without refundOf cannot exist (the schema refuses it), so accepted rows are purchases.
              expect(outcome.accepted).toEqual({ customerId: t.customerId, at: t.at.getTime(), amount: t.amount, refund: t.kind === 'refund' });
              expect(Object.is(outcome.accepted?.amount, t.amount)).toBe(true);
            } else {
              expect(outcome.accepted).toBeUndefined();
              const issues = (expected.rejected[0] as RejectedRow).issues.map((issue) => ({ ...issue, path: ['rows', i, ...issue.path.slice(2)] }));
              expect(outcome.rejected?.issues).toEqual(issues);
              expect(outcome.rejected?.line).toBe(i + 2);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a repeated id anywhere in the input, naming the first line, and links refunds across batches', () => {
    const lines = ['id,customerId,at,amount,kind,refundOf', 'p1,c1,2024-01-01,50,purchase,'];
    for (let i = 0; i < 100; i++) lines.push(`x${i},c${i % 7},2024-01-02,1,,`);
    lines.push('p1,c2,2024-01-03,5,,', 'r1,c1,2024-01-04,20,refund,p1', 'r2,c1,2024-01-05,40,refund,p1', 'r3,c2,2024-01-05,1,refund,p1');
    const rejected: RejectedRow[] = [];
    const refunds: number[] = [];
    const reader = createTransactionColumnReader({
      batchSize: 8,
      onBatch: (b) => {
        for (let i = 0; i < b.length; i++) if (b.refund[i] === 1) refunds.push(b.refundedAt[i] as number);
      },
      onRejected: (row) => rejected.push(row),
    });
    reader.push(new TextEncoder().encode(lines.join('\n')));
    const state = reader.end();
    expect(rejected.map((r) => [r.line, r.issues[0]?.code])).toEqual([
      [103, 'duplicate_id'],
      [105, 'refund_exceeds_purchase'],
      [106, 'refund_customer_mismatch'],
    ]);
    expect(rejected[0]?.issues[0]?.message).toContain('first on line 2');
    expect(refunds).toEqual([Date.UTC(2024, 0, 1)]);
    expect(state.records).toBe(105);
    expect(state.valid + state.rejected).toBe(state.records);
  });

  it('counts every customer id merged by trimming, and keeps ids that differ otherwise apart', () => {
    const reader = createTransactionColumnReader({ onBatch: () => {}, onRejected: () => {} });
    reader.push(new TextEncoder().encode('customerId,at,amount\nc1,2024-01-01,1\n" c1",2024-01-02,1\nc1 ,2024-01-03,1\nC1,2024-01-03,1\nc2 ,2024-01-03,1\n'));
    const state = reader.end();
    expect(state.customerIds).toEqual(['c1', 'C1', 'c2']);
    expect(state.mergedIdSpellings).toBe(1);
    expect(state.mergedIdExamples).toEqual([{ id: 'c1', spellings: ['c1', ' c1', 'c1 '] }]);
  });

  it('stops with the line for bytes that are not UTF-8, and reads them as Latin-1 when told', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('customerId,at,amount\nc1,2024-01-01,1\n'), 0x4d, 0xfc, 0x6c, ...new TextEncoder().encode('ler,2024-01-02,2\n')]);
    const strict = createTransactionColumnReader({ onBatch: () => {}, onRejected: () => {} });
    expect(() => {
      strict.push(bytes);
      strict.end();
    }).toThrow(/Line 3 is not valid UTF-8/);
    const latin1 = createTransactionColumnReader({ encoding: 'latin1', onBatch: () => {}, onRejected: () => {} });
    latin1.push(bytes);
    expect(latin1.end().customerIds).toEqual(['c1', 'Müller']);
  });
});
