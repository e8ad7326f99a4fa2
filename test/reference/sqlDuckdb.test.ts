import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeHistories } from 'relmark/clv';
import { parseTransactions } from 'relmark/models';
import { summarizeRfm } from 'relmark/rfm';
import { historiesSql, rfmSummarySql } from 'relmark/sql';
import { partitionedTransactionsArbitrary } from 'relmark/testing';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSampleFile, readCdnowSample } from './clvSharedData.js';

// DuckDB runs embedded here, so the generated DuckDB SQL is checked against the JS path on data;
// PostgreSQL, BigQuery and Spark are pinned by golden text in src/sql/*.test.ts.

/** Table and column names that would break unquoted or badly quoted SQL. */
const table = 'orders"; DROP TABLE x; --';
const columns = { customerId: 'Customer "Id"', at: 'ordered at', amount: 'Total $', kind: 'kind', id: 'order id', refundOf: 'refund of' } as const;

interface Row {
  readonly customerId: string;
  readonly at: number;
  readonly amount: number;
  readonly kind?: string | undefined;
  readonly id?: string | undefined;
  readonly refundOf?: string | undefined;
}

let instance: DuckDBInstance;
let connection: DuckDBConnection;

async function load(name: string, rows: readonly Row[]): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE staging (customer VARCHAR, at_ms BIGINT, amount DOUBLE, kind VARCHAR, id VARCHAR, refund_of VARCHAR)');
  const appender = await connection.createAppender('staging');
  for (const row of rows) {
    appender.appendVarchar(row.customerId);
    appender.appendBigInt(BigInt(row.at));
    appender.appendDouble(row.amount);
    for (const value of [row.kind, row.id, row.refundOf]) {
      if (value === undefined) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  await connection.run(
    `CREATE OR REPLACE TABLE ${q(name)} AS SELECT customer AS ${q(columns.customerId)}, epoch_ms(at_ms) AS ${q(columns.at)}, amount AS ${q(columns.amount)},
       kind AS ${q(columns.kind)}, id AS ${q(columns.id)}, refund_of AS ${q(columns.refundOf)} FROM staging`,
  );
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('historiesSql and rfmSummarySql on DuckDB', () => {
  it('survive hostile table and column names (quoted, not executed)', async () => {
    await load(table, [{ customerId: 'a', at: Date.UTC(2024, 0, 1), amount: 1 }]);
    await connection.run('CREATE OR REPLACE TABLE x (v INTEGER)');
    const rows = await query(historiesSql({ dialect: 'duckdb', table, columns, asOf: '2024-01-08' }));
    expect(rows).toEqual([{ customerId: 'a', x: 0, tx: 0, T: 1, monetaryMean: 0 }]);
    expect(await query('SELECT COUNT(*) AS n FROM x')).toEqual([{ n: 0 }]);
  });

  it('equal summarizeHistories and summarizeRfm on generated logs with refunds, same-day purchases and rows after asOf', async () => {
    const logs = fc.sample(partitionedTransactionsArbitrary({ maxCustomers: 6, maxPurchases: 60 }), { numRuns: 8, seed: 20240601 });
    const asOf = '2024-01-15T12:00:00Z'; // cuts the generated month in half
    const all = logs.flatMap((log) => log.transactions);
    // The sample exercises what matters: refunds, and rows on both sides of asOf.
    expect(all.filter((t) => t.kind === 'refund').length).toBeGreaterThan(10);
    expect(all.filter((t) => (t.at as string) > asOf).length).toBeGreaterThan(10);
    for (const { transactions } of logs) {
      const valid = parseTransactions(transactions).valid;
      // The SQL leaves rows after asOf out; the JS path is given the same cut (its default rejects them).
      // A refund after asOf of a purchase before it is cut too, as `futureTransactions: 'exclude'`.
      const kept = transactions.filter((t) => new Date(t.at as string).getTime() <= Date.parse(asOf));
      await load('log', valid.map((t) => ({ customerId: t.customerId, at: t.at.getTime(), amount: t.amount, kind: t.kind, id: t.id, refundOf: t.refundOf })));
      for (const period of ['day', 'instant'] as const) {
        for (const timeUnit of ['day', 'week', 'month'] as const) {
          const sql = await query(historiesSql({ dialect: 'duckdb', table: 'log', columns, asOf, period, timeUnit }));
          // Amounts are multiples of 1/4, so every sum is exact in any order: compare exactly.
          expect(sql).toEqual(summarizeHistories(kept, { asOf, period, timeUnit }));
        }
      }
      for (const frequency of ['purchases', 'days'] as const) {
        for (const monetary of ['total', 'mean'] as const) {
          const sql = await query(rfmSummarySql({ dialect: 'duckdb', table: 'log', columns, asOf, frequency, monetary, timeUnit: 'week' }));
          const js = summarizeRfm(transactions, { asOf, frequency, monetary, timeUnit: 'week', futureTransactions: 'exclude' }).summaries;
          expect(sql).toEqual(js.map((s) => ({ ...s, firstPurchaseAt: s.firstPurchaseAt.getTime(), lastPurchaseAt: s.lastPurchaseAt.getTime() })));
        }
      }
    }
  });

  it('reads TIMESTAMPTZ and DATE columns as UTC instants whatever the session time zone', async () => {
    const samples = fc.sample(partitionedTransactionsArbitrary({ maxCustomers: 4, maxPurchases: 60 }), { numRuns: 10, seed: 7 });
    const purchases = samples.flatMap((sample, k) =>
      parseTransactions(sample.transactions)
        .valid.filter((t) => t.kind === 'purchase')
        .map((t) => ({ customerId: `${k}-${t.customerId}`, at: t.at, amount: t.amount, kind: t.kind })),
    );
    await load('log', purchases.map((t) => ({ customerId: t.customerId, at: t.at.getTime(), amount: t.amount })));
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await connection.run(
      `CREATE OR REPLACE TABLE typed AS SELECT ${q(columns.customerId)} AS c, to_timestamp(epoch_ms(${q(columns.at)}) / 1000) AS at_tz,
         CAST(${q(columns.at)} AS DATE) AS at_date, ${q(columns.amount)} AS amount FROM log`,
    );
    await connection.run("SET TimeZone = 'America/New_York'"); // minutes near UTC midnight fall on other local days
    try {
      const asOf = samples[0]!.asOf;
      const byInstant = await query(historiesSql({ dialect: 'duckdb', table: 'typed', columns: { customerId: 'c', at: 'at_tz', amount: 'amount' }, asOf, period: 'instant', timeUnit: 'day' }));
      expect(byInstant).toEqual(summarizeHistories(purchases, { asOf, period: 'instant', timeUnit: 'day' }));
      const byDate = await query(historiesSql({ dialect: 'duckdb', table: 'typed', columns: { customerId: 'c', at: 'at_date', amount: 'amount' }, asOf, timeUnit: 'day' }));
      expect(byDate).toEqual(summarizeHistories(purchases, { asOf, timeUnit: 'day' }));
      expect(purchases.length).toBeGreaterThan(20);
    } finally {
      await connection.run("SET TimeZone = 'UTC'");
    }
  });

  const reason = cdnowSampleFile === undefined ? missingDataReason('CDNOW_sample.txt') : '';
  it.skipIf(cdnowSampleFile === undefined)(`gives the JS histories of CDNOW_sample.txt (asOf 1997-09-30, weeks; counts and times exact, monetaryMean rtol 1e-12) ${reason}`, async () => {
    const rows = readCdnowSample(cdnowSampleFile as string);
    await load('cdnow', rows.map((r) => ({ customerId: r.customerId, at: Date.parse(r.at), amount: r.amount })));
    const asOf = '1997-09-30';
    const sql = await query(historiesSql({ dialect: 'duckdb', table: 'cdnow', columns: { customerId: columns.customerId, at: columns.at, amount: columns.amount }, asOf }));
    const js = summarizeHistories(rows.filter((r) => r.at <= asOf), { asOf });
    expect(sql.length).toBe(2357);
    const jsById = new Map(js.map((h) => [h.customerId, h]));
    let worst = 0;
    for (const h of sql as { customerId: string; x: number; tx: number; T: number; monetaryMean: number }[]) {
      const expected = jsById.get(h.customerId);
      expect([h.x, h.tx, h.T]).toEqual([expected?.x, expected?.tx, expected?.T]);
      const m = expected?.monetaryMean ?? Number.NaN;
      worst = Math.max(worst, Math.abs(h.monetaryMean - m) / Math.max(1, Math.abs(m)));
    }
    expect(worst).toBeLessThanOrEqual(1e-12);
    const rfm = await query(rfmSummarySql({ dialect: 'duckdb', table: 'cdnow', columns: { customerId: columns.customerId, at: columns.at, amount: columns.amount }, asOf, frequency: 'days' }));
    const jsRfm = summarizeRfm(rows, { asOf, frequency: 'days', futureTransactions: 'exclude' }).summaries;
    const rfmById = new Map(jsRfm.map((s) => [s.customerId, s]));
    for (const s of rfm as { customerId: string; recency: number; frequency: number; revenue: number }[]) {
      const expected = rfmById.get(s.customerId);
      expect([s.recency, s.frequency]).toEqual([expected?.recency, expected?.frequency]);
      expect(Math.abs(s.revenue - (expected?.revenue ?? Number.NaN))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s.revenue)));
    }
    expect(rfm.length).toBe(jsRfm.length);
  });
});
