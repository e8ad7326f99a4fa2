/**
 * CLV benchmarks (issue 3). Targets: BG/NBD fit on CDNOW < 20 ms; on 1,000,000 simulated customers
 * < 1.5 s; CLV for 1,000,000 customers < 1 s. lifetimes on the reference machine: 79 ms, 11.3 s,
 * Gamma-Gamma 39 ms. Data are simulated with a fixed seed or read from ../shared/data.
 * Run: npx vitest bench --run --project unit bench/clv.bench.ts
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import {
  customerLifetimeValueUnchecked,
  fitBgNbdUnchecked,
  fitGammaGammaUnchecked,
  simulateBgNbd,
  toHistoryColumns,
  type BgNbdFit,
  type GammaGammaFit,
  type HistoryColumns,
} from 'relmark/clv';
import { sharedDataFile } from '../test/helpers/sharedData.js';

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const million = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

function readCdnow(): { columns: HistoryColumns; x: Float64Array; monetaryMean: Float64Array } | undefined {
  const file = sharedDataFile('cdnow_customers_summary_with_transactions.csv');
  if (file === undefined) return undefined;
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  const histories = rows.map(([, x, tx, T]) => ({ x: x as number, tx: tx as number, T: T as number }));
  const buyers = rows.filter((row) => (row[1] as number) > 0);
  return {
    columns: toHistoryColumns(histories),
    x: Float64Array.from(buyers, (row) => row[1] as number),
    monetaryMean: Float64Array.from(buyers, (row) => row[4] as number),
  };
}

const cdnow = readCdnow();

describe('BG/NBD fit', () => {
  bench.skipIf(cdnow === undefined)('CDNOW, 2,357 customers (target < 20 ms)', () => {
    fitBgNbdUnchecked((cdnow as NonNullable<typeof cdnow>).columns);
  });

  const simulated = simulateBgNbd({ params: truth, customers: 1_000_000, T: 39, seed: 20240601 });
  bench('1,000,000 simulated customers, T = 39 (target < 1.5 s)', () => {
    fitBgNbdUnchecked(simulated);
  }, million);

  // A cohort spread over a year: 365 distinct T values, so x = 0 customers do not all collapse.
  const spread = simulateBgNbd({
    params: truth,
    customers: 1_000_000,
    T: Array.from({ length: 1_000_000 }, (_, i) => 13 + (i % 365) / 7),
    seed: 7,
  });
  bench('1,000,000 simulated customers, 365 distinct T', () => {
    fitBgNbdUnchecked(spread);
  }, million);
});

describe('Gamma-Gamma fit', () => {
  bench.skipIf(cdnow === undefined)('CDNOW, 946 repeat buyers (lifetimes: 39 ms)', () => {
    const data = cdnow as NonNullable<typeof cdnow>;
    fitGammaGammaUnchecked({ x: data.x, monetaryMean: data.monetaryMean });
  });
});

describe('customer lifetime value', () => {
  const diagnostics = { method: 'bfgs', iterations: 1, evaluations: 1, gradientNorm: 0, reason: 'gradient' } as const;
  const bgNbd: BgNbdFit = { model: 'bg-nbd', params: truth, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: truth, diagnostics };
  const spend = { p: 6.25, q: 3.74, v: 15.44 };
  const gammaGamma: GammaGammaFit = { model: 'gamma-gamma', params: spend, logLikelihood: 0, customers: 1, standardErrors: spend, excluded: [], diagnostics };
  const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const simulated = simulateBgNbd({ params: truth, customers: 1_000_000, T: 39, seed: 11 });
  const monetaryMean = Float64Array.from(simulated.x, (x, i) => (x === 0 ? 0 : 10 + (i % 50)));
  bench('1,000,000 customers, 12 months, T = 39 (target < 1 s)', () => {
    customerLifetimeValueUnchecked(bgNbd, gammaGamma, { ...simulated, monetaryMean }, options);
  }, million);

  const spread = simulateBgNbd({
    params: truth,
    customers: 1_000_000,
    T: Array.from({ length: 1_000_000 }, (_, i) => 13 + (i % 365) / 7),
    seed: 12,
  });
  bench('1,000,000 customers, 12 months, 365 distinct T', () => {
    customerLifetimeValueUnchecked(bgNbd, gammaGamma, { ...spread, monetaryMean }, options);
  }, million);
});
