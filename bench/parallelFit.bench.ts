/**
 * Parallel BG/NBD fit (issue #10) against the single-thread fit of the same compressed histories.
 * Two data shapes: exact (continuous) times, where compression barely helps and the likelihood is
 * the cost, so threads pay off; and times in whole days, where compression alone turns millions of
 * customers into a few thousand rows. Default 1,000,000 customers; the size is
 * RELMARK_BENCH_CUSTOMERS=10000000 on a quiet machine with 2 free cores.
 * Run: npx vitest bench --run --project unit bench/parallelFit.bench.ts
 */
import { bench, describe } from 'vitest';
import { compressHistories, fitBgNbdUnchecked, simulateBgNbd } from 'relmark/clv';
import { fitBgNbdParallel } from 'relmark/parallel';

const customers = Number(process.env.RELMARK_BENCH_CUSTOMERS ?? 1_000_000);
const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const few = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 } as const;

const exact = simulateBgNbd({ params: truth, customers, T: 39, seed: 20240601 });
const exactCompressed = compressHistories(exact);
// Whole days, as summarizeHistories gives them: four quarterly cohorts (T = 39, 52, 65, 78 weeks),
// each simulated over its own T, with tx rounded down to whole days. (An earlier version shortened T
// after simulating, which left customers with purchases after T and no maximum to find.)
const cohorts = simulateBgNbd({ params: truth, customers, T: Array.from({ length: customers }, (_, i) => 39 + (i % 4) * 13), seed: 20240602 });
const days = { x: cohorts.x, tx: cohorts.tx.map((tx) => Math.floor(tx * 7) / 7), T: cohorts.T };

describe(`BG/NBD on ${customers.toLocaleString('en')} customers, exact times (${exactCompressed.x.length.toLocaleString('en')} distinct rows)`, () => {
  bench('single thread: fitBgNbdUnchecked(compressHistories(columns))', () => {
    fitBgNbdUnchecked(compressHistories(exact));
  }, few);
  bench('2 threads: fitBgNbdParallel(columns, { threads: 2 })', async () => {
    await fitBgNbdParallel(exact, { threads: 2 });
  }, few);
  bench('single thread, no compression: fitBgNbdUnchecked(columns)', () => {
    fitBgNbdUnchecked(exact);
  }, few);
  bench('2 threads, no compression: fitBgNbdParallel(columns, { threads: 2, compress: false })', async () => {
    await fitBgNbdParallel(exact, { threads: 2, compress: false });
  }, few);
});

describe(`BG/NBD on ${customers.toLocaleString('en')} customers, times in whole days (compressed first)`, () => {
  bench('compressHistories alone', () => {
    compressHistories(days);
  }, few);
  bench('single thread: fitBgNbdUnchecked(compressHistories(columns))', () => {
    fitBgNbdUnchecked(compressHistories(days));
  }, few);
});
