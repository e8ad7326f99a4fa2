import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitCalibrationHoldout, summarizeHistories } from 'relmark/clv';
import { summarizeRfm } from 'relmark/rfm';
import { holdoutValidation } from '../clv/validation/holdoutValidation.js';
import { trackRepeatPurchases } from '../clv/validation/trackRepeatPurchases.js';
import { readSampleCsv } from '../../test/browser/libraryReport.js';
import { analyzeClv, analyzeRfm } from './analyze.js';
import { parseCommandLine, type Settings } from './commandLine.js';
import { htmlReport, htmlReportInput, reportCharts, type CustomerRow, type HoldoutRun } from './htmlReport.js';

// A holdout run assembled as runCommand assembles it, on the bundled sample.
const sample = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const request = parseCommandLine(['report', sample, '--as-of', '2026-01-01', '--holdout-from', '2025-07-01']);
const settings = (request as { settings: Settings }).settings;
const asOf = new Date('2026-01-01T00:00:00Z');
const holdoutFrom = new Date('2025-07-01T00:00:00Z');
const calibrationEnd = new Date(holdoutFrom.getTime() - 1);
const transactions = readSampleCsv(sample);
const { summaries } = summarizeRfm(transactions, { asOf });
const histories = summarizeHistories(transactions, { asOf, timeUnit: 'week' });
const split = splitCalibrationHoldout(transactions, { calibrationEnd, holdoutEnd: asOf, timeUnit: 'week' });
const rfm = analyzeRfm(summaries);
const clv = analyzeClv(histories, settings, split.calibration);
const validation = holdoutValidation(clv.purchases, split);
const tracking = trackRepeatPurchases(clv.purchases, transactions, { calibrationEnd, holdoutEnd: asOf, step: 1 });
const holdout: HoldoutRun = { holdoutFrom, calibrationEnd, duration: split.holdout[0]?.duration ?? 0, newInHoldout: split.newInHoldout.length, validation, tracking };
const monetaryOf = new Map(summaries.map((s) => [s.customerId, s.monetary]));
const scoreOf = new Map(rfm.assignments.map((a) => [a.customerId, a]));
const valueOf = new Map(clv.values.map((v) => [v.customerId, v]));
const rows: CustomerRow[] = histories.map((h) => ({
  customerId: h.customerId,
  segment: scoreOf.get(h.customerId)?.segment,
  r: scoreOf.get(h.customerId)?.r,
  f: scoreOf.get(h.customerId)?.f,
  monetary: monetaryOf.get(h.customerId),
  x: h.x,
  tx: h.tx,
  T: h.T,
  ...valueOf.get(h.customerId),
}));

describe('the CLI report input', () => {
  it('carries the holdout figures, the periods of the fits, monetary values and a partial last week', () => {
    const input = htmlReportInput(asOf, 'sample.csv', ['a note'], rfm, clv, rows, settings, holdout);
    expect(input.holdout).toMatchObject({ customers: validation.totals.customers, actual: validation.totals.actual, mae: validation.totals.mae, bias: validation.totals.bias, to: asOf });
    expect(input.chiSquare).toBe(clv.chiSquare);
    expect(input.fits?.map((f) => f.period)).toEqual(['calibration', 'whole']);
    expect(input.customers?.filter((c) => c.monetary !== undefined)).toHaveLength(summaries.length);
    expect(input.horizon).toBe(`${settings.horizonMonths} months`);
    const charts = reportCharts(asOf, 'sample.csv', [], rfm, clv, rows, settings, holdout);
    // 2026-01-01 is 3 days into a week of the cohort's weekly periods: that week is partial.
    expect(charts.tracking?.points.filter((p) => p.partial).map((p) => p.end - (p.start ?? 0))).toEqual([expect.closeTo(3 / 7, 9)]);
    expect(charts.charts).toEqual(expect.arrayContaining(['holdout-by-frequency', 'tracking', 'tracking-cumulative', 'rf-monetary-heatmap', 'expected-purchases-heatmap']));
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    expect(htmlReport(asOf, 'sample.csv', [], rfm, clv, rows, settings, holdout)).toContain('<tr data-figure="mae"><td>MAE</td>');
  });

  it('writes an empty frequency row of the holdout check (means NaN) as null', () => {
    const empty = { ...holdout, validation: { ...validation, byFrequency: [...validation.byFrequency, { frequency: 99, atLeast: true, customers: 0, actualMean: Number.NaN, expectedMean: Number.NaN }] } };
    const input = htmlReportInput(asOf, 'sample.csv', [], rfm, clv, rows, settings, empty);
    expect(input.holdout?.byFrequency?.at(-1)).toEqual({ label: '99+', customers: 0, actual: null, expected: null });
  });

  it('has no holdout parts without a holdout, and the fit is of the whole period', () => {
    const input = htmlReportInput(asOf, 'sample.csv', [], rfm, clv, rows, settings, undefined);
    expect(input.holdout).toBeUndefined();
    expect(input.tracking).toBeUndefined();
    expect(input.fits?.map((f) => f.period)).toEqual(['whole', 'whole']);
  });
});
