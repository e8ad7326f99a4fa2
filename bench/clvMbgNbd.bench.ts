/**
 * MBG/NBD benchmarks (issue 4). Target: fit on CDNOW < 20 ms (lifetimes on the reference machine:
 * 74 ms). Data are read from ../shared/data or simulated with a fixed seed.
 * Run: npx vitest bench --run --project unit bench/clvMbgNbd.bench.ts
 */
import { bench, describe } from 'vitest';
import { fitMbgNbdUnchecked, simulateMbgNbd, type HistoryColumns } from 'relmark/clv';
import { readCdnowSummary } from './clvData.js';

const truth = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };

const cdnow = readCdnowSummary();

describe('MBG/NBD fit', () => {
  bench.skipIf(cdnow === undefined)('CDNOW, 2,357 customers (target < 20 ms; lifetimes 74 ms)', () => {
    fitMbgNbdUnchecked(cdnow as HistoryColumns);
  });

  const simulated = simulateMbgNbd({ params: truth, customers: 100_000, T: 39, seed: 20240601 });
  bench('100,000 simulated customers, T = 39', () => {
    fitMbgNbdUnchecked(simulated);
  }, { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 });
});
