import { describe, expect, it } from 'vitest';
import {
  compressHistories,
  fitParetoNbd,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  toHistoryColumns,
} from 'relmark/clv';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSummaryFile, readNumericCsv } from './clvSharedData.js';

const summaryName = 'cdnow_customers_summary.csv';
const reason = cdnowSummaryFile ? '' : missingDataReason(summaryName);
const cdnow = cdnowSummaryFile
  ? readNumericCsv(cdnowSummaryFile).map((row) => ({ x: row.frequency as number, tx: row.recency as number, T: row.T as number }))
  : [];

// Published estimates (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model", CDNOW).
const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
// The estimates of issue 4's reference run (random-start optimiser), used for the prediction anchors.
const reference = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };

describe(`Pareto/NBD on CDNOW (${summaryName})`, () => {
  it.skipIf(!cdnowSummaryFile)(`fits the published MLE ${reason}`, () => {
    const fit = fitParetoNbd(cdnow, { timeUnit: 'week' });
    expect([fit.model, fit.customers, fit.diagnostics.method]).toEqual(['pareto-nbd', 2357, 'bfgs']);
    // ref: issue 4, total LL −9594.973930 (FHL 2005 report −9595.0); rtol 1e-6.
    expectClose(fit.logLikelihood, -9594.97393, { rtol: 1e-6 });
    // ref: FHL 2005 (r 0.553, α 10.578, s 0.606, β 11.669); rtol 1e-3 as the issue states (the
    // reference optimiser starts at random).
    expectClose(Object.values(fit.params), Object.values(published), { rtol: 1e-3 });
    // ref: issue 4 standard errors 0.047629, 0.84272, 0.18728, 6.2109 (CLVTools: 0.0476264, 0.8427222,
    // 0.1872594, 6.2105448); rtol 1e-3 (finite-difference Hessians on both sides).
    expectClose(Object.values(fit.standardErrors), [0.047629, 0.84272, 0.18728, 6.2109], { rtol: 1e-3 });
  });

  it.skipIf(!cdnowSummaryFile)(`gives the same optimum on compressed columns, bit-for-bit reproducibly ${reason}`, () => {
    const full = fitParetoNbd(cdnow);
    const compressed = compressHistories(toHistoryColumns(cdnow));
    expect(compressed.x.length).toBeLessThan(cdnow.length);
    const fit = fitParetoNbd(compressed);
    expectClose(fit.logLikelihood, full.logLikelihood, { rtol: 1e-12 });
    expectClose(Object.values(fit.params), Object.values(full.params), { rtol: 1e-6 });
    expect(fitParetoNbd(cdnow)).toEqual(full);
  });

  it.skipIf(!cdnowSummaryFile)(`has a total LL within 0.01 of the MLE's at the reference estimates ${reason}`, () => {
    // The reference estimates are a point near the optimum: their LL is below −9594.973930 by less than 0.01.
    const ll = paretoNbdLogLikelihood(reference, cdnow);
    expect(ll).toBeLessThanOrEqual(-9594.97393 + 1e-6);
    expect(ll).toBeGreaterThan(-9594.98393);
  });
});

describe('Pareto/NBD formulas at reference parameters (no data file needed)', () => {
  // ref: issue 4 (CLVTools / lifetimes at the reference estimates): x = 26, tx = 30.86, T = 31; rtol 1e-6.
  it('P(alive) = 0.997918 and E[X(52)] = 25.4549 for x = 26, tx = 30.86, T = 31', () => {
    const h = { x: 26, tx: 30.86, T: 31 };
    expectClose(paretoNbdProbabilityAlive(reference, h), 0.997918, { rtol: 1e-6 });
    expectClose(paretoNbdExpectedPurchases(reference, h, 52), 25.4549, { rtol: 2e-6 }); // half a unit in the last digit
  });

  // ref: issue 4 stress cases (lifetimes and CLVTools returned NaN): large x over ~95–104 weeks.
  const stress = { r: 0.5143, alpha: 2.8845, s: 0.2856, beta: 14.1087 };
  it.each([
    [221, 94.3, 95.1],
    [254, 103.7, 104],
    [161, 88.9, 99.6],
    [204, 96.4, 97.3],
    [221, 3, 100],
  ])('stays finite for x = %i, tx = %s, T = %s at (0.5143, 2.8845, 0.2856, 14.1087)', (x, tx, T) => {
    const p = paretoNbdProbabilityAlive(stress, { x, tx, T });
    expect(p >= 0 && p <= 1).toBe(true);
    expect(Number.isFinite(paretoNbdExpectedPurchases(stress, { x, tx, T }, 52))).toBe(true);
    expect(Number.isFinite(paretoNbdLogLikelihood(stress, [{ x, tx, T }]))).toBe(true);
  });

  it.each([
    [0, 0, 95],
    [221, 94, 95],
    [3, 0.5, 50],
    [1, 1e-3, 30],
  ])('does not overflow with α = 0.008 (x = %i, tx = %s, T = %s)', (x, tx, T) => {
    const params = { ...stress, alpha: 0.008 };
    const p = paretoNbdProbabilityAlive(params, { x, tx, T });
    expect(p >= 0 && p <= 1).toBe(true);
    expect(Number.isFinite(paretoNbdLogLikelihood(params, [{ x, tx, T }]))).toBe(true);
    expect(Number.isFinite(paretoNbdExpectedPurchases(params, { x, tx, T }, 52))).toBe(true);
  });
});
