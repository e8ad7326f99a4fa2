// RFM from raw transactions to named segments and their movement, on seeded synthetic data.
// Run: npx tsx examples/rfm.ts
import type { TransactionInput } from 'relmark/models';
import { bloomreachRfmSegments, rfmMigration, scoreRfm, segmentRfm, summarizeRfm, summarizeSegments } from 'relmark/rfm';

// A small seeded generator (mulberry32) so that the example prints the same table every time.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// 400 customers over 2023–2024: each has a buying rate and a date after which they stop buying.
const random = seeded(42);
const day = 86_400_000;
const start = Date.UTC(2023, 0, 1);
const transactions: TransactionInput[] = [];
for (let c = 0; c < 400; c++) {
  const rate = 0.002 + 0.03 * random() ** 2; // purchases per day
  const joined = start + Math.floor(random() * 500) * day;
  const churned = joined + Math.floor(random() * 700) * day;
  const basket = 20 + 80 * random();
  for (let t = joined; t < Math.min(churned, Date.UTC(2025, 0, 1)); t += day) {
    if (random() >= rate) continue;
    const id = `t${transactions.length}`;
    const amount = Math.round(basket * (0.5 + random()) * 100) / 100;
    transactions.push({ id, customerId: `cust-${String(c).padStart(3, '0')}`, at: new Date(t).toISOString(), amount });
    if (random() < 0.04) {
      transactions.push({ id: `${id}-refund`, customerId: `cust-${String(c).padStart(3, '0')}`, at: new Date(t + 3 * day).toISOString(), amount: Math.round(amount * 50) / 100, kind: 'refund', refundOf: id });
    }
  }
}

function segmentsAsOf(asOf: string) {
  // Transactions after asOf exist in the log: exclude them (they are counted) rather than fail.
  const summary = summarizeRfm(transactions, { asOf, futureTransactions: 'exclude', window: { months: 24 } });
  const scored = scoreRfm(summary.summaries);
  return { summary, scored, segments: segmentRfm(scored.scores) };
}

const mid = segmentsAsOf('2024-07-01');
const end = segmentsAsOf('2025-01-01');

console.log(`${transactions.length} transactions, ${end.summary.summaries.length} customers as of 2025-01-01`);
console.log(`excluded: ${JSON.stringify(end.summary.excluded)}`);
for (const d of ['r', 'f', 'm'] as const) {
  const report = end.scored.dimensions[d];
  const thresholds = report.thresholds.map((t) => (t === null ? null : Math.round(t * 100) / 100));
  console.log(`${d}: thresholds ${JSON.stringify(thresholds)}  populations ${JSON.stringify(report.populations)}  empty bins ${JSON.stringify(report.emptyBins)}`);
}

const money = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const share = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
const rows = summarizeSegments(end.segments, end.summary.summaries, { map: bloomreachRfmSegments });
console.log('\nsegment               customers  orders    revenue   avg order  revenue share');
for (const row of rows) {
  console.log(
    `${row.segment.padEnd(20)} ${String(row.customers).padStart(10)} ${String(row.orders).padStart(7)} ${money(row.revenue).padStart(10)} ${money(row.averageOrderValue).padStart(11)} ${share(row.revenueShare).padStart(14)}`,
  );
}

const moves = rfmMigration(mid.segments, end.segments, { map: bloomreachRfmSegments });
console.log(`\n2024-07-01 → 2025-01-01: ${JSON.stringify(moves.totals)}`);
const atRisk = bloomreachRfmSegments.segments.find((s) => s.name === 'At Risk');
console.log(`At Risk → suggested action: ${atRisk?.action}`);

// Output of `npx tsx examples/rfm.ts`:
//
// 1515 transactions, 304 customers as of 2025-01-01
// excluded: {"future":0,"beforeWindow":0,"refundsWithoutPurchase":0}
// r: thresholds [46,133,256,394]  populations [61,62,61,61,59]  empty bins []
// f: thresholds [2,4,5,9]  populations [66,95,32,56,55]  empty bins []
// m: thresholds [62.9,144.38,247.72,407.54]  populations [61,61,61,61,60]  empty bins []
//
// segment               customers  orders    revenue   avg order  revenue share
// Champions                    60     645   41443.00       64.25          47.8%
// Loyal                        22     155    8895.66       57.39          10.3%
// Potential Loyalist           31     129    5767.87       44.71           6.7%
// New Customers                30      45    1785.45       39.68           2.1%
// Promising                     8      19    1387.47       73.02           1.6%
// Need Attention               14      66    3915.70       59.33           4.5%
// About To Sleep               10      17     712.51       41.91           0.8%
// At Risk                      31     171   12079.21       70.64          13.9%
// Cannot Lose Them              4      28    1782.22       63.65           2.1%
// Hibernating                  60     136    7169.59       52.72           8.3%
// Lost                         34      39    1689.48       43.32           2.0%
// Unclassified                  0       0       0.00           —           0.0%
//
// 2024-07-01 → 2025-01-01: {"before":278,"after":304,"stayed":139,"moved":139,"appeared":26,"disappeared":0}
// At Risk → suggested action: Personal win-back contact: a tailored message or call from a person, and a renewal offer.
