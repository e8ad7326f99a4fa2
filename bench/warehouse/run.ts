/**
 * The warehouse path end to end (issue #22), on PostgreSQL (a private server, as the tests start it)
 * and on DuckDB (embedded): seeded transactions are loaded into each engine (not part of the path:
 * the data lives there already), then step by step, each timed, with the bytes that cross between
 * the engine and Node:
 *
 *   1. compressedHistoriesSql            → distinct (x, tx, T, weight) rows into Node
 *   2. fitBgNbd on those rows            (Node)
 *   3. repeat buyers' (x, monetaryMean)  → into Node (Gamma-Gamma needs each customer's mean spend)
 *   4. fitGammaGamma                     (Node)
 *   5. the CLV factor per distinct row   (Node: discounted expected purchases, P(alive))
 *   6. factors → a table in the engine   (Node → engine)
 *   7. CLV per customer as a table       (engine: historiesSql joined to the factors, Gamma-Gamma's
 *                                          expected spend written in SQL)
 *
 * Bytes are the payload of the values moved (8 bytes a number; the wire protocol adds framing), not
 * measured on the socket. The data is drawn from BG/NBD and Gamma-Gamma (bench/warehouse/bgNbdLog.ts),
 * purchases only, about 10 transactions a customer.
 *
 *   npx tsx --tsconfig tsconfig.json bench/warehouse/run.ts                          # 10,000 customers (~100k transactions)
 *   RELMARK_BENCH_CUSTOMERS=1000000 npx tsx --tsconfig tsconfig.json bench/warehouse/run.ts  # 1M customers (~10M)
 *   RELMARK_BENCH_RESOLUTION_DAYS=7 …    # times on a week grid (fewer rows to move and fit)
 *   RELMARK_BENCH_ENGINES=duckdb …       # one engine only (postgresql, duckdb)
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { customerLifetimeValueUnchecked, fitBgNbd, fitGammaGammaUnchecked, type BgNbdFit, type GammaGammaFit } from 'relmark/clv';
import { compressedHistoriesSql, historiesSql, type CompressedHistoryRow, type SqlDialect } from 'relmark/sql';
import { queryRows, startPostgres } from '../../test/helpers/postgresServer.js';
import { benchAsOf } from '../rfmData.js';
import { warehouseTruth, writeBgNbdLog } from './bgNbdLog.js';

const customers = Number(process.env.RELMARK_BENCH_CUSTOMERS ?? 10_000);
const resolutionDays = Number(process.env.RELMARK_BENCH_RESOLUTION_DAYS ?? 1);
const engines = (process.env.RELMARK_BENCH_ENGINES ?? 'postgresql,duckdb').split(',') as SqlDialect[];
const clvOptions = { horizonMonths: 12, monthlyDiscountRate: 0.01 } as const;
const timeUnit = 'week';

/** What an engine must do for the path: run a query into rows, run a statement, load factor rows. */
interface Engine {
  readonly dialect: SqlDialect;
  rows<Row>(sql: string): Promise<Row[]>;
  run(sql: string): Promise<void>;
  loadFactors(rows: readonly (readonly number[])[]): Promise<void>;
  close(): Promise<void>;
}

interface Step {
  readonly step: string;
  readonly seconds: number;
  readonly rows?: number;
  readonly bytes?: number;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

async function timed<T>(steps: Step[], step: string, work: () => Promise<T> | T, size?: (result: T) => { rows: number; bytes: number }): Promise<T> {
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  steps.push({ step, seconds, ...(size === undefined ? {} : size(result)) });
  process.stderr.write(`  ${step}: ${seconds.toFixed(2)} s\n`);
  return result;
}

async function postgresEngine(csv: string): Promise<Engine> {
  const server = startPostgres({ work_mem: '512MB', shared_buffers: '512MB', max_wal_size: '4GB' });
  if ('skipped' in server) throw new Error(server.skipped);
  const client = await server.connect();
  await client.query('CREATE UNLOGGED TABLE staging (customer_id TEXT, at_ms BIGINT, amount DOUBLE PRECISION)');
  await client.query(`COPY staging FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
  await client.query(`CREATE TABLE tx AS SELECT customer_id, TIMESTAMP '1970-01-01' + at_ms * INTERVAL '1 millisecond' AS "at", amount FROM staging`);
  await client.query('DROP TABLE staging');
  await client.query('ANALYZE tx');
  return {
    dialect: 'postgresql',
    rows: (sql) => queryRows(client, sql),
    run: async (sql) => void (await client.query(sql)),
    loadFactors: async (rows) => {
      await client.query('DROP TABLE IF EXISTS clv_factors');
      await client.query('CREATE TABLE clv_factors (x DOUBLE PRECISION, tx DOUBLE PRECISION, "T" DOUBLE PRECISION, purchase_value DOUBLE PRECISION, p_alive DOUBLE PRECISION, expected_purchases DOUBLE PRECISION)');
      for (let start = 0; start < rows.length; start += 50_000) {
        const part = rows.slice(start, start + 50_000);
        await client.query('INSERT INTO clv_factors SELECT * FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])', [0, 1, 2, 3, 4, 5].map((k) => part.map((r) => r[k])));
      }
    },
    close: async () => {
      await client.end();
      server.stop();
    },
  };
}

async function duckdbEngine(csv: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run(`CREATE TABLE tx AS SELECT customer_id, epoch_ms(at_ms) AS "at", amount FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'at_ms': 'BIGINT', 'amount': 'DOUBLE'})`);
  return {
    dialect: 'duckdb',
    rows: async <Row>(sql: string) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as Row),
    run: async (sql) => void (await connection.run(sql)),
    loadFactors: async (rows) => {
      await connection.run('CREATE OR REPLACE TABLE clv_factors (x DOUBLE, tx DOUBLE, "T" DOUBLE, purchase_value DOUBLE, p_alive DOUBLE, expected_purchases DOUBLE)');
      const appender = await connection.createAppender('clv_factors');
      for (const row of rows) {
        for (const value of row) appender.appendDouble(value);
        appender.endRow();
      }
      appender.closeSync();
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function warehousePath(engine: Engine): Promise<Step[]> {
  const steps: Step[] = [];
  const source = { dialect: engine.dialect, table: 'tx', columns: { customerId: 'customer_id', at: 'at', amount: 'amount' }, asOf: benchAsOf, timeUnit } as const;
  const compressed = await timed(steps, '1. compressedHistoriesSql → Node', () => engine.rows<CompressedHistoryRow>(compressedHistoriesSql({ ...source, resolutionDays })), (r) => ({ rows: r.length, bytes: r.length * 4 * 8 }));
  const bgNbd: BgNbdFit = await timed(steps, '2. fitBgNbd(rows)', () => fitBgNbd(compressed, { timeUnit }));
  // The same two steps on a week grid, for the trade-off between rows moved and time precision.
  const weekly = await timed(steps, '1b. the same on a 7-day grid → Node', () => engine.rows<CompressedHistoryRow>(compressedHistoriesSql({ ...source, resolutionDays: 7 })), (r) => ({ rows: r.length, bytes: r.length * 4 * 8 }));
  const weeklyFit = await timed(steps, '2b. fitBgNbd(7-day rows)', () => fitBgNbd(weekly, { timeUnit }));
  const q = (name: string) => (engine.dialect === 'postgresql' || engine.dialect === 'duckdb' ? `"${name}"` : name);
  // Histories on the same grid as the compressed rows (the default grid leaves day-exact times as they are).
  if (resolutionDays !== 1) throw new Error('step 7 joins historiesSql to the factors, which needs resolutionDays = 1');
  const histories = historiesSql(source);
  const spend = await timed(
    steps,
    '3. repeat buyers (x, monetaryMean) → Node',
    () => engine.rows<{ x: number; monetaryMean: number }>(`SELECT ${q('x')}, ${q('monetaryMean')} FROM (${histories}) AS h WHERE ${q('x')} > 0`),
    (r) => ({ rows: r.length, bytes: r.length * 2 * 8 }),
  );
  const gammaGamma: GammaGammaFit = await timed(steps, '4. fitGammaGamma', () => ({
    ...fitGammaGammaUnchecked({ x: Float64Array.from(spend, (s) => s.x), monetaryMean: Float64Array.from(spend, (s) => s.monetaryMean) }),
    excluded: [],
  }));
  const factors = await timed(steps, '5. CLV factor per distinct row (Node)', () => {
    const n = compressed.length;
    const columns = {
      x: Float64Array.from(compressed, (r) => r.x),
      tx: Float64Array.from(compressed, (r) => r.tx),
      T: Float64Array.from(compressed, (r) => r.T),
      monetaryMean: new Float64Array(n), // spend enters in SQL: CLV = purchase_value × E[spend | x, z̄]
    };
    const value = customerLifetimeValueUnchecked(bgNbd, gammaGamma, columns, clvOptions);
    return compressed.map((r, i) => [r.x, r.tx, r.T, (value.clv[i] as number) / (value.expectedSpend[i] as number), value.probabilityAlive[i] as number, value.expectedPurchases[i] as number] as const);
  });
  await timed(steps, '6. factors → engine table', () => engine.loadFactors(factors), () => ({ rows: factors.length, bytes: factors.length * 6 * 8 }));
  const { p, q: gq, v } = gammaGamma.params;
  const spendSql = `${p} * (${v} + h.${q('x')} * h.${q('monetaryMean')}) / (${p} * h.${q('x')} + ${gq} - 1)`;
  await engine.run('DROP TABLE IF EXISTS clv');
  await timed(steps, '7. CLV per customer → engine table', () =>
    engine.run(
      `CREATE TABLE clv AS SELECT h.${q('customerId')} AS customer_id, f.purchase_value * ${spendSql} AS clv, f.expected_purchases, f.p_alive
       FROM (${histories}) AS h JOIN clv_factors AS f ON h.${q('x')} = f.x AND h.${q('tx')} = f.tx AND h.${q('T')} = f.${q('T')}`,
    ),
  );
  const [check] = await engine.rows<{ n: number; total: number }>(`SELECT COUNT(*) AS n, SUM(clv) AS total FROM clv`);
  const weight = compressed.reduce((sum, r) => sum + r.weight, 0);
  const round = (params: object) => JSON.stringify(params, (_k, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(4)) : value));
  console.log(`BG/NBD ${round(bgNbd.params)} from ${compressed.length} rows (7-day grid: ${round(weeklyFit.params)} from ${weekly.length} rows); Gamma-Gamma ${round(gammaGamma.params)}`);
  console.log(`clv table: ${check?.n} customers (the compressed rows weigh ${weight}), total CLV ${Number(check?.total).toFixed(2)}`);
  if (Number(check?.n) !== weight) throw new Error('the clv table does not have one row per customer');
  return steps;
}

const dir = mkdtempSync(join(tmpdir(), 'relmark-warehouse-'));
chmodSync(dir, 0o755); // the PostgreSQL server (another user when root) reads the CSV from here
const csv = join(dir, 'transactions.csv');
try {
  console.log(`# warehouse path, times on a ${resolutionDays}-day grid, asOf ${new Date(benchAsOf).toISOString()}`);
  console.log(`# machine: ${cpus().length} cores, load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const generated = performance.now();
  const transactions = await writeBgNbdLog(csv, customers, benchAsOf);
  chmodSync(csv, 0o644);
  console.log(`# ${transactions.toLocaleString('en')} transactions of ${customers.toLocaleString('en')} customers drawn from BG/NBD ${JSON.stringify(warehouseTruth.bgNbd)} and Gamma-Gamma ${JSON.stringify(warehouseTruth.gammaGamma)} in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  for (const dialect of engines) {
    const loading = performance.now();
    const engine = dialect === 'postgresql' ? await postgresEngine(csv) : await duckdbEngine(csv);
    console.log(`\n## ${dialect} (load, not part of the path: ${((performance.now() - loading) / 1000).toFixed(1)} s)`);
    try {
      const steps = await warehousePath(engine);
      console.log('| step | seconds | rows | payload |\n|---|---:|---:|---:|');
      for (const s of steps) console.log(`| ${s.step} | ${s.seconds.toFixed(2)} | ${s.rows?.toLocaleString('en') ?? ''} | ${s.bytes === undefined ? '' : mb(s.bytes)} |`);
      const path = steps.filter((s) => !s.step.includes('b. ')); // the 7-day variant is not part of the path
      const total = path.reduce((sum, s) => sum + s.seconds, 0);
      const bytes = path.reduce((sum, s) => sum + (s.bytes ?? 0), 0);
      console.log(`| total of steps 1–7 | ${total.toFixed(2)} | | ${mb(bytes)} |`);
    } finally {
      await engine.close();
    }
  }
  console.log(`\n# load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
