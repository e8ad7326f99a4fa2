import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cohortTable } from 'relmark/cohorts';
import { parseCsv, readTransactions } from 'relmark/io';
import { parseCommandLine } from '../../src/cli/commandLine.js';
import { buildCli, root, runCli, tempDir } from './runCli.js';

const sample = join(root, 'examples/data/sample-transactions.csv');
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

describe('relmark cohorts', { timeout: 60_000 }, () => {
  it('gives the table of cohortTable on the same rows (--json), and writes cohorts.csv and cohorts.json (--out)', () => {
    const out = tempDir();
    const run = runCli(cli, ['cohorts', sample, '--as-of', '2025-10-15', '--period', 'quarter', '--time-zone', 'Europe/Paris', '--json', '--out', out, '-q']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { table: unknown; rows: { valid: number }; customers: number; written: string[] };
    const text = readFileSync(sample, 'utf8');
    const { valid } = readTransactions(parseCsv(text).records, { id: 'transaction_id', customerId: 'customer_id', at: 'date', amount: 'amount', kind: 'kind', refundOf: 'refund_of' });
    const expected = cohortTable(valid, { asOf: '2025-10-15', period: 'quarter', timeZone: 'Europe/Paris' });
    // The columnar path sums money per cell in file order, as the record path does: the tables agree.
    expect(summary.table).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(summary.customers).toBe(expected.customers);
    expect(summary.written).toEqual(expect.arrayContaining([join(out, 'cohorts.csv'), join(out, 'cohorts.json')]));
    const csv = parseCsv(readFileSync(join(out, 'cohorts.csv'), 'utf8')).records.map((r) => r.fields);
    expect(csv.length).toBe(expected.cohorts.reduce((n, c) => n + c.cells.length, 0));
    expect(csv[0]).toMatchObject({ cohort: expected.cohorts[0]!.cohort, period: '0', complete: 'true' });
    expect(JSON.parse(readFileSync(join(out, 'cohorts.json'), 'utf8'))).toEqual(summary.table);
    // The human text went to stderr with --json: the retention triangle.
    expect(run.stderr).toMatch(/Retention: share of each cohort active/);
  });

  it('prints the retention triangle, marking the period as-of cuts', () => {
    const dir = tempDir();
    const run = runCli(cli, ['cohorts', sample, '--as-of', '2025-02-15', '-q', '--html', join(dir, 'c.html')]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(dir, 'c.html'), 'utf8');
    expect([...html.matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1])).toEqual(['cohort-retention', 'cohort-value']);
    expect(run.stdout).toMatch(/monthly cohorts in UTC/);
    expect(run.stdout).toMatch(/^2024-09 +\d+ +100%/m);
    expect(run.stdout).toMatch(/\d+%\*/);
  });

  it.each([
    [['cohorts', 'x.csv', '--period', 'day'], /--period must be one of week, month, quarter/],
    [['cohorts', 'x.csv', '--time-zone', 'Mars/Olympus'], /--time-zone must be an IANA time zone/],
    [['rfm', 'x.csv', '--period', 'week'], /--period and --time-zone are options of relmark cohorts/],
    [['cohorts', 'x.csv', '--model', 'bg-nbd'], /cohorts does not fit a model/],
  ])('rejects %j as a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('exits 1 for a usage error and 2 for a file without a valid row', () => {
    expect(runCli(cli, ['cohorts', sample, '--period', 'year']).code).toBe(1);
    expect(runCli(cli, ['cohorts', join(root, 'test/cli/fixtures/header-only.csv'), '-q']).code).toBe(2);
  });
});
