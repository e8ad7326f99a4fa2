import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortTable, type CohortPeriod, type CohortTable } from 'relmark/cohorts';
import { cohortTableSql } from 'relmark/sql';
import { cohortLogArbitrary } from '../helpers/cohortLog.js';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSampleFile, readCdnowSample } from './clvSharedData.js';

// cohortTableSql runs on embedded DuckDB and is compared with cohortTable, cell by cell: the SQL
// returns the cells with rows, every other JS cell must be a zero cell.

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const columns = { customerId: 'customer id', at: 'at', amount: 'amount', kind: 'kind' } as const;

interface Row {
  readonly customerId: string;
  readonly at: number;
  readonly amount: number;
  readonly kind?: string | undefined;
}

async function load(rows: readonly Row[]): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE log ("customer id" VARCHAR, at_ms BIGINT, amount DOUBLE, kind VARCHAR)');
  const appender = await connection.createAppender('log');
  for (const row of rows) {
    appender.appendVarchar(row.customerId);
    appender.appendBigInt(BigInt(row.at));
    appender.appendDouble(row.amount);
    if (row.kind === undefined) appender.appendNull();
    else appender.appendVarchar(row.kind);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run('CREATE OR REPLACE TABLE log AS SELECT "customer id", epoch_ms(at_ms) AS at, amount, kind FROM log');
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

function expectSameCells(sql: Record<string, unknown>[], js: CohortTable, revenueTolerance: number): void {
  const seen = new Set<string>();
  for (const row of sql) {
    const cohort = js.cohorts.find((c) => c.cohortIndex === row.cohortIndex);
    expect(cohort, `cohort ${String(row.cohortIndex)}`).toBeDefined();
    const cell = cohort!.cells[row.period as number]!;
    seen.add(`${String(row.cohortIndex)}/${String(row.period)}`);
    expect([row.customers, row.activeCustomers, row.orders, row.complete]).toEqual([cohort!.customers, cell.activeCustomers, cell.orders, cell.complete]);
    expect(Math.abs((row.revenue as number) - cell.revenue)).toBeLessThanOrEqual(revenueTolerance * Math.max(1, Math.abs(cell.revenue)));
  }
  for (const cohort of js.cohorts) {
    cohort.cells.forEach((cell, k) => {
      if (!seen.has(`${cohort.cohortIndex}/${k}`)) expect([cell.activeCustomers, cell.orders, cell.revenue]).toEqual([0, 0, 0]);
    });
  }
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('cohortTableSql on DuckDB', () => {
  it('equals cohortTable on generated logs with refunds and rows after asOf, for every period, in three time zones', async () => {
    const logs = fc.sample(cohortLogArbitrary(), { numRuns: 12, seed: 20261207 });
    expect(logs.flatMap((l) => l.transactions).filter((t) => t.kind === 'refund').length).toBeGreaterThan(5);
    let cells = 0;
    for (const { transactions, asOf } of logs) {
      await load(transactions.map((t) => ({ customerId: t.customerId as string, at: Date.parse(t.at as string), amount: t.amount, kind: t.kind })));
      for (const period of ['week', 'month', 'quarter'] as CohortPeriod[]) {
        for (const timeZone of ['UTC', 'Europe/Paris', 'Asia/Kolkata']) {
          const sql = await query(cohortTableSql({ dialect: 'duckdb', table: 'log', columns, asOf, period, timeZone }));
          // Integer amounts: sums are exact in any order.
          expectSameCells(sql, cohortTable(transactions, { asOf, period, timeZone }), 0);
          cells += sql.length;
        }
      }
    }
    expect(cells).toBeGreaterThan(200);
  });

  const reason = cdnowSampleFile === undefined ? missingDataReason('CDNOW_sample.txt') : '';
  it.skipIf(cdnowSampleFile === undefined)(`gives the JS monthly cohort table of CDNOW_sample.txt (counts exact, revenue rtol 1e-9) ${reason}`, async () => {
    const rows = readCdnowSample(cdnowSampleFile as string);
    await load(rows.map((r) => ({ customerId: r.customerId, at: Date.parse(r.at), amount: r.amount })));
    const asOf = '1998-06-30T12:00:00Z';
    const sql = await query(cohortTableSql({ dialect: 'duckdb', table: 'log', columns: { customerId: 'customer id', at: 'at', amount: 'amount' }, asOf, period: 'month' }));
    const js = cohortTable(rows, { asOf, period: 'month' });
    expect(js.customers).toBe(2357);
    expect(js.cohorts.map((c) => c.cohort)).toEqual(['1997-01', '1997-02', '1997-03']);
    expectSameCells(sql, js, 1e-9);
  });
});
