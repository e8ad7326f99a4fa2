/**
 * Mergeable summaries (issue #10): the accumulator against the batch object path, on seeded
 * synthetic logs (bench/rfmData.ts). Default 1,000,000 transactions / 100,000 customers; the lead
 * runs 10,000,000 with RELMARK_BENCH_TRANSACTIONS=10000000 on a quiet machine.
 * Run: npx vitest bench --run --project unit bench/summaries.bench.ts
 */
import { bench, describe } from 'vitest';
import { summarizeRfmUnchecked } from 'relmark/rfm';
import { createSummaryAccumulator, restoreSummaryAccumulator, type SummaryAccumulator } from 'relmark/summaries';
import type { Transaction } from 'relmark/models';
import { benchAsOf, benchColumns } from './rfmData.js';

const transactions = Number(process.env.RELMARK_BENCH_TRANSACTIONS ?? 1_000_000);
const customers = Math.max(1, Math.round(transactions / 10));
const chunk = 100_000;
const few = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 } as const;

// Purchases only: the generator's refunds name no purchase, which the histories would reject.
const columns = benchColumns(transactions, customers);
const rows: Transaction[] = Array.from(columns.at, (at, i) => ({
  customerId: columns.customerIds[columns.customer[i] as number] as string,
  at: new Date(at),
  amount: columns.amount[i] as number,
  kind: 'purchase',
}));

function addAll(accumulator: SummaryAccumulator, from: number, to: number): void {
  for (let start = from; start < to; start += chunk) accumulator.addUnchecked(rows.slice(start, Math.min(to, start + chunk)));
}

describe(`summaries of ${transactions.toLocaleString('en')} transactions / ${customers.toLocaleString('en')} customers`, () => {
  bench('batch: summarizeRfmUnchecked (RFM only)', () => {
    summarizeRfmUnchecked(rows, { asOf: benchAsOf });
  }, few);

  bench('accumulator: addUnchecked in chunks of 100,000, then histories() and rfmSummaries()', () => {
    const accumulator = createSummaryAccumulator({ asOf: benchAsOf });
    addAll(accumulator, 0, rows.length);
    accumulator.histories();
    accumulator.rfmSummaries();
  }, few);

  bench('4 partitions: addUnchecked each, merge, then histories()', () => {
    const quarter = Math.ceil(rows.length / 4);
    const parts = [0, 1, 2, 3].map((p) => {
      const accumulator = createSummaryAccumulator({ asOf: benchAsOf });
      addAll(accumulator, p * quarter, Math.min(rows.length, (p + 1) * quarter));
      return accumulator;
    });
    const [first, ...rest] = parts;
    for (const part of rest) first?.merge(part);
    first?.histories();
  }, few);

  const built = createSummaryAccumulator({ asOf: benchAsOf });
  addAll(built, 0, rows.length);
  bench('snapshot: toJSON, JSON.stringify, JSON.parse, restoreSummaryAccumulator', () => {
    restoreSummaryAccumulator(JSON.parse(JSON.stringify(built)));
  }, few);
});
