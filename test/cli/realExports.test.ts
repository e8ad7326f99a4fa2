import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from 'relmark/io';
import { buildCli, root, runCli, tempDir } from './runCli.js';

// The command on the shapes real exports take: far-apart duplicates and refunds, gzip, JSON lines,
// Latin-1, padded and hostile ids, unwritable outputs and programs reading --json.
let cli: string;
const sample = join(root, 'examples/data/sample-transactions.csv');

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

/** A CSV of `filler` purchases (customers f0…f49, one a day) with `rows` placed at given positions. */
function exportWith(dir: string, name: string, header: string, filler: (i: number) => string, count: number, placed: Record<number, string>): string {
  const lines = [header];
  for (let i = 0; i < count; i++) lines.push(placed[i] ?? filler(i));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 100) * 86_400_000).toISOString().slice(0, 10);

describe('relmark on real exports', { timeout: 120_000 }, () => {
  it('rejects a transaction id repeated 60,000 rows later, naming both lines, and keeps the first', () => {
    const dir = tempDir();
    const file = exportWith(dir, 'dup.csv', 'id,customer_id,date,amount', (i) => `t${i},f${i % 50},${dayOf(i)},10`, 60_010, { 5: `dup,a,${dayOf(5)},10`, 60_005: `dup,b,${dayOf(60_005)},99` });
    const run = runCli(cli, ['rfm', file, '--as-of', '2022-01-01', '--out', join(dir, 'out'), '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/60,010 rows read .*, 60,009 valid, 1 rejected/);
    const rejected = parseCsv(readFileSync(join(dir, 'out', 'rejected.csv'), 'utf8')).records;
    expect(rejected.map((r) => [r.fields.line, r.fields.code])).toEqual([['60007', 'duplicate_id']]);
    expect(rejected[0]?.fields.message).toContain('first on line 7');
    const rfm = parseCsv(readFileSync(join(dir, 'out', 'rfm.csv'), 'utf8')).records.map((r) => r.fields.customerId);
    expect(rfm).toContain('a');
    expect(rfm).not.toContain('b');
  });

  it('links a refund 60,000 rows after its purchase', () => {
    const dir = tempDir();
    const file = exportWith(dir, 'refund.csv', 'id,customer_id,date,amount,kind,refund_of', (i) => `t${i},f${i % 50},${dayOf(i)},10,purchase,`, 60_010, {
      3: `p1,buyer,${dayOf(3)},80,purchase,`,
      60_003: `r1,buyer,${dayOf(60_003)},30,refund,p1`,
    });
    const run = runCli(cli, ['rfm', file, '--as-of', '2022-01-01', '--columns', 'refundOf=refund_of', '--out', join(dir, 'out'), '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/60,010 valid, 0 rejected/);
    const buyer = parseCsv(readFileSync(join(dir, 'out', 'rfm.csv'), 'utf8')).records.find((r) => r.fields.customerId === 'buyer');
    expect(buyer?.fields.monetary).toBe('50');
  });

  it('reads gzip (by its magic bytes) and JSON lines to the same results as the plain CSV', () => {
    const dir = tempDir();
    const text = readFileSync(sample, 'utf8');
    writeFileSync(join(dir, 'sample.csv.gz'), gzipSync(text));
    const records = parseCsv(text).records;
    writeFileSync(join(dir, 'sample.jsonl'), `${records.map((r) => JSON.stringify({ ...r.fields, amount: Number(r.fields.amount) })).join('\n')}\n`);
    writeFileSync(join(dir, 'sample.data'), gzipSync(readFileSync(join(dir, 'sample.jsonl'))));
    const outputs = [sample, join(dir, 'sample.csv.gz'), join(dir, 'sample.jsonl'), join(dir, 'sample.data')].map((file, k) => {
      const run = runCli(cli, ['rfm', file, '--as-of', '2026-01-01', '--out', join(dir, `o${k}`), '-q']);
      expect(run.code, run.stderr).toBe(0);
      return readFileSync(join(dir, `o${k}`, 'rfm.csv'), 'utf8');
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[3]).toBe(outputs[0]);
  });

  it('stops on Latin-1 bytes with the line and the option to use, and reads them with --encoding latin1', () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('customer_id,date,amount\nabc,2025-01-01,3\n'), Buffer.from('M\xfcller,2025-01-02,4\nM\xfcller,2025-02-02,5\n', 'latin1')]));
    const strict = runCli(cli, ['rfm', file, '--as-of', '2026-01-01', '-q']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/Line 3 is not valid UTF-8/);
    expect(strict.stderr).toMatch(/latin1/);
    const out = join(dir, 'out');
    const latin = runCli(cli, ['rfm', file, '--as-of', '2026-01-01', '--encoding', 'latin1', '--out', out, '-q']);
    expect(latin.code, latin.stderr).toBe(0);
    expect(parseCsv(readFileSync(join(out, 'rfm.csv'), 'utf8')).records.map((r) => r.fields.customerId)).toEqual(['Müller', 'abc']);
  });

  it('says how many customer ids were merged because they differed only in surrounding blanks', () => {
    const dir = tempDir();
    const file = join(dir, 'blanks.csv');
    writeFileSync(file, 'customer_id,date,amount\n42,2025-01-01,1\n" 42",2025-01-02,1\n42 ,2025-01-03,1\n7,2025-01-03,1\n');
    const run = runCli(cli, ['rfm', file, '--as-of', '2026-01-01', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 customer ids were written with and without surrounding blanks and merged after trimming \("42" from "42" and " 42" and "42 "\)/);
  });

  it('prints control characters of ids and cells as escapes, never raw', () => {
    const dir = tempDir();
    const file = join(dir, 'hostile.csv');
    const evil = '"\x1b[2J\x1b]0;owned\x07evil"';
    // The sample's columns are transaction_id,customer_id,date,amount,kind,refund_of.
    writeFileSync(file, `${readFileSync(sample, 'utf8').trimEnd()}\nE1,${evil},2025-01-01,100,purchase,\nE2,${evil},2025-03-01,100,purchase,\nE3,ok,2025-01-01,oops\x1b[31m,purchase,\n`);
    const run = runCli(cli, ['report', file, '--as-of', '2026-01-01', '-q', '--top', '100000']);
    expect(run.code, run.stderr).toBe(0);
    const all = run.stdout + run.stderr;
    // eslint-disable-next-line no-control-regex
    expect(all).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(run.stdout).toContain('\\x1B[2J');
  });

  it('stops with the customer and the line when amounts add up beyond the largest number', () => {
    const dir = tempDir();
    const file = join(dir, 'huge.csv');
    writeFileSync(file, 'customer_id,date,amount\nsmall,2025-01-01,3\nwhale,2025-01-01,1e308\nwhale,2025-02-01,1e308\n');
    const run = runCli(cli, ['rfm', file, '--as-of', '2026-01-01', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/amounts of customer "whale" add up beyond .* at line 4/);
  });

  it('gives a one-line error and exit 2 for an output path it cannot write', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const asFile = join(dir, 'a-file');
    writeFileSync(asFile, 'x');
    for (const args of [
      ['--out', join(asFile, 'out')],
      ['--html', join(asFile, 'r.html')],
      ['--rejected', join(asFile, 'rejected.csv')],
      ...(process.getuid?.() === 0 ? [] : [['--out', join(locked, 'out')]]),
    ]) {
      const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '-q', ...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('relmark: cannot write'))).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--json writes one JSON document to stdout and the text to stderr', () => {
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--json', '-q', '--top', '3']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { asOf: string; rows: { read: number; valid: number }; segments: { customers: number }[]; fit: { transactionModel: { model: string } }; topCustomers: unknown[]; customers: number };
    expect(summary.asOf).toBe('2026-01-01T00:00:00.000Z');
    expect(summary.rows.valid).toBeGreaterThan(0);
    expect(summary.segments.reduce((n, s) => n + s.customers, 0)).toBe(summary.customers);
    expect(summary.fit.transactionModel.model).toBe('bg-nbd');
    expect(summary.topCustomers).toHaveLength(3);
    expect(run.stderr).toMatch(/RFM segments of/);
  });

  it('prints and writes the RFM results before a fit that fails, then exits 3 with the reason', () => {
    const dir = tempDir();
    const run = runCli(cli, ['report', join(root, 'test/cli/fixtures/one-purchase-each.csv'), '--as-of', '2026-01-01', '--out', dir, '-q', '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/RFM segments of/);
    expect(readdirSync(dir).sort()).toEqual(['customers.csv', 'customers.json']);
    const summary = JSON.parse(run.stdout) as { segments: unknown[]; fitError: { code: string } };
    expect(summary.segments.length).toBeGreaterThan(0);
    expect(summary.fitError.code).toBe('degenerate_data');
  });
});
