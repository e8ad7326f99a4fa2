import { msPerUnit } from '../internal/time.js';
import { type HtmlReportInput, type ReportChartData, type ReportHoldout, type TrackingPoint } from '../report/index.js';
import { chartDataOf, type ParsedReportInput } from '../report/reportChartData.js';
import { renderParsedReport } from '../report/renderHtmlReport.js';
import type { ReportCustomerColumns } from '../report/reportCustomerColumns.js';
import type { CustomerColumns, RfmColumnsAnalysis } from './customerColumns.js';
import type { HoldoutValidation } from '../clv/validation/holdoutValidation.js';
import type { RepeatPurchaseTracking } from '../clv/validation/trackRepeatPurchases.js';
import { type ClvAnalysis, modelLabels, type RfmAnalysis } from './analyze.js';
import type { Settings } from './commandLine.js';

/** One output row per customer: RFM and value fields by name. */
export type CustomerRow = Record<string, unknown> & { customerId: string };

/** What a holdout run adds: the split, the holdout check and the tracking periods. */
export interface HoldoutRun {
  readonly holdoutFrom: Date;
  /** The last instant of calibration (inclusive), one millisecond before `holdoutFrom`. */
  readonly calibrationEnd: Date;
  /** The holdout length in the fit's time unit. */
  readonly duration: number;
  /** Customers whose first purchase is in the holdout: not in the cohort that is checked. */
  readonly newInHoldout: number;
  readonly validation: HoldoutValidation;
  readonly tracking: RepeatPurchaseTracking;
}

/**
 * The report input of a run: everything the HTML report and `charts.json` show. With a holdout the
 * transaction model is fitted on the calibration period (and so are its repeat-purchase check and
 * chi-square), while segments, Gamma-Gamma, CLV and P(alive) use the whole history up to `asOf`.
 */
export function htmlReportInput(asOf: Date, source: string, notes: readonly string[], rfm: RfmAnalysis | undefined, clv: ClvAnalysis | undefined, rows: readonly CustomerRow[], settings: Settings, holdout: HoldoutRun | undefined): HtmlReportInput {
  const p = clv?.purchases;
  const g = clv?.spend;
  return {
    title: `relmark report: ${source}`,
    asOf,
    source,
    notes: [...notes],
    timeUnit: settings.timeUnit,
    topCustomers: settings.top,
    horizon: `${settings.horizonMonths} months`,
    ...(rfm ? { segments: rfm.segments } : {}),
    customers: rows.map((r) => ({
      customerId: r.customerId,
      ...(typeof r.segment === 'string' ? { segment: r.segment } : {}),
      ...(typeof r.r === 'number' ? { r: r.r } : {}),
      ...(typeof r.f === 'number' ? { f: r.f } : {}),
      ...(typeof r.monetary === 'number' ? { monetary: r.monetary } : {}),
      ...(typeof r.x === 'number' ? { x: r.x, tx: r.tx as number, T: r.T as number } : {}),
      ...(typeof r.clv === 'number' ? { clv: r.clv, probabilityAlive: r.probabilityAlive as number, expectedPurchases: r.expectedPurchases as number } : {}),
    })),
    ...(p && g && clv
      ? {
          fits: [
            {
              name: `${modelLabels[p.model]} (purchases)`,
              params: p.params,
              standardErrors: p.standardErrors,
              logLikelihood: p.logLikelihood,
              customers: p.customers,
              note: `time unit ${p.timeUnit}; ${p.diagnostics.method}, ${p.diagnostics.iterations} iterations`,
              period: holdout ? 'calibration' : 'whole',
            },
            { name: 'Gamma-Gamma (spend)', params: g.params, standardErrors: g.standardErrors, logLikelihood: g.logLikelihood, customers: g.customers, note: `${g.excluded.length} customers left out (no repeat purchase or no spend)`, period: 'whole' },
          ],
          repeatPurchases: clv.repeatPurchases,
          ...(Number.isFinite(clv.chiSquare) ? { chiSquare: clv.chiSquare } : {}),
        }
      : {}),
    ...(holdout ? { holdout: holdoutFigures(holdout, asOf), ...trackingSeries(holdout, settings) } : {}),
  };
}

/** The self-contained HTML report of a run. */
export function htmlReport(
  asOf: Date,
  source: string,
  notes: readonly string[],
  rfm: RfmAnalysis | undefined,
  clv: ClvAnalysis | undefined,
  customers: ReportCustomerColumns,
  settings: Settings,
  holdout: HoldoutRun | undefined,
  charts?: ReportChartData,
): string {
  // Built from data the library made: rendered without being validated again (see reportCharts).
  // `charts`, when the run already computed them for charts.json, are not computed twice.
  const input = htmlReportInput(asOf, source, notes, rfm, clv, [], settings, holdout) as ParsedReportInput;
  return renderParsedReport(input, customers, charts);
}

/** The data of every chart of the run's report, for `--out` to write as `charts.json` (JSON.stringify it). */
export function reportCharts(asOf: Date, source: string, notes: readonly string[], rfm: RfmAnalysis | undefined, clv: ClvAnalysis | undefined, customers: ReportCustomerColumns, settings: Settings, holdout: HoldoutRun | undefined): ReportChartData {
  // The input is built here from data the library made (instants are Dates, every field has its
  // final shape), so it goes to the chart kernel without being validated again; the customers stay
  // columns (a million of them never become objects).
  return chartDataOf(htmlReportInput(asOf, source, notes, rfm, clv, [], settings, holdout) as ParsedReportInput, customers);
}

/** The report's per-customer values as columns, straight from the run's typed arrays. */
export function reportColumns(customers: CustomerColumns, rfm: RfmColumnsAnalysis | undefined, clv: ClvAnalysis | undefined): ReportCustomerColumns {
  const { totals, customerIds } = customers;
  return {
    size: customerIds.length,
    customerId: (j) => customerIds[j] as string,
    ...(rfm ? { segment: (j: number) => rfm.segmentNames[rfm.segment[j] as number] as string, r: rfm.r, f: rfm.f, monetary: totals.monetary } : {}),
    ...(clv ? { x: totals.x, tx: totals.tx, T: totals.T, probabilityAlive: clv.values.probabilityAlive, expectedPurchases: clv.values.expectedPurchases, clv: clv.values.clv } : {}),
  };
}

/** The holdout check as the report shows it (empty frequency rows, whose means are NaN, as null). */
function holdoutFigures(holdout: HoldoutRun, asOf: Date): ReportHoldout {
  const t = holdout.validation.totals;
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  return {
    from: holdout.holdoutFrom,
    to: asOf,
    duration: holdout.duration,
    customers: t.customers,
    newInHoldout: holdout.newInHoldout,
    actual: t.actual,
    expected: t.expected,
    mae: t.mae,
    rmse: t.rmse,
    bias: t.bias,
    byFrequency: holdout.validation.byFrequency.map((row) => ({
      label: `${row.frequency}${row.atLeast ? '+' : ''}`,
      customers: row.customers,
      actual: finite(row.actualMean),
      expected: finite(row.expectedMean),
    })),
  };
}

/**
 * The tracking periods as the report's series: each period's start and end in the time unit since
 * the cohort's first purchase (a last, shorter period is then drawn as partial).
 */
function trackingSeries(holdout: HoldoutRun, settings: Settings): { tracking: TrackingPoint[]; calibrationEnd: number } {
  const periods = holdout.tracking.periods;
  const start = Date.parse(periods[0]?.start ?? holdout.holdoutFrom.toISOString());
  const unit = msPerUnit[settings.timeUnit];
  return {
    tracking: periods.map((p) => ({ start: (Date.parse(p.start) - start) / unit, period: (Date.parse(p.end) - start) / unit, actual: p.actual, expected: p.expected })),
    calibrationEnd: (holdout.holdoutFrom.getTime() - start) / unit,
  };
}
