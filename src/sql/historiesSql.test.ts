import { describe, expect, it } from 'vitest';
import { historiesSql, rfmSummarySql, type SqlDialect } from 'relmark/sql';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const asOf = '2024-03-31';

describe('historiesSql and rfmSummarySql', () => {
  it.each([
    ['duckdb', '"we""ird"', '"s"."t"'],
    ['postgresql', '"we""ird"', '"s"."t"'],
    ['spark', '`we"ird`', '`s`.`t`'],
  ] as const)('quotes identifiers for %s', (dialect, quoted, table) => {
    const sql = historiesSql({ dialect, table: ['s', 't'], columns: { customerId: 'we"ird' }, asOf });
    expect(sql).toContain(`CAST(${quoted} AS`);
    expect(sql).toContain(`FROM ${table}`);
  });

  it.each([
    ['duckdb', 'o"; DROP TABLE x; --', '"o""; DROP TABLE x; --"'],
    ['postgresql', 'o"; DROP TABLE x; --', '"o""; DROP TABLE x; --"'],
    ['spark', 'o`; DROP TABLE x; --', '`o``; DROP TABLE x; --`'],
    ['bigquery', 'o`; DROP TABLE x; --', '`o\\`; DROP TABLE x; --`'],
    ['bigquery', 'o\\`x', '`o\\\\\\`x`'],
  ] as const)('keeps a hostile %s table name inside one quoted identifier', (dialect, name, quoted) => {
    for (const sql of [historiesSql({ dialect, table: name, asOf }), rfmSummarySql({ dialect, table: name, asOf })]) {
      expect(sql).toContain(`FROM ${quoted}\n`);
      expect(sql.split(';').length).toBe(name.split(';').length); // the only semicolons are those inside the quoted name
    }
  });

  it('renders asOf as an integer literal of epoch ms, whatever form it was given in', () => {
    for (const instant of ['2024-03-31T00:00:00Z', new Date('2024-03-31T00:00:00Z'), Date.UTC(2024, 2, 31)]) {
      expect(rfmSummarySql({ dialect: 'duckdb', table: 't', asOf: instant })).toContain('at_ms <= 1711843200000\n');
    }
  });

  it.each([
    ['a missing asOf', { dialect: 'duckdb', table: 't' }, ['asOf']],
    ['an unknown dialect', { dialect: 'mysql', table: 't', asOf }, ['dialect']],
    ['an empty table name', { dialect: 'duckdb', table: '', asOf }, ['table']],
    ['an empty qualified table', { dialect: 'duckdb', table: [], asOf }, ['table']],
    ['a control character in a column', { dialect: 'duckdb', table: 't', columns: { at: 'a\nb' }, asOf }, ['columns', 'at']],
    ['an unknown column field', { dialect: 'duckdb', table: 't', columns: { when: 'x' }, asOf }, ['columns']],
    ['an asOf that is not an instant', { dialect: 'duckdb', table: 't', asOf: "2024'; DROP TABLE t; --" }, ['asOf']],
  ])('rejects %s with invalid_options and its path', (_name, options, path) => {
    for (const generate of [historiesSql, rfmSummarySql]) {
      const error = thrownRelmarkError(() => generate(options as never));
      expect(error.code).toBe('invalid_options');
      expect(error.issues.map((i) => i.path)).toContainEqual(path);
    }
  });

  it('needs id and refundOf with kind for histories (refunds are netted against their purchase), not for RFM', () => {
    const error = thrownRelmarkError(() => historiesSql({ dialect: 'duckdb', table: 't', columns: { kind: 'k', id: 'i' }, asOf }));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', ['columns', 'refundOf']]);
    expect(rfmSummarySql({ dialect: 'duckdb', table: 't', columns: { kind: 'k' }, asOf })).toContain(`CAST("k" AS VARCHAR) = 'refund'`);
  });

  it.each(['duckdb', 'postgresql', 'bigquery', 'spark'] as SqlDialect[])('writes one statement for %s, with every time unit as a number', (dialect) => {
    for (const timeUnit of ['day', 'week', 'month', 'year'] as const) {
      const sql = historiesSql({ dialect, table: 't', asOf, timeUnit, period: 'instant' });
      expect(sql).not.toContain(';');
      expect(sql).toMatch(/\/ \d+(\.\d+)? AS .T.,\n/);
    }
  });
});
