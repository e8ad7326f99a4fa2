import { type ReportCustomerColumns, reportCustomerColumnsOf } from './reportCustomerColumns.js';
import type * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { type ClvDistributionChartData, clvDistributionChartDataColumns } from './clvDistributionChartData.js';
import { type FrequencyRecencyChartData, frequencyRecencyChartDataColumns } from './frequencyRecencyChartData.js';
import {
  type HoldoutFrequencyMean,
  type HtmlReportInput,
  HtmlReportInputSchema,
  type RepeatPurchaseCount,
  type ReportCustomer,
  type ReportPeriod,
  type TrackingPoint,
} from './htmlReportInput.js';
import { type RfChartData, rfChartDataColumns } from './rfChartData.js';
import { type CohortChartData, cohortChartDataUnchecked } from './cohortChartData.js';
import { type TrackingChartData, trackingChartDataUnchecked } from './trackingChartData.js';

/** Which transactions the report's figures come from, when it has a holdout (ISO 8601 instants). @category Report */
export interface ReportPeriods {
  /** The calibration period: every transaction before `before` (the model fit and its repeat-purchase check). */
  readonly calibration: { readonly before: string };
  /** The holdout period, `from` to `to` (the holdout check and tracking). */
  readonly holdout: { readonly from: string; readonly to: string };
  /** The whole period: every transaction up to `to` (segments, R × F maps, CLV, P(alive), top customers). */
  readonly whole: { readonly to: string };
}

/**
 * The data behind every chart of {@link renderHtmlReport}, one key per chart (present when the
 * chart is drawn), as plain JSON-able values: what `relmark report --out` writes as `charts.json`,
 * for Observable Plot, Vega-Lite or a notebook to redraw.
 * @category Report
 */
export interface ReportChartData {
  /** The as-of date (ISO 8601). */
  readonly asOf: string;
  /** The unit of x, tx, T and the tracking axis. */
  readonly timeUnit: string;
  /** The `data-chart` names of the charts the report draws, in page order. */
  readonly charts: string[];
  /** Present with a holdout: the periods the figures come from. */
  readonly periods?: ReportPeriods;
  /** Chart `segments`: each segment's share of customers and of revenue. */
  readonly segments?: { readonly segment: string; readonly customers: number; readonly customerShare: number | null; readonly revenue: number; readonly revenueShare: number | null }[];
  /** Charts `rf-heatmap` and `rf-monetary-heatmap`. */
  readonly rf?: RfChartData;
  /** Chart `repeat-purchases`: the calibration check, with its chi-square and period. */
  readonly repeatPurchases?: { readonly period: ReportPeriod; readonly chiSquare: number | null; readonly rows: RepeatPurchaseCount[] };
  /** The holdout figures and chart `holdout-by-frequency`. */
  readonly holdout?: {
    readonly from: string;
    readonly to: string;
    readonly duration: number;
    readonly customers: number;
    readonly newInHoldout: number | null;
    readonly actual: number;
    readonly expected: number;
    readonly mae: number;
    readonly rmse: number;
    readonly bias: number;
    readonly byFrequency: HoldoutFrequencyMean[];
  };
  /** Chart `clv-distribution`. */
  readonly clvDistribution?: ClvDistributionChartData;
  /** Charts `expected-purchases-heatmap` and `alive-heatmap`. */
  readonly frequencyRecency?: FrequencyRecencyChartData;
  /** Charts `tracking` (per period, partial periods left out) and `tracking-cumulative`. */
  readonly tracking?: TrackingChartData;
  /** Charts `cohort-retention` (heat map) and `cohort-value` (value curves), from the input's cohort table. */
  readonly cohorts?: CohortChartData;
}

/** The validated report input. @internal */
export type ParsedReportInput = z.output<typeof HtmlReportInputSchema>;

/** The chart data of a validated input. @internal */
export function chartDataOf(data: ParsedReportInput, customers: ReportCustomerColumns = reportCustomerColumnsOf((data.customers ?? []) as readonly ReportCustomer[])): ReportChartData {
  const charts: string[] = [];
  const out: { -readonly [K in keyof ReportChartData]: ReportChartData[K] } = { asOf: data.asOf.toISOString(), timeUnit: data.timeUnit ?? 'week', charts };
  if (data.holdout !== undefined) {
    const from = data.holdout.from.toISOString();
    const to = data.holdout.to.toISOString();
    out.periods = { calibration: { before: from }, holdout: { from, to }, whole: { to: data.asOf.toISOString() } };
  }
  const segments = data.segments ?? [];
  if (segments.length > 0) {
    out.segments = segments.map((s) => ({ segment: s.segment, customers: s.customers, customerShare: s.customerShare, revenue: s.revenue, revenueShare: s.revenueShare }));
    charts.push('segments');
  }
  const rf = rfChartDataColumns(customers);
  if (rf.bins > 0) {
    out.rf = rf;
    charts.push('rf-heatmap');
    if (rf.cells.some((c) => c.meanMonetary !== null)) charts.push('rf-monetary-heatmap');
  }
  if (data.repeatPurchases !== undefined && data.repeatPurchases.length > 0) {
    out.repeatPurchases = { period: data.holdout === undefined ? 'whole' : 'calibration', chiSquare: data.chiSquare ?? null, rows: data.repeatPurchases.map((r) => ({ ...r })) };
    charts.push('repeat-purchases');
  }
  if (data.holdout !== undefined) {
    const h = data.holdout;
    out.holdout = {
      from: h.from.toISOString(),
      to: h.to.toISOString(),
      duration: h.duration,
      customers: h.customers,
      newInHoldout: h.newInHoldout ?? null,
      actual: h.actual,
      expected: h.expected,
      mae: h.mae,
      rmse: h.rmse,
      bias: h.bias,
      byFrequency: (h.byFrequency ?? []).map((r) => ({ ...r })),
    };
    if (out.holdout.byFrequency.length > 0) charts.push('holdout-by-frequency');
  }
  const tracking = trackingChartDataUnchecked((data.tracking ?? []) as readonly TrackingPoint[], data.calibrationEnd);
  if (tracking.points.length > 0) {
    out.tracking = tracking;
    if (tracking.points.some((p) => !p.partial)) charts.push('tracking');
    charts.push('tracking-cumulative');
  }
  const clv = clvDistributionChartDataColumns(customers);
  if (clv.customers > 0) {
    out.clvDistribution = clv;
    charts.push('clv-distribution');
  }
  const fr = frequencyRecencyChartDataColumns(customers);
  if (fr.customers > 0) {
    out.frequencyRecency = fr;
    if (fr.cells.some((c) => c.expectedPurchases !== null)) charts.push('expected-purchases-heatmap');
    if (fr.cells.some((c) => c.probabilityAlive !== null)) charts.push('alive-heatmap');
  }
  if (data.cohorts !== undefined && data.cohorts.cohorts.length > 0) {
    out.cohorts = cohortChartDataUnchecked(data.cohorts);
    charts.push('cohort-retention', 'cohort-value');
  }
  return out;
}

/**
 * The data behind every chart of the HTML report, as one JSON-able object: what
 * {@link renderHtmlReport} draws, for another tool to redraw (Observable Plot, Vega-Lite, a
 * notebook) or to check. `relmark report --out` writes it as `charts.json`.
 *
 * @remarks
 * Each key holds the data of one or two charts (see {@link ReportChartData}), computed by the same
 * functions the report draws with ({@link rfChartData}, {@link clvDistributionChartData},
 * {@link frequencyRecencyChartData}, {@link trackingChartData}), so the file and the page agree;
 * `charts` lists the `data-chart` names of the page in order. Dates are ISO 8601 strings, every
 * number is finite (`null` where a value is missing), so `JSON.parse(JSON.stringify(data))` gives
 * the same object back (up to the sign of a −0 passed through from the input: JSON writes it as 0).
 * Edge cases: only `asOf` → `{ asOf, timeUnit: 'week', charts: [] }`. O(customers log customers).
 *
 * @param input - The report input (see {@link HtmlReportInput}).
 * @returns One object with the data of every chart.
 * @throws {@link RelmarkError} `invalid_input` as {@link renderHtmlReport}, with every issue's path.
 * @example
 * ```ts
 * import { reportChartData } from 'relmark';
 * const data = reportChartData({
 *   asOf: '2026-01-01',
 *   customers: [{ customerId: 'a', r: 2, f: 2, clv: 120, monetary: 80 }, { customerId: 'b', r: 1, f: 1, clv: 3, monetary: 10 }],
 * });
 * [data.charts, data.rf?.customers, data.clvDistribution?.total];
 * //=> [['rf-heatmap', 'rf-monetary-heatmap', 'clv-distribution'], 2, 123]
 * ```
 * @category Report
 */
export function reportChartData(input: HtmlReportInput): ReportChartData {
  const parsed = HtmlReportInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'reportChartData: invalid input');
  return chartDataOf(parsed.data);
}
