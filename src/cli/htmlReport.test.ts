import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitCalibrationHoldout, toHistoryColumns } from 'relmark/clv';
import { summarizeRfm } from 'relmark/rfm';
import { holdoutValidation } from '../clv/validation/holdoutValidation.js';
import { trackRepeatPurchases } from '../clv/validation/trackRepeatPurchases.js';
import { readSampleCsv } from '../../test/browser/libraryReport.js';
import { analyzeClv } from './analyze.js';
import { analyzeRfmColumns, orderByCustomerId } from './customerColumns.js';
import { chartDataOf, type ParsedReportInput } from '../report/reportChartData.js';
import { renderParsedReport } from '../report/renderHtmlReport.js';
import type { ClvAnalysis } from './analyze.js';
import type { CustomerColumns, RfmColumnsAnalysis } from './customerColumns.js';
import { createCustomerTotals } from '../summaries/customerTotals.js';
import { parseCommandLine, type Settings } from './commandLine.js';
import { htmlReport, htmlReportInput, reportCharts, reportColumns, type CustomerRow, type HoldoutRun } from './htmlReport.js';

// A holdout run assembled as runCommand assembles it, on the bundled sample.
const sample = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const request = parseCommandLine(['report', sample, '--as-of', '2026-01-01', '--holdout-from', '2025-07-01']);
const settings = (request as { settings: Settings }).settings;
const asOf = new Date('2026-01-01T00:00:00Z');
const holdoutFrom = new Date('2025-07-01T00:00:00Z');
const calibrationEnd = new Date(holdoutFrom.getTime() - 1);
const transactions = readSampleCsv(sample);
const { summaries } = summarizeRfm(transactions, { asOf });
const split = splitCalibrationHoldout(transactions, { calibrationEnd, holdoutEnd: asOf, timeUnit: 'week' });
// The customers as runCommand's one pass gives them: per-customer totals, in customer-id order.
const ids = [...new Set(transactions.map((t) => String(t.customerId)))];
const atOf = new Map(transactions.map((t) => [t.id, new Date(t.at as string).getTime()]));
const totals = createCustomerTotals({ occasions: true });
totals.add({
  length: transactions.length,
  customer: Int32Array.from(transactions, (t) => ids.indexOf(String(t.customerId))),
  at: Float64Array.from(transactions, (t) => new Date(t.at as string).getTime()),
  amount: Float64Array.from(transactions, (t) => t.amount),
  refund: Uint8Array.from(transactions, (t) => (t.kind === 'refund' ? 1 : 0)),
  refundedAt: Float64Array.from(transactions, (t) => (t.kind === 'refund' ? (atOf.get(t.refundOf) ?? Number.NaN) : Number.NaN)),
});
const customers = orderByCustomerId(totals.finish(asOf.getTime(), 'week'), ids);
const rfm = analyzeRfmColumns(customers);
const clv = analyzeClv(customers, settings, toHistoryColumns(split.calibration));
const validation = holdoutValidation(clv.purchases, split);
const tracking = trackRepeatPurchases(clv.purchases, transactions, { calibrationEnd, holdoutEnd: asOf, step: 1 });
const holdout: HoldoutRun = { holdoutFrom, calibrationEnd, duration: split.holdout[0]?.duration ?? 0, newInHoldout: split.newInHoldout.length, validation, tracking };
const rows: CustomerRow[] = htmlRows(customers, rfm, clv);
const columns = reportColumns(customers, rfm, clv);

/** The per-customer rows as objects: the library's object path, to check the command's columnar one against. */
function htmlRows(customers: CustomerColumns, rfm: RfmColumnsAnalysis | undefined, clv: ClvAnalysis | undefined): CustomerRow[] {
  const { totals } = customers;
  return customers.customerIds.map((customerId, j) => {
    const row: CustomerRow = { customerId };
    if (rfm) {
      row.segment = rfm.segmentNames[rfm.segment[j] as number] as string;
      row.r = rfm.r[j] as number;
      row.f = rfm.f[j] as number;
      row.m = rfm.m[j] as number;
      row.monetary = totals.monetary[j] as number;
    }
    if (clv) {
      row.x = totals.x[j] as number;
      row.tx = totals.tx[j] as number;
      row.T = totals.T[j] as number;
      row.probabilityAlive = clv.values.probabilityAlive[j] as number;
      row.expectedPurchases = clv.values.expectedPurchases[j] as number;
      row.expectedSpend = clv.values.expectedSpend[j] as number;
      row.clv = clv.values.clv[j] as number;
    }
    return row;
  });
}


describe('the CLI report input', () => {
  it('carries the holdout figures, the periods of the fits, monetary values and a partial last week', () => {
    const input = htmlReportInput(asOf, 'sample.csv', ['a note'], rfm, clv, rows, settings, holdout);
    expect(input.holdout).toMatchObject({ customers: validation.totals.customers, actual: validation.totals.actual, mae: validation.totals.mae, bias: validation.totals.bias, to: asOf });
    expect(input.chiSquare).toBe(clv.chiSquare);
    expect(input.fits?.map((f) => f.period)).toEqual(['calibration', 'whole']);
    expect(input.customers?.filter((c) => c.monetary !== undefined)).toHaveLength(summaries.length);
    expect(input.horizon).toBe(`${settings.horizonMonths} months`);
    const charts = reportCharts(asOf, 'sample.csv', [], rfm, clv, columns, settings, holdout);
    // 2026-01-01 is 3 days into a week of the cohort's weekly periods: that week is partial.
    expect(charts.tracking?.points.filter((p) => p.partial).map((p) => p.end - (p.start ?? 0))).toEqual([expect.closeTo(3 / 7, 9)]);
    expect(charts.charts).toEqual(expect.arrayContaining(['holdout-by-frequency', 'tracking', 'tracking-cumulative', 'rf-monetary-heatmap', 'expected-purchases-heatmap']));
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    expect(htmlReport(asOf, 'sample.csv', [], rfm, clv, columns, settings, holdout)).toContain('<tr data-figure="mae"><td>MAE</td>');
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

  it('draws the same charts and page from the run\'s columns as from the same customers as objects', () => {
    const input = htmlReportInput(asOf, 'sample.csv', ['a note'], rfm, clv, rows, settings, holdout) as ParsedReportInput;
    expect(input.customers).toHaveLength(customers.customerIds.length);
    const fromObjects = chartDataOf(input);
    expect(reportCharts(asOf, 'sample.csv', ['a note'], rfm, clv, columns, settings, holdout)).toEqual(fromObjects);
    expect(fromObjects.rf?.customers).toBe(customers.customerIds.length);
    expect(htmlReport(asOf, 'sample.csv', ['a note'], rfm, clv, columns, settings, holdout)).toBe(renderParsedReport(input));
  });
});
