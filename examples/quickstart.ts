/**
 * relmark quickstart: read the bundled sample transaction log, validate it, and see what was kept
 * and what was rejected (and why). Run with `npm run demo` or `npx tsx examples/quickstart.ts [file]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPath } from 'relmark';
import { parseCsv, readTransactions } from 'relmark/io';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const csv = parseCsv(readFileSync(file, 'utf8'));
const { valid, rejected } = readTransactions(csv.records, {
  id: 'transaction_id',
  customerId: 'customer_id',
  at: 'date',
  refundOf: 'refund_of',
});

const customers = new Set(valid.map((t) => t.customerId));
const revenue = valid.reduce((sum, t) => sum + (t.kind === 'refund' ? -t.amount : t.amount), 0);
console.log(`Read ${csv.records.length + csv.rejected.length} rows from ${file}`);
console.log(`  valid:    ${valid.length} transactions from ${customers.size} customers, net revenue ${revenue.toFixed(2)}`);
console.log(`  rejected: ${rejected.length + csv.rejected.length} rows (nothing is dropped silently):`);
for (const row of [...csv.rejected, ...rejected]) {
  for (const issue of row.issues) console.log(`    line ${row.line}: ${issue.message} (at ${formatPath(issue.path)})`);
}
