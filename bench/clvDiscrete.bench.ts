/**
 * Discrete and contractual CLV benchmarks (issue 4, part B). Target: BG/BB fit on donations.csv
 * (11,104 donors, 22 patterns) < 20 ms; lifetimes' BetaGeoBetaBinomFitter takes 100 ms on the
 * reference machine. sBG on the 8-point cohorts of Fader & Hardie (2007) should be well under 1 ms.
 * Data are read from ../shared/data or simulated with a fixed seed.
 * Run: npx vitest bench --run --project unit bench/clvDiscrete.bench.ts
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { fitBgBbUnchecked, fitBgNbd, fitSbg, holdoutValidation, simulateBgBb, splitCalibrationHoldout, type BgBbColumns } from 'relmark/clv';
import { sharedDataFile } from '../test/helpers/sharedData.js';

function readDonations(): BgBbColumns | undefined {
  const file = sharedDataFile('donations.csv');
  if (file === undefined) return undefined;
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  return {
    x: Float64Array.from(rows, (row) => row[0] as number),
    tx: Float64Array.from(rows, (row) => row[1] as number),
    n: Float64Array.from(rows, (row) => row[2] as number),
    weights: Float64Array.from(rows, (row) => row[3] as number),
  };
}

const donations = readDonations();

describe('BG/BB fit', () => {
  bench.skipIf(donations === undefined)('donations.csv, 11,104 donors in 22 patterns (target < 20 ms)', () => {
    fitBgBbUnchecked(donations as BgBbColumns);
  });

  // One row per customer: the patterns are merged inside the fit.
  const simulated = simulateBgBb({ params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, customers: 100_000, n: 12, seed: 20240601 });
  bench('100,000 simulated customers, n = 12, unmerged rows', () => {
    fitBgBbUnchecked(simulated);
  }, { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 });
});

describe('sBG fit', () => {
  bench('regular cohort, 8 survival counts (Fader & Hardie 2007)', () => {
    fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
  });
});

const sampleFile = sharedDataFile('CDNOW_sample.txt');
describe('holdout validation', () => {
  const split = sampleFile
    ? splitCalibrationHoldout(
        readFileSync(sampleFile, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0).map((line) => {
          const [, id, date, , dollars] = line.trim().split(/\s+/);
          const d = date ?? '';
          return { customerId: String(Number(id)), at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, amount: Number(dollars) };
        }),
        { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' },
      )
    : undefined;
  const fit = split ? fitBgNbd(split.calibration) : undefined;
  bench.skipIf(split === undefined)('BG/NBD conditional expectations vs holdout, CDNOW 2,357 customers', () => {
    holdoutValidation(fit as NonNullable<typeof fit>, split as NonNullable<typeof split>);
  });
});
