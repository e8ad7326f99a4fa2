import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from 'relmark/io';
import { buildCli, root, runCli, tempDir } from './runCli.js';

const sample = join(root, 'examples/data/sample-transactions.csv');
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

/** Order lines for the sample's purchases: coffee in every basket, filters in every other, a mug in every fourth (always with filters); one bad line. */
function writeOrderLines(dir: string): string {
  const purchases = parseCsv(readFileSync(sample, 'utf8')).records.map((r) => r.fields).filter((f) => f.kind === 'purchase' && f.customer_id !== '' && f.transaction_id !== '');
  const rows = ['line_id,transaction_id,customer_id,date,sku,quantity,price'];
  purchases.forEach((p, i) => {
    const skus = ['coffee', ...(i % 2 === 0 ? ['filters'] : []), ...(i % 4 === 0 ? ['mug'] : [])];
    for (const sku of skus) rows.push(`L${rows.length},${String(p.transaction_id)},${String(p.customer_id)},${String(p.date)},${sku},1,4.5`);
  });
  rows.push(`L${rows.length},T999999,C0001,2025-01-01,tea,-1,4.5`);
  const file = join(dir, 'order-lines.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('relmark contacts --order-lines', { timeout: 60_000 }, () => {
  it('plans cross-sell offers with their evidence, reports the rejected line and writes offers.csv/json', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const run = runCli(cli, ['contacts', sample, '--as-of', '2026-01-01', '--order-lines', writeOrderLines(dir), '--out', out, '--top', '3']);
    expect(run.code, run.stderr).toBe(0);
    // The sample's purchase with an impossible date (2025-02-30) is rejected too, with our negative quantity.
    expect(run.stdout).toMatch(/Cross-sell offers from .*order-lines\.csv: \d+ order lines, \d+ valid, 2 rejected/);
    expect(run.stdout).toMatch(/Too small: expected number to be >0 \(rows\[\d+\]\.quantity\)/);
    expect(run.stdout).toMatch(/mug: bought filters; 50% of baskets with filters also have mug, lift 2/);
    expect(run.stdout).toMatch(/customers have an offer backed by a rule; the planner scheduled \d+ this week/);
    const offers = parseCsv(readFileSync(join(out, 'offers.csv'), 'utf8'));
    expect(offers.header).toEqual(['customerId', 'at', 'channel', 'products', 'explanation']);
    expect(offers.records.length).toBeGreaterThan(0);
    for (const { fields } of offers.records) {
      expect(String(fields.explanation)).toMatch(/bought .*% of baskets with .* also have .*, lift \d/);
      expect(Date.parse(String(fields.at))).toBeGreaterThanOrEqual(Date.parse('2026-01-01'));
    }
    // One offer per customer: the planner's cap of one a week holds.
    const customers = offers.records.map((r) => r.fields.customerId);
    expect(new Set(customers).size).toBe(customers.length);
    expect(existsSync(join(out, 'offers.json'))).toBe(true);
  });

  it('is a usage error on other commands, and an input error (exit 2) without the needed columns', () => {
    const dir = tempDir();
    const bad = join(dir, 'lines.csv');
    writeFileSync(bad, 'order,sku\nT1,coffee\n');
    expect(runCli(cli, ['rfm', sample, '--order-lines', bad]).code).toBe(1);
    const run = runCli(cli, ['contacts', sample, '--as-of', '2026-01-01', '--order-lines', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no column for customerId, at/);
  });
});
