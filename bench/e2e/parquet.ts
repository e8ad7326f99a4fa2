/**
 * Parquet input against CSV input for the same rows (issue #22): the built `relmark report` on a
 * seeded export (bench/e2e/generateExport.ts) and on the Parquet file DuckDB writes from it with
 * typed columns (customer_id VARCHAR, date DATE, amount DOUBLE; DuckDB's defaults: snappy, row groups
 * of 122,880 rows). Runs interleaved; prints CPU (user + sys), wall and peak RSS (GNU time), the
 * ratio Parquet / CSV, and the load average before and after. Files are made on demand in the temp
 * folder and never committed. The goal: Parquet within 1.5× of CSV at 10M rows.
 *
 *   npm run build && npx tsx bench/e2e/parquet.ts [rows=1000000] [customers=rows/10] [runs=3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateExport } from './generateExport.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const customers = Number(process.argv[3] ?? Math.round(rows / 10));
const runs = Number(process.argv[4] ?? 3);
const work = join(tmpdir(), 'relmark-e2e');
const cli = join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');
mkdirSync(work, { recursive: true });

const csv = join(work, `export-${rows}-${customers}.csv`);
const parquet = join(work, `export-${rows}-${customers}.parquet`);
if (!existsSync(csv)) {
  process.stdout.write(`generating ${csv} …\n`);
  await generateExport(rows, customers, csv);
}
if (!existsSync(parquet)) {
  process.stdout.write(`writing ${parquet} with DuckDB …\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(
    `COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})) TO '${parquet}' (FORMAT parquet)`,
  );
  db.closeSync();
  instance.closeSync();
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
function measure(input: string) {
  const out = join(work, 'parquet-out');
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', process.execPath, cli, 'report', input, '--as-of', '2026-01-01', '--out', out, '-q'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`relmark report ${input} exited ${String(result.status)}: ${result.stderr.slice(-2000)}`);
  const [user, sys, wall, kb] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { cpu: (user as number) + (sys as number), wall: wall as number, rss: (kb as number) / 1024 };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

process.stdout.write(`${rows.toLocaleString('en')} rows, ${customers.toLocaleString('en')} customers; CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, Parquet ${(statSync(parquet).size / 1e6).toFixed(0)} MB; load average ${load()} at start\n`);
const fromCsv: ReturnType<typeof measure>[] = [];
const fromParquet: ReturnType<typeof measure>[] = [];
for (let k = 0; k < runs; k++) {
  fromCsv.push(measure(csv));
  fromParquet.push(measure(parquet));
}
const row = (name: string, ms: ReturnType<typeof measure>[]) =>
  `| ${name} | ${median(ms.map((m) => m.cpu)).toFixed(2)} s | ${median(ms.map((m) => m.wall)).toFixed(2)} s | ${Math.max(...ms.map((m) => m.rss)).toFixed(0)} MB | ${ms.map((m) => `${m.cpu.toFixed(2)}/${m.wall.toFixed(2)}`).join(', ')} |`;
process.stdout.write(`| input | median CPU | median wall | max RSS | runs (CPU/wall s) |\n|---|---|---|---|---|\n${row('CSV', fromCsv)}\n${row('Parquet', fromParquet)}\n`);
process.stdout.write(
  `Parquet / CSV: CPU ×${(median(fromParquet.map((m) => m.cpu)) / median(fromCsv.map((m) => m.cpu))).toFixed(2)}, wall ×${(median(fromParquet.map((m) => m.wall)) / median(fromCsv.map((m) => m.wall))).toFixed(2)}; load average ${load()} at the end\n`,
);
