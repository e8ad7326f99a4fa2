import { describe, expect, it } from 'vitest';
import { compressedHistoriesSql, historiesSql, type SqlDialect } from 'relmark/sql';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const asOf = '2024-03-31';

describe('compressedHistoriesSql', () => {
  it.each(['duckdb', 'postgresql', 'bigquery', 'spark'] as SqlDialect[])('writes one %s statement on the histories of historiesSql, with the four numeric columns', (dialect) => {
    const sql = compressedHistoriesSql({ dialect, table: 't', asOf });
    const histories = historiesSql({ dialect, table: 't', asOf });
    expect(sql).not.toContain(';');
    expect(sql.startsWith(histories.slice(0, histories.indexOf('SELECT customer_id AS')).trimEnd().replace(/\)$/, ''))).toBe(true);
    for (const name of ['x', 'tx', 'T', 'weight']) expect(sql).toContain(` AS ${dialect === 'bigquery' || dialect === 'spark' ? `\`${name}\`` : `"${name}"`}`);
  });

  it('puts times on the day grid by default and on a stated grid in the period keys', () => {
    expect(compressedHistoriesSql({ dialect: 'duckdb', table: 't', asOf })).toContain('/ 1 + 0.5)');
    expect(compressedHistoriesSql({ dialect: 'duckdb', table: 't', asOf, resolutionDays: 7 })).toContain('/ 7 + 0.5)');
    expect(compressedHistoriesSql({ dialect: 'duckdb', table: 't', asOf, period: 'instant' })).toContain('/ 86400000 + 0.5)');
  });

  it.each([
    ['a zero grid', { resolutionDays: 0 }, ['resolutionDays']],
    ['an infinite grid', { resolutionDays: Number.POSITIVE_INFINITY }, ['resolutionDays']],
    ['a missing asOf', { asOf: undefined }, ['asOf']],
    ['kind without refundOf', { columns: { kind: 'k', id: 'i' } }, ['columns', 'refundOf']],
  ])('rejects %s with invalid_options and its path', (_name, change, path) => {
    const error = thrownRelmarkError(() => compressedHistoriesSql({ dialect: 'duckdb', table: 't', asOf, ...change } as never));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });
});
