/**
 * Cohort tables (issue #20): cohortTable on the columnar path (the reader's batches through the
 * collector the `relmark cohorts` command uses, then the kernel) against DuckDB running
 * cohortTableSql on the same seeded transactions, in the same run; prints each median, the ratio,
 * and the load average (the machine is shared: read the figures with it).
 * Default 1,000,000 transactions / 100,000 customers; the size is
 * RELMARK_BENCH_TRANSACTIONS=10000000 (1,000,000 customers). Monthly cohorts over 3 years.
 * Loading DuckDB is not measured. Run: npx tsx bench/cohorts.ts
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCohortTableCollector } from '../src/cohorts/cohortTableCollector.js';
import { cohortTableSql } from '../src/sql/cohortTableSql.js';
import { createRandom } from '../src/internal/random.js';
import { benchCustomerIds } from './rfmData.js';

const transactions = Number(process.env.RELMARK_BENCH_TRANSACTIONS ?? 1_000_000);
const customers = Math.max(1, Math.round(transactions / 10));
const runs = Number(process.env.RELMARK_BENCH_RUNS ?? 3);
const asOf = Date.UTC(2024, 0, 1);
const span = 3 * 365 * 86_400_000;

// Seeded: each customer is acquired at a uniform instant of the 3 years and buys after it, the
// number of purchases skewed (u² picks low indices more often); 3% refunds of a day later.
const random = createRandom(20261207);
const acquired = new Float64Array(customers);
for (let c = 0; c < customers; c++) acquired[c] = asOf - Math.floor(random() * span);
const customer = new Int32Array(transactions);
const at = new Float64Array(transactions);
const amount = new Float64Array(transactions);
const refund = new Uint8Array(transactions);
for (let i = 0; i < transactions; i++) {
  const c = i < customers ? i : Math.min(customers - 1, Math.floor(random() ** 2 * customers));
  customer[i] = c;
  const start = acquired[c] as number;
  at[i] = i < customers ? start : start + Math.floor(random() * (asOf - start));
  amount[i] = Math.round(Math.exp(2 + 1.5 * random()) * 100) / 100;
  refund[i] = i >= customers && random() < 0.03 ? 1 : 0;
}
const customerIds = benchCustomerIds(customers);
const batchSize = 65_536;

function columnar(): number {
  const collector = createCohortTableCollector({ period: 'month', timeZone: 'UTC' });
  for (let offset = 0; offset < transactions; offset += batchSize) {
    const end = Math.min(transactions, offset + batchSize);
    collector.add({ length: end - offset, customer: customer.subarray(offset, end), at: at.subarray(offset, end), amount: amount.subarray(offset, end), refund: refund.subarray(offset, end) });
  }
  return collector.finish(asOf, customerIds).cohorts.length;
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('CREATE TABLE staging (customer_id VARCHAR, at_ms BIGINT, amount DOUBLE, kind VARCHAR)');
const appender = await connection.createAppender('staging');
for (let i = 0; i < transactions; i++) {
  appender.appendVarchar(customerIds[customer[i] as number] as string);
  appender.appendBigInt(BigInt(at[i] as number));
  appender.appendDouble(amount[i] as number);
  appender.appendVarchar(refund[i] === 1 ? 'refund' : 'purchase');
  appender.endRow();
}
appender.closeSync();
await connection.run('CREATE TABLE tx AS SELECT customer_id, epoch_ms(at_ms) AS "at", amount, kind FROM staging');
await connection.run('DROP TABLE staging');
const query = cohortTableSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'customer_id', at: 'at', amount: 'amount', kind: 'kind' }, asOf, period: 'month' });

async function duckdb(): Promise<number> {
  return (await connection.runAndReadAll(query)).getRows().length;
}

async function median(name: string, fn: () => number | Promise<number>): Promise<number> {
  const times: number[] = [];
  const cpu: number[] = [];
  let result = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)] as number;
  console.log(`${name}: median ${(m / 1000).toFixed(3)} s of ${runs} (${times.map((t) => (t / 1000).toFixed(3)).join(', ')}); CPU time of the process (all threads) median ${((cpu[Math.floor(cpu.length / 2)] as number) / 1000).toFixed(3)} s; result size ${result}`);
  return m;
}

console.log(`${transactions.toLocaleString('en')} transactions / ${customers.toLocaleString('en')} customers, monthly cohorts over 3 years; ${cpus().length} cores`);
console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const js = await median('relmark cohortTable (columnar: collector + kernel)', columnar);
const sql = await median('DuckDB cohortTableSql (rows read back into JS)', duckdb);
console.log(`ratio relmark / DuckDB: ${(js / sql).toFixed(2)}`);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
connection.closeSync();
instance.closeSync();
