import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewCustomer,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  compressHistories,
  fitBgNbd,
  toHistoryColumns,
} from 'relmark/clv';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSummaryFile, readNumericCsv, synthetic100kFile } from './clvSharedData.js';

const summaryName = 'cdnow_customers_summary.csv';
const cdnow = cdnowSummaryFile
  ? readNumericCsv(cdnowSummaryFile).map((row) => ({ x: row.frequency as number, tx: row.recency as number, T: row.T as number }))
  : [];

// Published parameters (Fader, Hardie & Lee 2005, Marketing Science 24(2), Table/§5 on CDNOW).
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
// The MLE as given in issue 3 (lifetimes 0.11.3 BetaGeoFitter on the same file).
const mle = { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe(`BG/NBD on CDNOW (${summaryName})`, () => {
  it.skipIf(!cdnowSummaryFile)(`fits the published MLE ${cdnowSummaryFile ? '' : missingDataReason(summaryName)}`, () => {
    const fit = fitBgNbd(cdnow, { timeUnit: 'week' });
    expect(fit.customers).toBe(2357);
    // ref: issue 3 / lifetimes on the rounded summary: r, α, a, b to the 7 digits given, rtol 2e-6.
    expectClose([fit.params.r, fit.params.alpha, fit.params.a, fit.params.b], [mle.r, mle.alpha, mle.a, mle.b], { rtol: 2e-6 });
    // ref: issue 3, total LL −9582.425561 (FHL 2005 report −9582.4); rtol 1e-10.
    expectClose(fit.logLikelihood, -9582.425561, { rtol: 1e-10 });
    // ref: issue 3 / lifetimes summary, standard errors 0.012557, 0.37822, 0.18572, 0.70534; rtol 1e-4
    // (finite-difference Hessians on both sides).
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    expectClose([se?.r ?? 0, se?.alpha ?? 0, se?.a ?? 0, se?.b ?? 0], [0.012557, 0.37822, 0.18572, 0.70534], { rtol: 1e-4 });
    expect(fit.diagnostics.method).toBe('bfgs');
  });

  it.skipIf(!cdnowSummaryFile)(`gives the same optimum on compressed columns ${cdnowSummaryFile ? '' : missingDataReason(summaryName)}`, () => {
    const full = fitBgNbd(cdnow);
    const compressed = compressHistories(toHistoryColumns(cdnow));
    expect(compressed.x.length).toBeLessThan(cdnow.length);
    const fit = fitBgNbd(compressed);
    expectClose(fit.logLikelihood, full.logLikelihood, { rtol: 1e-12 });
    expectClose(Object.values(fit.params), Object.values(full.params), { rtol: 1e-6 });
  });

  it.skipIf(!cdnowSummaryFile)(`is bit-for-bit reproducible ${cdnowSummaryFile ? '' : missingDataReason(summaryName)}`, () => {
    expect(fitBgNbd(cdnow)).toEqual(fitBgNbd(cdnow));
  });

  it.skipIf(!cdnowSummaryFile)(`has total LL −9582.426831 at the published parameters ${cdnowSummaryFile ? '' : missingDataReason(summaryName)}`, () => {
    // ref: issue 3 (lifetimes at FHL's rounded parameters); rtol 1e-10.
    expectClose(bgNbdLogLikelihood(published, cdnow), -9582.426831, { rtol: 1e-10 });
  });
});

describe('BG/NBD formulas at reference parameters (no data file needed)', () => {
  // ref: issue 3, values at the published parameters (FHL 2005 spreadsheet / lifetimes); rtol 1e-6.
  it('E[X(39) | x=2, tx=30.43, T=38.86] = 1.226028', () => {
    expectClose(bgNbdExpectedPurchases(published, { x: 2, tx: 30.43, T: 38.86 }, 39), 1.226028, { rtol: 1e-6 });
  });

  it.each([
    [10, 2, 1.0786896e-7],
    [0, 39, 0.57378635],
    [11, 30, 0.0019995214],
  ])('P(X(t) = %i) at t = %s is %s (rtol 1e-7)', (n, t, expected) => {
    expectClose(bgNbdProbabilityOfPurchases(published, n, t), expected, { rtol: 1e-7 });
  });

  it.each([
    [1, 0.0532679],
    [10, 0.432413],
    [39, 1.196723],
    [78, 1.860519],
  ])('new-customer E[X(%s)] = %s (rtol 1e-6)', (t, expected) => {
    expectClose(bgNbdExpectedPurchasesNewCustomer(published, t), expected, { rtol: 1e-6 });
  });

  // ref: issue 3 (lifetimes predictions with the MLE): customer 1 and 1901 of CDNOW.
  it('customer 1: E[X(39)] = 1.22591, E[X(52)] = 1.55858, P(alive) = 0.726609 (rtol 1e-5)', () => {
    const customer1 = { x: 2, tx: 30.43, T: 38.86 };
    expectClose(bgNbdExpectedPurchases(mle, customer1, 39), 1.22591, { rtol: 1e-5 });
    expectClose(bgNbdExpectedPurchases(mle, customer1, 52), 1.55858, { rtol: 1e-5 });
    expectClose(bgNbdProbabilityAlive(mle, customer1), 0.726609, { rtol: 1e-5 });
  });

  it('customer 1901: P(alive) = 2.489e-11 (relative tolerance 1e-3, as given to 4 digits)', () => {
    expectClose(bgNbdProbabilityAlive(mle, { x: 21, tx: 4.71, T: 29.29 }), 2.489e-11, { rtol: 1e-3 });
  });
});

const syntheticName = 'synthetic_bgnbd_100k.csv';
describe(`BG/NBD on ${syntheticName}`, () => {
  it.skipIf(!synthetic100kFile)(`has LL −464,237.058 at the truth and an MLE within 2 SE of it ${synthetic100kFile ? '' : missingDataReason(syntheticName)}`, () => {
    const rows = readNumericCsv(synthetic100kFile as string);
    const columns = toHistoryColumns(rows.map((row) => ({ x: row.frequency as number, tx: row.recency as number, T: row.T as number })));
    // ref: shared/data/README.md (numpy simulation, r=0.243, α=4.414, a=0.793, b=2.426); rtol 1e-9.
    expectClose(bgNbdLogLikelihood(published, columns), -464237.058, { rtol: 1e-9 });
    const fit = fitBgNbd(columns);
    // ref: README says lifetimes finds r=0.2442, α=4.4555, a=0.8295, b=2.6055 on this file; rtol 1e-3.
    expectClose(Object.values(fit.params), [0.2442, 4.4555, 0.8295, 2.6055], { rtol: 1e-3 });
    const se = fit.standardErrors as NonNullable<typeof fit.standardErrors>;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] - published[key]), key).toBeLessThanOrEqual(2 * se[key]);
    }
  });
});
