import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressHistories, fitBgNbd, fitParetoNbd, summarizeHistories, toHistoryColumns } from 'relmark/clv';
import { parseTransactions } from 'relmark/models';
import { summarizeRfm } from 'relmark/rfm';
import { compressedHistoriesSql, historiesSql, rfmSummarySql, type CompressedHistoryRow } from 'relmark/sql';
import { partitionedTransactionsArbitrary } from 'relmark/testing';
import { readCdnowMaster } from '../helpers/cdnowMaster.js';
import { loadTransactionTable, queryRows, startPostgres, type PostgresServer } from '../helpers/postgresServer.js';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';

// The PostgreSQL dialect run on a real server: a private PostgreSQL (Debian's package) started by
// this suite in a temporary folder, stopped in afterAll. Without PostgreSQL the suite says why and
// skips; .ci/run installs the package when it is missing. cohortTableSql joins here once it exists:
// load with loadTransactionTable and compare with the JS path as below.

const started = startPostgres();
const server: PostgresServer | undefined = 'skipped' in started ? undefined : started;
const why = 'skipped' in started ? ` (skipped: ${started.skipped})` : '';
const runIf = it.skipIf(server === undefined);

/** Table and column names that would break unquoted or badly quoted SQL. */
const table = 'orders"; DROP TABLE x; --';
const columns = { customerId: 'Customer "Id"', at: 'ordered at', amount: 'Total $', kind: 'kind', id: 'order id', refundOf: 'refund of' } as const;
const plain = { customerId: columns.customerId, at: columns.at, amount: columns.amount } as const;

let client: pg.Client;

beforeAll(async () => {
  if (server !== undefined) client = await server.connect();
});

afterAll(async () => {
  await client?.end();
  server?.stop();
});

const byHistory = (a: CompressedHistoryRow, b: CompressedHistoryRow) => a.x - b.x || a.tx - b.tx || a.T - b.T;

function compressedInJs(histories: readonly { x: number; tx: number; T: number }[]): CompressedHistoryRow[] {
  const c = compressHistories(toHistoryColumns(histories));
  return Array.from(c.x, (x, i) => ({ x, tx: c.tx[i] as number, T: c.T[i] as number, weight: c.weights[i] as number })).sort(byHistory);
}

describe(`historiesSql, rfmSummarySql and compressedHistoriesSql on PostgreSQL ${server?.version ?? ''}${why}`, () => {
  runIf('survive hostile table and column names (quoted, not executed)', async () => {
    await loadTransactionTable(client, table, columns, [{ customerId: 'a', at: Date.UTC(2024, 0, 1), amount: 1 }]);
    await client.query('DROP TABLE IF EXISTS x; CREATE TABLE x (v INTEGER)');
    expect(await queryRows(client, historiesSql({ dialect: 'postgresql', table, columns, asOf: '2024-01-08' }))).toEqual([{ customerId: 'a', x: 0, tx: 0, T: 1, monetaryMean: 0 }]);
    expect(await queryRows(client, 'SELECT COUNT(*) AS n FROM x')).toEqual([{ n: 0 }]);
  });

  runIf('equal summarizeHistories, summarizeRfm and compressHistories on generated logs with refunds, same-day purchases and rows after asOf', async () => {
    const logs = fc.sample(partitionedTransactionsArbitrary({ maxCustomers: 6, maxPurchases: 60 }), { numRuns: 8, seed: 20240601 });
    const asOf = '2024-01-15T12:00:00Z';
    const all = logs.flatMap((log) => log.transactions);
    expect(all.filter((t) => t.kind === 'refund').length).toBeGreaterThan(10);
    expect(all.filter((t) => (t.at as string) > asOf).length).toBeGreaterThan(10);
    let compared = 0;
    for (const { transactions } of logs) {
      const valid = parseTransactions(transactions).valid;
      const kept = transactions.filter((t) => new Date(t.at as string).getTime() <= Date.parse(asOf));
      await loadTransactionTable(client, 'log', columns, valid.map((t) => ({ customerId: t.customerId, at: t.at.getTime(), amount: t.amount, kind: t.kind, id: t.id, refundOf: t.refundOf })));
      for (const period of ['day', 'instant'] as const) {
        for (const timeUnit of ['day', 'week', 'month'] as const) {
          const js = summarizeHistories(kept, { asOf, period, timeUnit });
          // Amounts are multiples of 1/4, so every sum is exact in any order: compare exactly.
          expect(await queryRows(client, historiesSql({ dialect: 'postgresql', table: 'log', columns, asOf, period, timeUnit }))).toEqual(js);
          if (period === 'day') {
            const sql = await queryRows(client, compressedHistoriesSql({ dialect: 'postgresql', table: 'log', columns, asOf, period, timeUnit }));
            expect(sql).toEqual(compressedInJs(js));
          }
          compared += js.length;
        }
      }
      for (const frequency of ['purchases', 'days'] as const) {
        for (const monetary of ['total', 'mean'] as const) {
          const sql = await queryRows(client, rfmSummarySql({ dialect: 'postgresql', table: 'log', columns, asOf, frequency, monetary, timeUnit: 'week' }));
          const js = summarizeRfm(transactions, { asOf, frequency, monetary, timeUnit: 'week', futureTransactions: 'exclude' }).summaries;
          expect(sql).toEqual(js.map((s) => ({ ...s, firstPurchaseAt: s.firstPurchaseAt.getTime(), lastPurchaseAt: s.lastPurchaseAt.getTime() })));
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  runIf('cuts microsecond instants down to the millisecond as the JS path does (23:59:59.9996 stays on its day)', async () => {
    // Written as text so that the server keeps the microseconds; JS reads the same text.
    const rows = [
      ['a', '2024-01-01 12:00:00'],
      ['a', '2024-01-01 23:59:59.9996'], // ROUND made this 2024-01-02 00:00:00.000: one more occasion for a
      ['b', '2024-01-01 23:59:59.9995'], // ROUND moved b's first purchase to the 2nd: x 1 → 0
      ['b', '2024-01-02 10:00:00'],
      ['c', '2024-01-02 23:59:59.999999'], // the last microsecond of asOf's millisecond: kept by the cut
      ['d', '1969-12-31 23:59:59.9996'], // before 1970: floor is −1 ms, truncation toward zero would be 0
      ['d', '1970-01-01 00:00:00'],
    ] as const;
    const asOf = '2024-01-02T23:59:59.999Z';
    for (const type of ['timestamp', 'timestamptz'] as const) {
      await client.query(`DROP TABLE IF EXISTS micro; CREATE TABLE micro (c TEXT, at ${type}, amount DOUBLE PRECISION)`);
      await client.query("SET TimeZone = 'America/New_York'"); // a TIMESTAMPTZ literal without offset is read as UTC below
      for (const [c, at] of rows) await client.query(`INSERT INTO micro VALUES ($1, CAST($2 AS TIMESTAMP) ${type === 'timestamptz' ? "AT TIME ZONE 'UTC'" : ''}, 1)`, [c, at]);
      const transactions = rows.map(([customerId, at]) => ({ customerId, at: `${at.replace(' ', 'T')}Z`, amount: 1 }));
      const source = { dialect: 'postgresql', table: 'micro', columns: { customerId: 'c', at: 'at', amount: 'amount' }, asOf } as const;
      for (const period of ['day', 'instant'] as const) {
        const js = summarizeHistories(transactions, { asOf, period, timeUnit: 'day' });
        if (period === 'day') expect(js.map((h) => h.x)).toEqual([0, 1, 0, 1]); // a: one day; b: two days; d: two days
        expect(await queryRows(client, historiesSql({ ...source, period, timeUnit: 'day' }))).toEqual(js);
      }
      const rfm = await queryRows(client, rfmSummarySql(source));
      expect(rfm.map((r) => [r.customerId, r.firstPurchaseAt, r.lastPurchaseAt])).toEqual([
        ['a', Date.UTC(2024, 0, 1, 12), Date.UTC(2024, 0, 1, 23, 59, 59, 999)],
        ['b', Date.UTC(2024, 0, 1, 23, 59, 59, 999), Date.UTC(2024, 0, 2, 10)],
        ['c', Date.UTC(2024, 0, 2, 23, 59, 59, 999), Date.UTC(2024, 0, 2, 23, 59, 59, 999)],
        ['d', -1, 0],
      ]);
      await client.query("SET TimeZone = 'UTC'");
    }
  });

  const master = sharedDataFile('CDNOW_master.txt');
  const reason = master === undefined ? ` ${missingDataReason('CDNOW_master.txt')}` : '';
  it.skipIf(server === undefined || master === undefined)(
    `give the JS histories, RFM summaries and compressed rows of CDNOW_master.txt (counts and times exact, money rtol 1e-12), and the same BG/NBD and Pareto/NBD fits from the compressed rows${reason}`,
    async () => {
      const rows = readCdnowMaster(master as string);
      const at = (t: { at: unknown }) => Date.parse(`${String(t.at)}T00:00:00Z`);
      await loadTransactionTable(client, 'cdnow', columns, rows.map((r) => ({ customerId: String(r.customerId), at: at(r), amount: r.amount as number })));
      const asOf = '1997-09-30';
      const calibration = rows.filter((r) => at(r) <= Date.parse(asOf));
      const js = summarizeHistories(calibration, { asOf });
      const sql = (await queryRows(client, historiesSql({ dialect: 'postgresql', table: 'cdnow', columns: plain, asOf }))) as { customerId: string; x: number; tx: number; T: number; monetaryMean: number }[];
      expect(sql.length).toBe(23_570);
      expect(sql.map((h) => h.customerId)).toEqual(js.map((h) => h.customerId)); // C collation: code-unit order
      let worst = 0;
      sql.forEach((h, i) => {
        const expected = js[i]!;
        expect([h.x, h.tx, h.T]).toEqual([expected.x, expected.tx, expected.T]);
        worst = Math.max(worst, Math.abs(h.monetaryMean - (expected.monetaryMean ?? 0)) / Math.max(1, expected.monetaryMean ?? 0));
      });
      expect(worst).toBeLessThanOrEqual(1e-12);

      const rfm = (await queryRows(client, rfmSummarySql({ dialect: 'postgresql', table: 'cdnow', columns: plain, asOf: '1998-06-30', frequency: 'days' }))) as { customerId: string; recency: number; frequency: number; orders: number; revenue: number }[];
      const jsRfm = summarizeRfm(rows, { asOf: '1998-06-30', frequency: 'days' }).summaries;
      expect(rfm.length).toBe(jsRfm.length);
      rfm.forEach((s, i) => {
        const expected = jsRfm[i]!;
        expect([s.customerId, s.recency, s.frequency, s.orders]).toEqual([expected.customerId, expected.recency, expected.frequency, expected.orders]);
        expect(Math.abs(s.revenue - expected.revenue)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected.revenue)));
      });

      const compressed = await queryRows<CompressedHistoryRow>(client, compressedHistoriesSql({ dialect: 'postgresql', table: 'cdnow', columns: plain, asOf }));
      expect(compressed).toEqual(compressedInJs(js));
      expect(compressed.reduce((sum, r) => sum + r.weight, 0)).toBe(23_570);
      expect(compressed.length).toBe(8_685); // day-exact times: 2.7 customers a row
      // The rows go to the fitters as they come back; the optimum is that of the 23,570 histories.
      for (const fit of [fitBgNbd, fitParetoNbd]) {
        const fromRows = fit(compressed, { timeUnit: 'week' });
        const fromHistories = fit(js, { timeUnit: 'week' });
        expect(fromRows.customers).toBe(23_570);
        expect(Math.abs(fromRows.logLikelihood - fromHistories.logLikelihood)).toBeLessThanOrEqual(1e-9 * Math.abs(fromHistories.logLikelihood));
        for (const [name, value] of Object.entries(fromHistories.params)) {
          expect(Math.abs((fromRows.params as Record<string, number>)[name]! - value)).toBeLessThanOrEqual(1e-5 * value);
        }
      }
      // A week grid: every time rounded to whole weeks (halves up) before the rows merge.
      const weekly = await queryRows<CompressedHistoryRow>(client, compressedHistoriesSql({ dialect: 'postgresql', table: 'cdnow', columns: plain, asOf, timeUnit: 'day', resolutionDays: 7 }));
      const onWeeks = (days: number) => Math.floor(days / 7 + 0.5) * 7;
      const jsDays = summarizeHistories(calibration, { asOf, timeUnit: 'day' }).map((h) => ({ x: h.x, tx: onWeeks(h.tx), T: onWeeks(h.T) }));
      expect(weekly).toEqual(compressedInJs(jsDays));
    },
    120_000,
  );
});
