/**
 * relmark quickstart, the main job end to end on the bundled sample log: read and validate the
 * transactions (every rejected row reported), segment customers by RFM, fit BG/NBD and Gamma-Gamma,
 * and list the most valuable customers with their chance of still being active.
 * Run with `npm run demo` or `npx tsx examples/quickstart.ts [file] [asOf]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPath } from 'relmark';
import { customerLifetimeValue, fitBgNbd, fitGammaGamma, summarizeHistories } from 'relmark/clv';
import { parseCsv, readTransactions } from 'relmark/io';
import { defaultRfmSegments, scoreRfm, segmentRfm, summarizeRfm, summarizeSegments } from 'relmark/rfm';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
// asOf is explicit: results never depend on the day the script happens to run.
const asOf = process.argv[3] ?? '2026-01-01';

// 1. Read and validate: nothing is dropped silently.
const csv = parseCsv(readFileSync(file, 'utf8'));
const { valid, rejected } = readTransactions(csv.records, { id: 'transaction_id', customerId: 'customer_id', at: 'date', refundOf: 'refund_of' });
console.log(`${file}\n  as of ${asOf}: ${valid.length} valid transactions, ${rejected.length + csv.rejected.length} rejected rows`);
for (const row of [...csv.rejected, ...rejected]) {
  for (const issue of row.issues) console.log(`    line ${row.line}: ${issue.message} (at ${formatPath(issue.path)})`);
}

// 2. RFM segments with their suggested relationship action.
const rfm = summarizeRfm(valid, { asOf });
const segments = segmentRfm(scoreRfm(rfm.summaries).scores);
const actionOf = new Map(defaultRfmSegments.segments.map((s) => [s.name, s.action]));
console.log(`\nRFM segments of ${rfm.summaries.length} customers`);
console.log('  segment              customers  revenue share  suggested action');
for (const row of summarizeSegments(segments, rfm.summaries).filter((r) => r.customers > 0)) {
  const share = row.revenueShare === null ? '—' : `${(100 * row.revenueShare).toFixed(1)}%`;
  console.log(`  ${row.segment.padEnd(20)} ${String(row.customers).padStart(9)} ${share.padStart(14)}  ${actionOf.get(row.segment) ?? ''}`);
}

// 3. Lifetime value: BG/NBD for purchases (in weeks) and Gamma-Gamma for spend.
const histories = summarizeHistories(valid, { asOf, timeUnit: 'week' });
const purchases = fitBgNbd(histories, { timeUnit: 'week' });
const spend = fitGammaGamma(histories);
const p = purchases.params;
console.log(`\nBG/NBD on ${purchases.customers} customers: r ${p.r.toFixed(3)}, alpha ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)}; LL ${purchases.logLikelihood.toFixed(1)}`);
console.log(`Gamma-Gamma on ${spend.customers} repeat buyers (${spend.excluded.length} listed as excluded): p ${spend.params.p.toFixed(2)}, q ${spend.params.q.toFixed(2)}, v ${spend.params.v.toFixed(2)}`);

const values = customerLifetimeValue(purchases, spend, histories, { horizonMonths: 12, monthlyDiscountRate: 0.01 });
const segmentOf = new Map(segments.map((s) => [s.customerId, s.segment]));
console.log('\nTop 10 customers by 12-month CLV (1% monthly discount)');
console.log('  customer  segment              P(alive)  E[purchases]      CLV');
for (const v of values.toSorted((x, y) => y.clv - x.clv || (x.customerId < y.customerId ? -1 : 1)).slice(0, 10)) {
  console.log(
    `  ${v.customerId.padEnd(9)} ${(segmentOf.get(v.customerId) ?? '').padEnd(20)} ${v.probabilityAlive.toFixed(3).padStart(8)} ${v.expectedPurchases.toFixed(2).padStart(13)} ${v.clv.toFixed(2).padStart(8)}`,
  );
}
