import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { parseBatch, parseWith, requireAllValid, safeParseWith } from './parse.js';
import { TransactionSchema } from './transaction.js';

describe('parseWith / safeParseWith', () => {
  it('throws one RelmarkError listing every bad field with its path, keeping the ZodError as cause', () => {
    let caught: unknown;
    try {
      parseWith(TransactionSchema, { customerId: '', at: 'soon', amount: -3 }, 'importOrders');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RelmarkError);
    const error = caught as RelmarkError;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['customerId'], ['at'], ['amount']]);
    expect(error.cause).toBeInstanceOf(z.ZodError);
    expect(error.message).toMatchInlineSnapshot(`
      "importOrders: invalid input (3 issues)
      ✖ Expected an id of 1 to 256 characters, received 0
        → at customerId
      ✖ Invalid date: expected an ISO-8601 date or date-time, received "soon"
        → at at
      ✖ Expected a non-negative amount, received -3
        → at amount"
    `);
  });

  it('turns an exception thrown inside a user refinement into an invalid_input result', () => {
    const schema = z.string().refine(() => {
      throw new TypeError('boom');
    });
    const result = safeParseWith(schema, 'x', 'custom');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues).toEqual([{ code: 'schema_exception', path: [], message: 'TypeError: boom' }]);
    }
  });

  it('caps the message of a huge failure but keeps every issue', () => {
    const rows = Array.from({ length: 100_000 }, () => ({ amount: 'x' }));
    const result = safeParseWith(z.array(z.object({ amount: z.number() })), rows, 'load');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(100_000);
      expect(result.error.message.split('\n')).toHaveLength(1 + 2 * 10 + 1);
      expect(result.error.message).toContain('… and 99990 more (see error.issues for the full list)');
    }
  });
});

describe('parseBatch', () => {
  it('returns valid rows and every rejected row with its index, input and issues', () => {
    const rows = [
      { customerId: 'a', at: '2024-01-01', amount: 10 },
      { customerId: 'b', at: '2024-13-01', amount: Number.NaN },
      'not an object',
      { customerId: 'c', at: 0, amount: 1 },
    ];
    const result = parseBatch(TransactionSchema, rows);
    expect(result.valid.map((t) => t.customerId)).toEqual(['a', 'c']);
    expect(result.validIndices).toEqual([0, 3]);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(result.rejected[0]?.input).toBe(rows[1]);
    expect(result.rejected[0]?.issues.map((issue) => issue.path)).toEqual([
      ['rows', 1, 'at'],
      ['rows', 1, 'amount'],
    ]);
    expect(result.rejected[1]?.issues[0]).toMatchObject({ code: 'invalid_type', path: ['rows', 2] });
  });

  it('rejects later duplicates of a unique key and names the first occurrence', () => {
    const result = parseBatch(TransactionSchema, [
      { id: 't1', customerId: 'a', at: 0, amount: 1 },
      { id: 't1', customerId: 'b', at: 0, amount: 2 },
      { customerId: 'c', at: 0, amount: 3 },
    ], { uniqueKey: (t) => t.id, pathName: 'orders', lineOf: (i) => i + 2 });
    expect(result.validIndices).toEqual([0, 2]);
    expect(result.rejected).toEqual([
      {
        index: 1,
        line: 3,
        input: { id: 't1', customerId: 'b', at: 0, amount: 2 },
        issues: [{ code: 'duplicate_id', path: ['orders', 1], message: 'Id "t1" appears more than once (first at orders[0])' }],
      },
    ]);
  });

  it('rejects each hole of a sparse array with its index, so valid + rejected = rows', () => {
    const rows: unknown[] = new Array(3);
    rows[1] = { customerId: 'a', at: '2024-01-01', amount: 1 };
    const { valid, validIndices, rejected } = parseBatch(TransactionSchema, rows);
    expect(validIndices).toEqual([1]);
    expect(valid.length + rejected.length).toBe(3);
    expect(rejected.map((r) => r.index)).toEqual([0, 2]);
    expect(rejected[0]?.issues).toEqual([{ code: 'missing_row', path: ['rows', 0], message: 'Row 0 is a hole in a sparse array (no value at all)' }]);
    expect(parseBatch(TransactionSchema, new Array(3)).rejected.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('throws only when the container is not an array', () => {
    expect(() => parseBatch(TransactionSchema, { length: 1 } as unknown as unknown[])).toThrow(RelmarkError);
    expect(parseBatch(TransactionSchema, [])).toEqual({ valid: [], validIndices: [], rejected: [] });
  });

  it('does not mutate its input', () => {
    const rows = Object.freeze([Object.freeze({ customerId: 1, at: '2024-01-01', amount: 5 })]);
    const copy = structuredClone(rows);
    parseBatch(TransactionSchema, rows);
    expect(rows).toEqual(copy);
  });
});

describe('requireAllValid', () => {
  it('returns the rows when none was rejected and throws every issue otherwise', () => {
    expect(requireAllValid(parseBatch(TransactionSchema, [{ customerId: 'a', at: 0, amount: 1 }]), 'f')).toHaveLength(1);
    const batch = parseBatch(TransactionSchema, [{ customerId: 'a', at: 0, amount: -1 }, { customerId: '', at: 0, amount: 1 }]);
    expect(() => requireAllValid(batch, 'summarize')).toThrowError(expect.objectContaining({ code: 'invalid_input', issues: batch.rejected.flatMap((r) => r.issues) }));
  });

  it('uses the specific code when every issue shares it', () => {
    const batch = parseBatch(TransactionSchema, [{ id: 1, customerId: 'a', at: 0, amount: 1 }, { id: 1, customerId: 'a', at: 0, amount: 1 }], { uniqueKey: (t) => t.id });
    expect(() => requireAllValid(batch, 'f')).toThrowError(expect.objectContaining({ code: 'duplicate_id' }));
  });
});
