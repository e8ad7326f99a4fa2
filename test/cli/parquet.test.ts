import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, runCli, tempDir } from './runCli.js';

const sample = join(root, 'examples/data/sample-transactions.csv');
let cli: string;
let dir: string;
let parquet: string;
let csvWithBadRows: string;
let parquetWithBadRows: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = tempDir();
  parquet = join(dir, 'sample.parquet');
  // The sample with typed columns (DATE, DECIMAL); and, under a name without the .parquet extension
  // (found by its magic bytes), a copy as text with two more rejected rows (a negative amount, no customer).
  const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
  csvWithBadRows = join(dir, 'bad.csv');
  writeFileSync(csvWithBadRows, `${[...lines.slice(0, 5), 'T900001,C0001,2024-10-01,-3.00,purchase,', 'T900002,,2024-10-02,4.00,purchase,', ...lines.slice(5)].join('\n')}\n`);
  parquetWithBadRows = join(dir, 'bad-export.bin');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  // Typed: the sample's impossible dates and non-numbers become NULL (rejected either way, with other reasons).
  const typed = `SELECT transaction_id, customer_id, TRY_CAST("date" AS DATE) AS "date", TRY_CAST(amount AS DECIMAL(10, 2)) AS amount, kind, refund_of FROM read_csv('${sample}', all_varchar = true, header = true)`;
  await db.run(`COPY (${typed}) TO '${parquet}' (FORMAT parquet)`);
  // As text: every cell as in the CSV, so the rejected rows match cell for cell.
  await db.run(`COPY (SELECT * FROM read_csv('${csvWithBadRows}', all_varchar = true, header = true)) TO '${parquetWithBadRows}' (FORMAT parquet)`);
  db.closeSync();
  instance.closeSync();
}, 60_000);

describe('relmark on Parquet files', () => {
  it.each([
    ['rfm', 'rfm.csv'],
    ['report', 'customers.csv'],
  ])('%s writes the same %s from the Parquet file as from its CSV', (command, file) => {
    const fromCsv = runCli(cli, [command, sample, '--as-of', '2025-06-01', '--out', join(dir, `${command}-csv`), '-q']);
    const fromParquet = runCli(cli, [command, parquet, '--as-of', '2025-06-01', '--out', join(dir, `${command}-parquet`), '-q']);
    expect([fromCsv.code, fromParquet.code]).toEqual([0, 0]);
    const customers = (folder: string) => readFileSync(join(dir, folder, file), 'utf8');
    expect(customers(`${command}-parquet`)).toBe(customers(`${command}-csv`));
    expect(customers(`${command}-parquet`).split('\n').length).toBeGreaterThan(100);
  }, 120_000);

  it('finds Parquet by its magic bytes and lists the same rejected rows as the CSV (line, field, code)', () => {
    const fromCsv = runCli(cli, ['rfm', csvWithBadRows, '--as-of', '2025-06-01', '--out', join(dir, 'bad-csv'), '-q']);
    const fromParquet = runCli(cli, ['rfm', parquetWithBadRows, '--as-of', '2025-06-01', '--out', join(dir, 'bad-parquet'), '-q']);
    expect([fromCsv.code, fromParquet.code]).toEqual([0, 0]);
    const rejected = (folder: string) =>
      readFileSync(join(dir, folder, 'rejected.csv'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => line.split(',').slice(0, 3).join(','));
    expect(rejected('bad-parquet')).toEqual(rejected('bad-csv'));
    expect(rejected('bad-parquet').slice(1, 3).map((line) => line.split(',')[0])).toEqual(['6', '7']);
    expect(readFileSync(join(dir, 'bad-parquet', 'rfm.csv'), 'utf8')).toBe(readFileSync(join(dir, 'bad-csv', 'rfm.csv'), 'utf8'));
  }, 120_000);

  it('refuses Parquet on standard input with a clear message', () => {
    const run = runCli(cli, ['rfm', '-', '--as-of', '2025-06-01'], { input: readFileSync(parquet, 'latin1') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give the file path instead of -');
  });
});
