// Peak memory of the columnar RFM pipeline at 10,000,000 transactions / 1,000,000 customers.
// Run: npx tsx --expose-gc bench/rfm-memory.ts   (the target: peak < 1 GB; pandas 624 MB)
import { scoreRfmColumns, segmentRfmColumns, summarizeRfmColumns } from 'relmark/rfm';
import { benchAsOf, benchColumns } from './rfmData.js';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;
const transactions = Number(process.argv[2] ?? 10_000_000);
const customers = Number(process.argv[3] ?? 1_000_000);

gc?.();
const baseline = process.memoryUsage();
const started = performance.now();
const columns = benchColumns(transactions, customers);
const generated = performance.now();
const summary = summarizeRfmColumns(columns, { asOf: benchAsOf });
const scores = scoreRfmColumns(summary);
const segments = segmentRfmColumns(scores);
const finished = performance.now();
const after = process.memoryUsage();
console.log(
  JSON.stringify(
    {
      transactions,
      customers: summary.customerIds.length,
      segmented: segments.segment.length,
      generateMs: Math.round(generated - started),
      pipelineMs: Math.round(finished - generated),
      rssBefore: mb(baseline.rss),
      rssAfter: mb(after.rss),
      heapUsedAfter: mb(after.heapUsed),
      arrayBuffersAfter: mb(after.arrayBuffers),
      peakRss: mb(process.resourceUsage().maxRSS * 1024),
    },
    null,
    2,
  ),
);
