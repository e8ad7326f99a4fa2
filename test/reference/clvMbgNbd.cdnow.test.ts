import { describe, expect, it } from 'vitest';
import { compressHistories, fitMbgNbd, mbgNbdLogLikelihood, toHistoryColumns } from 'relmark/clv';
import { expectClose } from '../helpers/expectClose.js';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowSummaryFile, readNumericCsv } from './clvSharedData.js';

const summaryName = 'cdnow_customers_summary.csv';
const reason = cdnowSummaryFile ? '' : missingDataReason(summaryName);
const cdnow = cdnowSummaryFile
  ? readNumericCsv(cdnowSummaryFile).map((row) => ({ x: row.frequency as number, tx: row.recency as number, T: row.T as number }))
  : [];

// ref: issue 4 (lifetimes ModifiedBetaGeoFitter on the same file): r, α, a, b and the total LL.
const mle = { r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 };

describe(`MBG/NBD on CDNOW (${summaryName})`, () => {
  it.skipIf(!cdnowSummaryFile)(`fits the reference MLE ${reason}`, () => {
    const fit = fitMbgNbd(cdnow, { timeUnit: 'week' });
    expect([fit.model, fit.customers, fit.diagnostics.method]).toEqual(['mbg-nbd', 2357, 'bfgs']);
    // Parameters given to 7 significant digits (b to 4): rtol 2e-6.
    expectClose(Object.values(fit.params), Object.values(mle), { rtol: 2e-6 });
    // Total LL −9582.132685; rtol 1e-10.
    expectClose(fit.logLikelihood, -9582.132685, { rtol: 1e-10 });
    for (const se of Object.values(fit.standardErrors)) expect(se > 0 && Number.isFinite(se)).toBe(true);
  });

  it.skipIf(!cdnowSummaryFile)(`has total LL −9582.132685 at the reference MLE and the same optimum on compressed columns ${reason}`, () => {
    expectClose(mbgNbdLogLikelihood(mle, cdnow), -9582.132685, { rtol: 1e-10 });
    const compressed = compressHistories(toHistoryColumns(cdnow));
    const fit = fitMbgNbd(compressed);
    expectClose(Object.values(fit.params), Object.values(mle), { rtol: 2e-6 });
    expect(fitMbgNbd(cdnow)).toEqual(fitMbgNbd(cdnow));
  });
});
