/**
 * relmark quickstart, the main job end to end on the bundled sample log: read and validate the
 * transactions (every rejected row reported), segment customers by RFM, fit BG/NBD and Gamma-Gamma,
 * and list the most valuable customers with their chance of still being active.
 * Run with `npm run demo` or `npx tsx examples/quickstart.ts [file] [asOf]`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
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
console.log(`${relative(process.cwd(), file)}\n  as of ${asOf}: ${valid.length} valid transactions, ${rejected.length + csv.rejected.length} rejected rows`);
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

// Output of `npx tsx examples/quickstart.ts`:
//
// examples/data/sample-transactions.csv
//   as of 2026-01-01: 1750 valid transactions, 3 rejected rows
//     line 1752: Invalid date: "2025-02-30" is not a real calendar date or time (at rows[1750].at)
//     line 1753: Expected a non-negative amount, received -5 (at rows[1751].amount)
//     line 1754: Expected an id (a non-empty string or an integer), received undefined (at rows[1752].customerId)
//
// RFM segments of 400 customers
//   segment              customers  revenue share  suggested action
//   About To Sleep              23           2.4%  Reconnect with popular products and a small incentive; ask what they need.
//   At Risk                     27           6.6%  Personal win-back contact: a tailored message or call from a person, and a renewal offer.
//   Cannot Lose Them            13           2.3%  Win them back personally and fast: learn why they left and give a strong reason to return.
//   Champions                   81          55.4%  Reward and involve them: early access, loyalty perks, referral invitations and requests for reviews.
//   Hibernating                 62           4.2%  Include them in low-cost reactivation campaigns; otherwise lower the contact pressure.
//   Lost                        51           2.4%  Try one reactivation campaign, then stop spending contacts on them.
//   Loyal                       32          12.7%  Recognise their loyalty with tier benefits and personal recommendations; offer upgrades.
//   Need Attention              25           5.3%  Send a time-limited offer personalised from their past purchases.
//   New Customers               30           1.5%  Onboard them: a welcome series, help to get value from the purchase, and a reason for a second one.
//   Potential Loyalist          35           4.2%  Invite them into the loyalty programme and suggest related products to build the habit.
//   Promising                   21           3.0%  Show them the range with light-touch content and modest offers; avoid deep discounts.
//
// BG/NBD on 400 customers: r 0.381, alpha 4.521, a 1.416, b 8.971; LL -4575.6
// Gamma-Gamma on 262 repeat buyers (138 listed as excluded): p 6.01, q 4.40, v 20.32
//
// Top 10 customers by 12-month CLV (1% monthly discount)
//   customer  segment              P(alive)  E[purchases]      CLV
//   C0086     Champions               0.885          6.58   547.92
//   C0206     Champions               0.914          6.05   438.62
//   C0134     Champions               0.950         15.82   431.52
//   C0388     Champions               0.928         12.95   367.81
//   C0286     Champions               0.686         12.68   347.92
//   C0251     Champions               0.933          8.35   281.75
//   C0309     Champions               0.953         11.77   271.90
//   C0074     Champions               0.898          3.12   253.80
//   C0324     Champions               0.736          3.39   252.93
//   C0065     Champions               0.678          3.96   228.73
