import * as z from 'zod';
import { InstantSchema, type InstantInput } from '../models/primitives.js';

const finite = z.number().finite();
const share = z.number().finite().nullable();

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
  /** The period's position on the time axis (e.g. week number since the cohort started). */
  readonly period: number;
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
  readonly tracking?: readonly TrackingPoint[];
  /** The period at which calibration ends in `tracking` (drawn as a marker). */
  readonly calibrationEnd?: number;
  /** How many customers the top-customers table lists. @defaultValue 10 */
  readonly topCustomers?: number;
}

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
  customers: z
    .array(
      z.object({
        customerId: z.string(),
        segment: z.string().optional(),
        // RFM scores are 1–10 (as RfmScoreSchema): the report's R × F grid has one row and column per score.
        r: z.number().int().min(1).max(10).optional(),
        f: z.number().int().min(1).max(10).optional(),
        x: z.number().nonnegative().optional(),
        tx: z.number().nonnegative().optional(),
        T: z.number().nonnegative().optional(),
        probabilityAlive: z.number().min(0).max(1).optional(),
        expectedPurchases: finite.optional(),
        clv: finite.optional(),
      }),
    )
    .optional(),
  fits: z
    .array(
      z.object({
        name: z.string(),
        params: z.record(z.string(), finite),
        standardErrors: z.record(z.string(), z.number()).optional(),
        logLikelihood: finite.optional(),
        customers: z.number().nonnegative().optional(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  repeatPurchases: z.array(z.object({ label: z.string(), actual: z.number().nonnegative(), expected: z.number().nonnegative() })).optional(),
  tracking: z.array(z.object({ period: finite, actual: finite, expected: finite })).optional(),
  calibrationEnd: finite.optional(),
  topCustomers: z.number().int().nonnegative().optional(),
});

