import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressHistories, fitBgNbd, summarizeHistories, toHistoryColumns } from 'relmark/clv';
import { parseTransactions } from 'relmark/models';
import { summarizeRfm } from 'relmark/rfm';
import { compressedHistoriesSql, historiesSql, rfmSummarySql, type CompressedHistoryRow } from 'relmark/sql';
import { partitionedTransactionsArbitrary } from 'relmark/testing';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSampleFile, readCdnowSample } from './clvSharedData.js';

// DuckDB runs embedded here, so the generated DuckDB SQL is checked against the JS path on data;
// PostgreSQL runs on a server started by sqlPostgres.test.ts; BigQuery and Spark are pinned by golden
// text (sqlGolden.test.ts).

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

  it('cuts microsecond and nanosecond instants down to the millisecond as the JS path does, also before 1970', async () => {
    const rows = [
      ['a', '2024-01-01 12:00:00'],
      ['b', '2024-01-01 23:59:59.9995'],
      ['b', '2024-01-02 10:00:00'],
      ['d', '1969-12-31 23:59:59.9996'], // epoch_ms truncates toward zero (0); the JS path floors (−1)
      ['d', '1970-01-01 00:00:00'],
    ] as const;
    const asOf = '2024-01-02T23:59:59.999Z';
    const transactions = rows.map(([customerId, at]) => ({ customerId, at: `${at.replace(' ', 'T')}Z`, amount: 1 }));
    for (const type of ['TIMESTAMP', 'TIMESTAMP_NS', 'TIMESTAMPTZ'] as const) {
      await connection.run(`CREATE OR REPLACE TABLE micro (c VARCHAR, ts ${type}, amount DOUBLE)`);
      for (const [c, at] of rows) await connection.run(`INSERT INTO micro VALUES ('${c}', CAST('${at}${type === 'TIMESTAMPTZ' ? '+00' : ''}' AS ${type}), 1)`);
      const source = { dialect: 'duckdb', table: 'micro', columns: { customerId: 'c', at: 'ts', amount: 'amount' }, asOf } as const;
      for (const period of ['day', 'instant'] as const) {
        expect(await query(historiesSql({ ...source, period, timeUnit: 'day' }))).toEqual(summarizeHistories(transactions, { asOf, period, timeUnit: 'day' }));
      }
      const rfm = await query(rfmSummarySql(source));
      expect(rfm.map((r) => [r.customerId, r.firstPurchaseAt])).toEqual([['a', Date.UTC(2024, 0, 1, 12)], ['b', Date.UTC(2024, 0, 1, 23, 59, 59, 999)], ['d', -1]]);
    }
  });

  it('compressedHistoriesSql gives compressHistories of the JS histories, and the rows fit as they come back', async () => {
    const logs = fc.sample(partitionedTransactionsArbitrary({ maxCustomers: 30, maxPurchases: 200 }), { numRuns: 6, seed: 11 });
    const asOf = '2024-01-31T00:00:00Z';
    const transactions = logs.flatMap((log, k) =>
      parseTransactions(log.transactions).valid.filter((t) => t.kind === 'purchase' && t.at.getTime() <= Date.parse(asOf)).map((t) => ({ customerId: `${k}-${t.customerId}`, at: t.at, amount: t.amount })),
    );
    await load('log', transactions.map((t) => ({ customerId: t.customerId, at: t.at.getTime(), amount: t.amount })));
    const source = { dialect: 'duckdb', table: 'log', columns: { customerId: columns.customerId, at: columns.at, amount: columns.amount }, asOf } as const;
    const byHistory = (a: CompressedHistoryRow, b: CompressedHistoryRow) => a.x - b.x || a.tx - b.tx || a.T - b.T;
    for (const timeUnit of ['day', 'week'] as const) {
      const histories = summarizeHistories(transactions, { asOf, timeUnit });
      const c = compressHistories(toHistoryColumns(histories));
      const js = Array.from(c.x, (x, i) => ({ x, tx: c.tx[i] as number, T: c.T[i] as number, weight: c.weights[i] as number })).sort(byHistory);
      const rows = (await query(compressedHistoriesSql({ ...source, timeUnit }))) as unknown as CompressedHistoryRow[];
      expect(rows).toEqual(js);
      expect(rows.length).toBeLessThan(histories.length);
      if (timeUnit === 'week') {
        const a = fitBgNbd(rows, { timeUnit, penalizer: 0.01 });
        const b = fitBgNbd(histories, { timeUnit, penalizer: 0.01 });
        expect(a.customers).toBe(histories.length);
        expect(Math.abs(a.logLikelihood - b.logLikelihood)).toBeLessThanOrEqual(1e-9 * Math.abs(b.logLikelihood));
      }
    }
    // Instants: the default grid rounds the exact times to whole days.
    const instants = summarizeHistories(transactions, { asOf, timeUnit: 'day', period: 'instant' }).map((h) => ({ x: h.x, tx: Math.floor(h.tx + 0.5), T: Math.floor(h.T + 0.5) }));
    const c = compressHistories(toHistoryColumns(instants));
    const js = Array.from(c.x, (x, i) => ({ x, tx: c.tx[i] as number, T: c.T[i] as number, weight: c.weights[i] as number })).sort(byHistory);
    expect(await query(compressedHistoriesSql({ ...source, timeUnit: 'day', period: 'instant' }))).toEqual(js);
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
