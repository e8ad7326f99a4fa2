/**
 * Pareto/NBD benchmarks (issue 4). Targets: fit on CDNOW < 100 ms; on 100,000 simulated customers
 * < 2 s. lifetimes on the reference machine: 431 ms and 25.2 s. Data are simulated with a fixed seed
 * or read from ../shared/data.
 * Run: npx vitest bench --run --project unit bench/clvParetoNbd.bench.ts
 */
import { bench, describe } from 'vitest';
import { fitParetoNbdUnchecked, paretoNbdProbabilityAlive, simulateParetoNbd, type HistoryColumns } from 'relmark/clv';
import { readCdnowSummary } from './clvData.js';

// The CDNOW estimates (Fader, Hardie & Lee 2005).
const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const large = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

const cdnow = readCdnowSummary();

describe('Pareto/NBD fit', () => {
  bench.skipIf(cdnow === undefined)('CDNOW, 2,357 customers (target < 100 ms; lifetimes 431 ms)', () => {
    fitParetoNbdUnchecked(cdnow as HistoryColumns);
  });

  // A cohort spread over a year (52 distinct T), simulated at the CDNOW estimates.
  const customers = 100_000;
  const simulated = simulateParetoNbd({ params: truth, customers, T: Array.from({ length: customers }, (_, i) => 26 + (i % 52)), seed: 20240601 });
  bench('100,000 simulated customers (target < 2 s; lifetimes 25.2 s)', () => {
    fitParetoNbdUnchecked(simulated);
  }, large);
});

describe('Pareto/NBD P(alive)', () => {
  const histories = Array.from({ length: 10_000 }, (_, i) => ({ x: i % 250, tx: i % 250 === 0 ? 0 : 90 + (i % 7), T: 100 }));
  bench('10,000 customers with x up to 250 (the stress regime)', () => {
    for (const h of histories) paretoNbdProbabilityAlive({ r: 0.5143, alpha: 2.8845, s: 0.2856, beta: 14.1087 }, h);
  });
});
