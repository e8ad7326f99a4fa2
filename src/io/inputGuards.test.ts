import { describe, expect, it } from 'vitest';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { parseColumnMapping } from './parseColumnMapping.js';
import { parseCsv } from './parseCsv.js';
import { parseNdjson } from './parseNdjson.js';
import { readCsvStream } from './readCsvStream.js';
import { readTransactions } from './readTransactions.js';
import { toCsv } from './toCsv.js';

const pathsOf = (fn: () => unknown) => {
  const error = thrownRelmarkError(fn);
  return [error.code, error.issues.map((i) => i.path)];
};

describe('io functions reject input of the wrong type with a RelmarkError and its path', () => {
  it.each([
    ['readTransactions("abc")', () => readTransactions('abc' as never), ['invalid_input', [['records']]]],
    ['readTransactions(rows, null)', () => readTransactions([], null as never), ['invalid_options', [['mapping']]]],
    ['parseNdjson(null)', () => parseNdjson(null as never), ['invalid_input', [['text']]]],
    ['parseNdjson(Buffer)', () => parseNdjson(Buffer.from('{}') as never), ['invalid_input', [['text']]]],
    ['parseCsv(7)', () => parseCsv(7 as never), ['invalid_input', [['text']]]],
    ['parseCsv(text, null)', () => parseCsv('a\n1\n', null as never), ['invalid_options', [['options']]]],
    ['parseColumnMapping({})', () => parseColumnMapping({} as never), ['invalid_options', [['columns']]]],
    ['toCsv("x")', () => toCsv('x' as never), ['invalid_input', [['rows']]]],
    ['toCsv([null])', () => toCsv([null] as never), ['invalid_input', [['rows', 0]]]],
    ['toCsv(rows, { columns: 1 })', () => toCsv([], { columns: 1 as never }), ['invalid_options', [['options', 'columns']]]],
  ])('%s', (_name, fn, expected) => {
    expect(pathsOf(fn)).toEqual(expected);
  });

  it('readTransactions([null]) rejects the null record as a row, losing nothing', () => {
    const { valid, rejected } = readTransactions([null, { customerId: 'a', at: '2024-01-01', amount: 1 }] as never);
    expect(valid).toHaveLength(1);
    expect(rejected.map((r) => [r.index, r.issues[0]?.path])).toEqual([[0, ['rows', 0]]]);
  });

  it('readTransactions rejects each hole of a sparse array of records', () => {
    const records: unknown[] = new Array(2);
    records[1] = { customerId: 'a', at: '2024-01-01', amount: 1 };
    const { valid, rejected } = readTransactions(records as never);
    expect([valid.length, rejected.map((r) => r.index)]).toEqual([1, [0]]);
  });

  it('readTransactions reads a column named __proto__ only as an own field', () => {
    const withKey = JSON.parse('{"__proto__":"t1","customerId":"a","at":"2024-01-01","amount":1}') as Record<string, unknown>;
    const { valid, rejected } = readTransactions([withKey, { customerId: 'b', at: '2024-01-01', amount: 2 }], { id: '__proto__' });
    expect(rejected).toEqual([]);
    expect(valid.map((t) => [t.customerId, t.id])).toEqual([
      ['a', 't1'],
      ['b', undefined],
    ]);
  });

  it('readCsvStream(42) and a chunk of the wrong type reject with a RelmarkError', async () => {
    const first = async (chunks: unknown) => {
      try {
        for await (const _ of readCsvStream(chunks as never)) void _;
        return 'no error';
      } catch (error) {
        return isRelmarkError(error) ? [error.code, error.issues.map((i) => i.path)] : error;
      }
    };
    expect(await first(42)).toEqual(['invalid_input', [['chunks']]]);
    expect(await first(['a,b\n', 7])).toEqual(['invalid_input', [['chunks', 1]]]);
    expect(await first('a,b\n1,2\n')).toEqual(['invalid_input', [['chunks']]]);
  });

  it('toCsv on a cyclic, a deep or a BigInt-holding value names the cell', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(pathsOf(() => toCsv([{ a: 1 }, { a: cyclic }]))).toEqual(['invalid_input', [['rows', 1, 'a']]]);
    expect(pathsOf(() => toCsv([{ a: deep }]))).toEqual(['invalid_input', [['rows', 0, 'a']]]);
    expect(pathsOf(() => toCsv([{ b: { n: 1n } }]))).toEqual(['invalid_input', [['rows', 0, 'b']]]);
    expect(pathsOf(() => toCsv([{ b: Symbol('s') }]))).toEqual(['invalid_input', [['rows', 0, 'b']]]);
  });
});

describe('toCsv formula escaping', () => {
  it('escapes header cells like values', () => {
    expect(toCsv([{ '=cmd': 1, '@x': 2, ok: 3 }])).toBe("'=cmd,'@x,ok\r\n1,2,3\r\n");
    expect(toCsv([], { columns: ['+a'] })).toBe("'+a\r\n");
  });

  it('leaves header cells alone when formula escaping is off', () => {
    expect(toCsv([{ '=cmd': 1 }], { escapeFormulas: false })).toBe('=cmd\r\n1\r\n');
  });
});
