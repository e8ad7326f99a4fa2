import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from 'relmark/io';
import { buildCli, root, runCli, tempDir } from './runCli.js';

const fixture = (name: string) => join(root, 'test/cli/fixtures', name);
const sample = join(root, 'examples/data/sample-transactions.csv');
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

describe('relmark --help and usage errors (exit 1)', { timeout: 30_000 }, () => {
  // Every usage error is checked in process in commandLine.test.ts; here the exit codes.
  it('["report","--help"] prints help and exits 0', () => {
    const run = runCli(cli, ['report', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: relmark/);
    expect(run.stdout).toContain('Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 model did not converge');
  });

  it('no arguments at all prints the help on stderr and exits 1', () => {
    const run = runCli(cli, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: relmark/);
  });

  it.each([
    [['frobnicate', 'x.csv'], /unknown command "frobnicate"/],
    [['report', sample, '--as-of', 'next tuesday'], /--as-of must be a date/],
  ])('%j exits 1 with a reason and a pointer to --help', (args, reason) => {
    const run = runCli(cli, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/--help for the options/);
    expect(run.stdout).toBe('');
  });
});

describe('relmark report on the bundled sample', { timeout: 60_000 }, () => {
  it('prints the segment table, the fit, the calibration check and the top customers, and writes --out and --html', () => {
    const out = tempDir();
    const html = join(out, 'report.html');
    const run = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--out', out, '--html', html, '--top', '5']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('as of 2026-01-01');
    // The sample has 1,753 data rows, three of them deliberately bad (scripts/generate-sample-data.ts).
    expect(run.stdout).toContain('1,753 rows read');
    expect(run.stdout).toMatch(/1,750 valid, 3 rejected/);
    expect(run.stdout).toMatch(/RFM segments of 400 customers/);
    expect(run.stdout).toMatch(/Champions +\d+ +\d+\.\d% +Reward and involve them/);
    expect(run.stdout).toMatch(/BG\/NBD on 400 customers .*log-likelihood -\d+\.\d{3}/);
    expect(run.stdout).toContain('Calibration check');
    expect(run.stdout).toMatch(/Top 5 customers by 12-month CLV/);

    const customers = parseCsv(readFileSync(join(out, 'customers.csv'), 'utf8'));
    expect(customers.header).toEqual(['customerId', 'segment', 'r', 'f', 'm', 'rfmCode', 'recencyDays', 'frequency', 'monetary', 'x', 'tx', 'T', 'probabilityAlive', 'expectedPurchases', 'expectedSpend', 'clv']);
    expect(customers.records).toHaveLength(400);
    const json = JSON.parse(readFileSync(join(out, 'customers.json'), 'utf8')) as Record<string, unknown>[];
    expect(json).toHaveLength(400);
    // CSV and JSON hold the same numbers.
    expect(Number(customers.records[7]?.fields.clv)).toBe(json[7]?.clv);
    for (const row of json) {
      expect(row.probabilityAlive as number).toBeGreaterThanOrEqual(0);
      expect(row.probabilityAlive as number).toBeLessThanOrEqual(1);
      expect(row.clv as number).toBeGreaterThanOrEqual(0);
      expect(row.tx as number).toBeLessThanOrEqual(row.T as number);
    }
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as { transactionModel: { model: string; customers: number }; repeatPurchases: { actual: number }[] };
    expect(fit.transactionModel.model).toBe('bg-nbd');
    // The calibration check accounts for every customer.
    expect(fit.repeatPurchases.reduce((n, r) => n + r.actual, 0)).toBe(400);

    const rejected = parseCsv(readFileSync(join(out, 'rejected.csv'), 'utf8'));
    expect(rejected.header).toEqual(['line', 'field', 'code', 'message', 'value', 'input']);
    expect(rejected.records.map((r) => [r.fields.line, r.fields.field])).toEqual([
      ['1752', 'at'],
      ['1753', 'amount'],
      ['1754', 'customerId'],
    ]);
    expect(run.stdout).toContain(`3 rejected rows, every reason written to ${join(out, 'rejected.csv')}`);

    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect([...page.matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1])).toEqual(['segments', 'rf-heatmap', 'rf-monetary-heatmap', 'repeat-purchases', 'clv-distribution', 'expected-purchases-heatmap', 'alive-heatmap']);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('defaults --as-of to the day after the last transaction and says so', () => {
    const run = runCli(cli, ['rfm', sample, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const dates = parseCsv(readFileSync(sample, 'utf8')).records.map((r) => String(r.fields.date)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)));
    const last = dates.toSorted().at(-1) as string;
    const next = new Date(Date.parse(last) + 86_400_000).toISOString().slice(0, 10);
    expect(run.stdout).toContain(`as of ${next} (default: the day after the last transaction, ${last}; set it with --as-of)`);
  });

  it('leaves out transactions after --as-of and counts them', () => {
    const run = runCli(cli, ['rfm', sample, '--as-of', '2025-06-01', '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/[\d,]+ valid transactions after the as-of date were left out/);
  });

  it('rfm, clv and contacts write their own tables', () => {
    const out = tempDir();
    for (const command of ['rfm', 'clv', 'contacts']) {
      const run = runCli(cli, [command, sample, '--as-of', '2026-01-01', '--out', out, '--format', 'csv', '-q']);
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(out, `${command}.csv`))).toBe(true);
      expect(existsSync(join(out, `${command}.json`))).toBe(false);
    }
    const contacts = parseCsv(readFileSync(join(out, 'contacts.csv'), 'utf8')).records.map((r) => r.fields);
    expect(Object.keys(contacts[0] ?? {})).toEqual(['customerId', 'segment', 'action', 'probabilityAlive', 'clv', 'valueAtRisk']);
    const risk = contacts.map((c) => Number(c.valueAtRisk));
    expect(risk).toEqual(risk.toSorted((a, b) => b - a));
    // Value at risk is CLV / P(alive) × (1 − P(alive)).
    const first = contacts[0] as Record<string, string>;
    const p = Number(first.probabilityAlive);
    expect(Number(first.valueAtRisk)).toBeCloseTo((Number(first.clv) / p) * (1 - p), 6);
    expect(parseCsv(readFileSync(join(out, 'rfm.csv'), 'utf8')).header).not.toContain('clv');
  });

  it('reads the same file from stdin', () => {
    const fromFile = runCli(cli, ['rfm', sample, '--as-of', '2026-01-01', '-q']);
    const fromStdin = runCli(cli, ['rfm', '-', '--as-of', '2026-01-01', '-q'], { input: readFileSync(sample, 'utf8') });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout.split('\n').slice(1)).toEqual(fromFile.stdout.split('\n').slice(1));
  });
});

describe('other layouts: whitespace-separated, mapped columns, YYYYMMDD and epoch dates', { timeout: 60_000 }, () => {
  // The sample's purchases without its refunds and its three deliberately bad rows.
  const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d;
  const records = parseCsv(readFileSync(sample, 'utf8')).records.filter(
    (r) => r.fields.kind === 'purchase' && isRealDate(String(r.fields.date)) && r.fields.customer_id !== '' && Number(r.fields.amount) >= 0,
  );
  const reference = () => runCli(cli, ['clv', sample, '--as-of', '2026-01-01', '-q']);

  it('reads a CDNOW-style blank-separated file with a leading blank and CRLF, detected or named', () => {
    const dir = tempDir();
    const text = [' customer  day  value', ...records.map((r) => ` ${String(r.fields.customer_id)}   ${String(r.fields.date).replace(/-/g, '')}  ${String(r.fields.amount)}`)].join('\r\n');
    writeFileSync(join(dir, 'cdnow-like.txt'), `${text}\r\n`);
    for (const extra of [[], ['--delimiter', 'whitespace']]) {
      const run = runCli(cli, ['clv', 'cdnow-like.txt', '--as-of', '2026-01-01', '--columns', 'customerId=customer,at=day,amount=value', '--out', 'out', '-q', ...extra], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`${records.length.toLocaleString('en-US')} rows read (columns customerId=customer,at=day,amount=value), ${records.length.toLocaleString('en-US')} valid, 0 rejected`);
      expect(existsSync(join(dir, 'out', 'rejected.csv'))).toBe(false);
    }
    // The same purchases as in the CSV (refunds aside) give the same customers.
    expect(reference().stdout).toMatch(/BG\/NBD on 400 customers/);
  });

  it('reads epoch-second dates with --date-format and semicolons', () => {
    const dir = tempDir();
    const text = ['cust;ts;value', ...records.map((r) => `${String(r.fields.customer_id)};${Date.parse(String(r.fields.date)) / 1000};${String(r.fields.amount)}`)].join('\n');
    writeFileSync(join(dir, 'epoch.csv'), text);
    const run = runCli(cli, ['rfm', 'epoch.csv', '--as-of', '2026-01-01', '--columns', 'customerId=cust,at=ts,amount=value', '--date-format', 'epoch_s', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/, 0 rejected/);
    expect(run.stdout).toMatch(/RFM segments of 400 customers/);
  });
});

describe('bad input (exit 2) and a model that does not converge (exit 3)', { timeout: 30_000 }, () => {
  it.each([
    ['empty.csv', /no header/],
    ['header-only.csv', /no valid transaction/],
    ['wrong-columns.csv', /No column for at: the header has "cust", "when", "value"; name it with --columns at=<column>/],
  ])('%s exits 2', (name, reason) => {
    const run = runCli(cli, ['report', fixture(name), '--as-of', '2026-01-01', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
  });

  it('a missing file exits 2', () => {
    const run = runCli(cli, ['report', fixture('no-such-file.csv'), '--as-of', '2026-01-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*no-such-file\.csv/);
  });

  it('bad dates are rejected one by one, with the line and the reason', () => {
    const dir = tempDir();
    const run = runCli(cli, ['rfm', fixture('bad-dates.csv'), '--as-of', '2026-01-01', '--columns', 'customerId=cust,at=day,amount=value', '-q', '--rejected', 'bad.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/5 rows read .*, 2 valid, 3 rejected/);
    const rejected = parseCsv(readFileSync(join(dir, 'bad.csv'), 'utf8')).records.map((r) => [r.fields.line, r.fields.field, r.fields.value]);
    expect(rejected.map((r) => r.slice(0, 2))).toEqual([
      ['3', 'at'],
      ['4', 'at'],
      ['5', 'at'],
    ]);
    // The original cell text is kept, in the file and on screen.
    const cells = readFileSync(fixture('bad-dates.csv'), 'utf8').split(/\r?\n/).slice(2, 5).map((line) => line.split(',')[1]);
    expect(rejected.map((r) => r[2])).toEqual(cells);
    expect(run.stdout).toContain(`(at ${JSON.stringify(cells[0])})`);
  });

  it('writes no file into the current folder unless asked', () => {
    const dir = tempDir();
    const run = runCli(cli, ['rfm', fixture('bad-dates.csv'), '--as-of', '2026-01-01', '--columns', 'customerId=cust,at=day,amount=value', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(run.stdout).toMatch(/3 rejected rows \(write every reason with --rejected/);
  });

  it('--strict turns rejected rows into exit 2, after writing them', () => {
    const dir = tempDir();
    const run = runCli(cli, ['rfm', fixture('bad-dates.csv'), '--as-of', '2026-01-01', '--columns', 'customerId=cust,at=day,amount=value', '--strict', '-q', '--rejected', 'rejected.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'rejected.csv'))).toBe(true);
  });

  it('escapes spreadsheet formulas in every CSV it writes, and rejects rows of the wrong width', () => {
    const out = tempDir();
    const run = runCli(cli, ['rfm', fixture('broken.csv'), '--as-of', '2026-01-01', '--out', out, '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/4 rows read .*, 2 valid, 2 rejected/);
    const rfmText = readFileSync(join(out, 'rfm.csv'), 'utf8');
    expect(rfmText).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(rfmText).toContain("\r\n'+1,");
    expect(rfmText).not.toMatch(/\r\n[=+\-@]/);
    const rejected = parseCsv(readFileSync(join(out, 'rejected.csv'), 'utf8')).records.map((r) => [r.fields.line, r.fields.field, r.fields.code]);
    expect(rejected).toEqual([
      ['4', 'amount', 'invalid_type'],
      ['5', '', 'column_count'],
    ]);
  });

  it('exits 3 with the reason when BG/NBD cannot be fitted (nobody bought twice)', () => {
    const run = runCli(cli, ['clv', fixture('one-purchase-each.csv'), '--as-of', '2026-01-01', '-q']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not converge/);
    expect(run.stderr).toMatch(/reason: \w+/);
  });
});
