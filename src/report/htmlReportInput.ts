import * as z from 'zod';
import { InstantSchema, type InstantInput } from '../models/primitives.js';
import { CohortTableInputSchema, type ReportCohortTable } from './cohortChartData.js';

const finite = z.number().finite();
const share = z.number().finite().nullable();
const PeriodSchema = z.enum(['calibration', 'holdout', 'whole']);

/** One row of the expected-vs-actual repeat-purchase check: customers with `label` repeat purchases. @category Report */
export interface RepeatPurchaseCount {
  /** The bucket, e.g. `'0'`, `'1'`, …, `'6+'`. */
  readonly label: string;
  /** Customers observed in the bucket. */
  readonly actual: number;
  /** Customers the fitted model expects in the bucket. */
  readonly expected: number;
}

/**
 * One period of a holdout tracking series: repeat purchases observed and expected by the model in
 * that period (e.g. a week). The shape the clv area's holdout validation gives per period.
 * @category Report
 */
export interface TrackingPoint {
  /** The end of the period on the time axis (e.g. weeks since the cohort started). */
  readonly period: number;
  /**
   * The start of the period on the same axis. When given, a period shorter than the longest one (a
   * last, partial week) is marked `partial` by {@link trackingChartData} and left out of the
   * per-period chart, where its small count would look like a collapse.
   */
  readonly start?: number;
  readonly actual: number;
  readonly expected: number;
}

/** One segment row of the report (the fields of `summarizeSegments`' rows that it shows, plus the action). @category Report */
export interface ReportSegment {
  readonly segment: string;
  readonly customers: number;
  readonly customerShare: number | null;
  readonly revenue: number;
  readonly revenueShare: number | null;
  /** The suggested relationship action. */
  readonly action?: string;
}

/** One customer of the report; every field but the id is optional and feeds the charts that use it. @category Report */
export interface ReportCustomer {
  readonly customerId: string;
  readonly segment?: string;
  /** RFM recency score (1 = longest ago). */
  readonly r?: number;
  /** RFM frequency score (1 = fewest purchases). */
  readonly f?: number;
  /** Repeat purchases in the calibration period. */
  readonly x?: number;
  /** Time of the last repeat purchase since the first purchase. */
  readonly tx?: number;
  /** Time since the first purchase. */
  readonly T?: number;
  readonly probabilityAlive?: number;
  readonly expectedPurchases?: number;
  readonly clv?: number;
  /** RFM monetary value (e.g. total spend), averaged per R × F cell in the monetary heat map. */
  readonly monetary?: number;
}

/** A fitted model as the report shows it: a name, parameters and fit statistics. @category Report */
export interface ReportFit {
  /** e.g. `'BG/NBD'`. */
  readonly name: string;
  readonly params: Readonly<Record<string, number>>;
  readonly standardErrors?: Readonly<Record<string, number>>;
  readonly logLikelihood?: number;
  readonly customers?: number;
  /** One line of context (optimiser, exclusions, …). */
  readonly note?: string;
  /** The transactions it was fitted on, stated beside it when the report has a holdout. */
  readonly period?: ReportPeriod;
}

/**
 * Which transactions a figure comes from: `'calibration'` (before the holdout), `'holdout'` (the
 * holdout period only) or `'whole'` (every transaction up to `asOf`).
 * @category Report
 */
export type ReportPeriod = 'calibration' | 'holdout' | 'whole';

/**
 * Mean holdout purchases of the customers with a given number of calibration repeat purchases:
 * one row of the "conditional expectations" check (FHL 2005, Figure 5), as
 * `holdoutValidation(...).byFrequency` gives it.
 * @category Report
 */
export interface HoldoutFrequencyMean {
  /** The calibration frequency, e.g. `'0'`, …, `'7+'`. */
  readonly label: string;
  /** Customers with that calibration frequency. */
  readonly customers: number;
  /** Their mean actual holdout purchases (`null` for an empty row). */
  readonly actual: number | null;
  /** Their mean expected holdout purchases (`null` for an empty row). */
  readonly expected: number | null;
}

/**
 * The holdout check of a run (see `holdoutValidation` in relmark/clv): the split, the totals and
 * errors over the cohort, and the means by calibration frequency.
 * @category Report
 */
export interface ReportHoldout {
  /** The first instant of the holdout period: calibration is every transaction before it. */
  readonly from: InstantInput;
  /** The end of the holdout period (usually `asOf`). */
  readonly to: InstantInput;
  /** The holdout length in `timeUnit`s. */
  readonly duration: number;
  /** Customers checked: those who bought before `from`. */
  readonly customers: number;
  /** Customers first seen in the holdout (not in the checked cohort). */
  readonly newInHoldout?: number;
  /** Total holdout purchases of the cohort. */
  readonly actual: number;
  /** Total the model expected (sum of conditional expectations). */
  readonly expected: number;
  /** Mean absolute error per customer. */
  readonly mae: number;
  /** Root mean squared error per customer. */
  readonly rmse: number;
  /** Mean (expected − actual) per customer; negative when the model under-predicts. */
  readonly bias: number;
  readonly byFrequency?: readonly HoldoutFrequencyMean[];
}

/** What {@link renderHtmlReport} shows; each part is optional and its section appears when given. @category Report */
export interface HtmlReportInput {
  /** @defaultValue 'relmark report' */
  readonly title?: string;
  /** The date the analysis is as of. */
  readonly asOf: InstantInput;
  /** Where the data came from (a file name), shown under the title. */
  readonly source?: string;
  /** Lines shown under the title (rows read, rows rejected, defaults used). */
  readonly notes?: readonly string[];
  /** The unit of x, tx and T. @defaultValue 'week' */
  readonly timeUnit?: string;
  readonly segments?: readonly ReportSegment[];
  readonly customers?: readonly ReportCustomer[];
  readonly fits?: readonly ReportFit[];
  readonly repeatPurchases?: readonly RepeatPurchaseCount[];
  /** Pearson's chi-square of `repeatPurchases` (descriptive; with a holdout, of the calibration period). */
  readonly chiSquare?: number;
  /** The holdout check; when given, the page states which period each figure comes from. */
  readonly holdout?: ReportHoldout;
  /** The horizon of the customers' `expectedPurchases` and `clv`, in words (e.g. `'12 months'`). */
  readonly horizon?: string;
  readonly tracking?: readonly TrackingPoint[];
  /** The period at which calibration ends in `tracking` (drawn as a marker). */
  readonly calibrationEnd?: number;
  /** How many customers the top-customers table lists. @defaultValue 10 */
  readonly topCustomers?: number;
  /** A cohort table (from `cohortTable`): the retention heat map and the value curves per cohort. */
  readonly cohorts?: ReportCohortTable;
}

/** @internal */
export const ReportCustomerSchema = z.object({
  customerId: z.string(),
  segment: z.string().optional(),
  // RFM scores are 1–10 (as RfmScoreSchema): the report's R × F grid has one row and column per score
  // (a score of 1e9 built a 1e9 × 1e9 grid).
  r: z.number().int().min(1).max(10).optional(),
  f: z.number().int().min(1).max(10).optional(),
  x: z.number().nonnegative().optional(),
  tx: z.number().nonnegative().optional(),
  T: z.number().nonnegative().optional(),
  probabilityAlive: z.number().min(0).max(1).optional(),
  expectedPurchases: finite.optional(),
  clv: finite.optional(),
  monetary: finite.optional(),
});

/** @internal */
export const TrackingPointSchema = z.object({ period: finite, start: finite.optional(), actual: finite, expected: finite });

/** @internal */
export const HtmlReportInputSchema = z.strictObject({
  title: z.string().optional(),
  asOf: InstantSchema,
  source: z.string().optional(),
  notes: z.array(z.string()).optional(),
  timeUnit: z.string().optional(),
  segments: z
    .array(z.object({ segment: z.string(), customers: z.number().int().nonnegative(), customerShare: share, revenue: finite, revenueShare: share, action: z.string().optional() }))
    .optional(),
  customers: z.array(ReportCustomerSchema).optional(),
  fits: z
    .array(
      z.object({
        name: z.string(),
        params: z.record(z.string(), finite),
        standardErrors: z.record(z.string(), z.number()).optional(),
        logLikelihood: finite.optional(),
        customers: z.number().nonnegative().optional(),
        note: z.string().optional(),
        period: PeriodSchema.optional(),
      }),
    )
    .optional(),
  repeatPurchases: z.array(z.object({ label: z.string(), actual: z.number().nonnegative(), expected: z.number().nonnegative() })).optional(),
  chiSquare: z.number().nonnegative().finite().optional(),
  holdout: z
    .object({
      from: InstantSchema,
      to: InstantSchema,
      duration: z.number().nonnegative().finite(),
      customers: z.number().int().nonnegative(),
      newInHoldout: z.number().int().nonnegative().optional(),
      actual: z.number().nonnegative().finite(),
      expected: z.number().nonnegative().finite(),
      mae: z.number().nonnegative().finite(),
      rmse: z.number().nonnegative().finite(),
      bias: finite,
      byFrequency: z.array(z.object({ label: z.string(), customers: z.number().int().nonnegative(), actual: finite.nullable(), expected: finite.nullable() })).optional(),
    })
    .optional(),
  horizon: z.string().optional(),
  tracking: z.array(TrackingPointSchema).optional(),
  calibrationEnd: finite.optional(),
  topCustomers: z.number().int().nonnegative().optional(),
  cohorts: CohortTableInputSchema.optional(),
});

