/**
 * End-to-end benchmark of the main job (`npm run bench:e2e`): seeded export files are generated
 * (never committed) and the built `relmark` command and DuckDB (single-threaded, through
 * @duckdb/node-api) do the same job on them, interleaved, several runs each. Prints CPU (user + sys),
 * wall time and peak RSS (from GNU time) and the ratios relmark / DuckDB.
 *
 *   npm run bench:e2e                      # 1M rows / 100k customers: rfm --out and report --out --html
 *   RELMARK_E2E_BIG=1 npm run bench:e2e    # also 10M rows / 1M customers, report --out
 *   RELMARK_E2E_WIDE=1 npm run bench:e2e   # also 5M rows of 5M distinct customers, report --out (memory)
 *   RELMARK_E2E_RUNS=5                     # runs per side (default 3)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExport } from './generateExport.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = join(tmpdir(), 'relmark-e2e');
const runs = Number(process.env.RELMARK_E2E_RUNS ?? 3);
const timeBin = '/usr/bin/time';
if (!existsSync(timeBin)) throw new Error('GNU time is needed (apt-get install time)');
const cli = join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');
mkdirSync(work, { recursive: true });

interface Measure {
  cpu: number;
  wall: number;
  rss: number;
  code: number | null;
}

function measure(command: string, args: readonly string[]): Measure {
  const result = spawnSync(timeBin, ['-f', '%U %S %e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = result.stderr.trim().split('\n').at(-1) ?? '';
  const [user, sys, wall, kb] = line.split(' ').map(Number);
  if (result.status !== 0) process.stderr.write(`${command} ${args.join(' ')} exited ${String(result.status)}:\n${result.stderr.slice(-2000)}\n`);
  return { cpu: (user ?? Number.NaN) + (sys ?? Number.NaN), wall: wall ?? Number.NaN, rss: (kb ?? Number.NaN) / 1024, code: result.status };
}

async function file(rows: number, customers: number): Promise<string> {
  const path = join(work, `export-${rows}-${customers}.csv`);
  if (!existsSync(path)) {
    process.stdout.write(`generating ${path} …\n`);
    await generateExport(rows, customers, path);
  }
  return path;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

interface Job {
  readonly name: string;
  readonly relmark: readonly string[];
  readonly duckdb: 'rfm' | 'report';
  readonly rows: number;
  readonly customers: number;
}

const jobs: Job[] = [
  { name: 'rfm --out', relmark: ['rfm'], duckdb: 'rfm', rows: 1_000_000, customers: 100_000 },
  { name: 'report --out --html', relmark: ['report', '--html', join(work, 'report.html')], duckdb: 'report', rows: 1_000_000, customers: 100_000 },
];
if (process.env.RELMARK_E2E_BIG === '1') jobs.push({ name: 'report --out', relmark: ['report'], duckdb: 'report', rows: 10_000_000, customers: 1_000_000 });
if (process.env.RELMARK_E2E_WIDE === '1') jobs.push({ name: 'report --out (5M distinct customers)', relmark: ['report'], duckdb: 'report', rows: 5_000_000, customers: 5_000_000 });

const table: string[] = [];
process.stdout.write(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; ${runs} runs per side, interleaved\n`);
for (const job of jobs) {
  const input = await file(job.rows, job.customers);
  const out = join(work, 'out');
  const mine: Measure[] = [];
  const theirs: Measure[] = [];
  for (let k = 0; k < runs; k++) {
    rmSync(out, { recursive: true, force: true });
    mine.push(measure(process.execPath, [cli, ...job.relmark, input, '--as-of', '2026-01-01', '--out', out, '-q']));
    mkdirSync(out, { recursive: true });
    theirs.push(measure(process.execPath, [join(root, 'bench/e2e/duckdbJob.mjs'), job.duckdb, input, '2026-01-01', join(out, 'duckdb.csv')]));
  }
  const m = { cpu: median(mine.map((r) => r.cpu)), wall: median(mine.map((r) => r.wall)), rss: Math.max(...mine.map((r) => r.rss)) };
  const d = { cpu: median(theirs.map((r) => r.cpu)), wall: median(theirs.map((r) => r.wall)), rss: Math.max(...theirs.map((r) => r.rss)) };
  table.push(
    `| ${job.name} | ${(job.rows / 1e6).toFixed(0)}M rows | relmark ${m.cpu.toFixed(2)} s CPU, ${m.wall.toFixed(2)} s wall, ${m.rss.toFixed(0)} MB | DuckDB ${d.cpu.toFixed(2)} s CPU, ${d.wall.toFixed(2)} s wall, ${d.rss.toFixed(0)} MB | CPU ×${(m.cpu / d.cpu).toFixed(2)}, wall ×${(m.wall / d.wall).toFixed(2)} | exit ${[...new Set(mine.map((r) => r.code))].join('/')} |`,
  );
  process.stdout.write(`${table.at(-1) as string}\n  relmark runs: ${mine.map((r) => `${r.cpu.toFixed(2)}/${r.wall.toFixed(2)}`).join(', ')}; DuckDB runs: ${theirs.map((r) => `${r.cpu.toFixed(2)}/${r.wall.toFixed(2)}`).join(', ')} (CPU/wall s)\n`);
}
process.stdout.write(`\n| job | size | relmark (median CPU, wall; max RSS) | DuckDB 1 thread | relmark / DuckDB | relmark exit |\n|---|---|---|---|---|---|\n${table.join('\n')}\n`);
process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);
