/**
 * relmark quickstart: read the bundled sample transaction log, validate it, and see what was kept
 * and what was rejected (and why). Run with `npm run demo` or `npx tsx examples/quickstart.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPath, parseTransactions } from 'relmark';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/transactions.csv', import.meta.url));
// The sample file has no quoted fields, so splitting on commas is enough here; relmark/io will
// bring an RFC 4180 reader for real exports.
const [header = '', ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
const records = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i] ?? `column${i}`, cell])));

const rows = records.map((r) => ({
  id: r.transaction_id,
  customerId: r.customer_id,
  at: r.date,
  amount: Number(r.amount),
  kind: r.kind,
  ...(r.refund_of ? { refundOf: r.refund_of } : {}),
}));

const { valid, rejected } = parseTransactions(rows, { lineOf: (index) => index + 2 });

const customers = new Set(valid.map((t) => t.customerId));
const revenue = valid.reduce((sum, t) => sum + (t.kind === 'refund' ? -t.amount : t.amount), 0);
console.log(`Read ${rows.length} rows from ${file}`);
console.log(`  valid:    ${valid.length} transactions from ${customers.size} customers, net revenue ${revenue.toFixed(2)}`);
console.log(`  rejected: ${rejected.length} rows (nothing is dropped silently):`);
for (const row of rejected) {
  for (const issue of row.issues) console.log(`    line ${row.line}: ${issue.message} (at ${formatPath(issue.path)})`);
}
