import { RelmarkError } from '../errors/RelmarkError.js';
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { type TrackingPoint, TrackingPointSchema } from './htmlReportInput.js';

/** One period of {@link trackingChartData}. @category Report */
export interface TrackingChartPoint {
  /** The start of the period on the time axis; `null` when not given. */
  readonly start: number | null;
  /** The end of the period on the time axis. */
  readonly end: number;
  /** Repeat purchases observed in the period. */
  readonly actual: number;
  /** Repeat purchases the model expected in the period. */
  readonly expected: number;
  /** Running totals from the first period. */
  readonly cumulativeActual: number;
  readonly cumulativeExpected: number;
  /**
   * True for a period shorter than the longest one (the last week cut by the end of the data): its
   * count is not comparable with the others, so the per-period chart leaves it out.
   */
  readonly partial: boolean;
}

/** The data of the report's tracking charts (per period and cumulative). @category Report */
export interface TrackingChartData {
  /** The periods in time order (by end). */
  readonly points: TrackingChartPoint[];
  /** Where calibration ends on the same axis, if known. */
  readonly calibrationEnd: number | null;
}

/** Options of {@link trackingChartData}. @category Report */
export interface TrackingChartDataOptions {
  /** Where calibration ends on the time axis (drawn as a marker). */
  readonly calibrationEnd?: number;
}

/** The tracking data without validation. @internal */
export function trackingChartDataUnchecked(tracking: readonly TrackingPoint[], calibrationEnd: number | undefined): TrackingChartData {
  const sorted = tracking.toSorted((p, q) => p.period - q.period);
  let longest = 0;
  for (const p of sorted) if (p.start !== undefined) longest = Math.max(longest, p.period - p.start);
  let cumulativeActual = 0;
  let cumulativeExpected = 0;
  const points = sorted.map((p): TrackingChartPoint => {
    cumulativeActual += p.actual;
    cumulativeExpected += p.expected;
    return {
      // `+ 0` turns −0 into 0, so that the result survives JSON unchanged.
      start: p.start === undefined ? null : p.start + 0,
      end: p.period + 0,
      actual: p.actual + 0,
      expected: p.expected + 0,
      cumulativeActual: cumulativeActual + 0,
      cumulativeExpected: cumulativeExpected + 0,
      partial: p.start !== undefined && p.period - p.start < longest * (1 - 1e-9),
    };
  });
  const beyond = points.findIndex((p) => !Number.isFinite(p.cumulativeActual) || !Number.isFinite(p.cumulativeExpected));
  if (beyond >= 0) {
    throw new RelmarkError('invalid_input', 'trackingChartData: cumulative totals too large', {
      issues: [{ code: 'amount_overflow', path: ['tracking'], message: `The cumulative purchases reach beyond ±Number.MAX_VALUE (≈ 1.8e308) at period ${sorted[beyond]?.period}` }],
    });
  }
  return { points, calibrationEnd: calibrationEnd ?? null };
}

/**
 * The data of the report's holdout tracking charts: repeat purchases per period (e.g. per week),
 * actual against the model, their running totals, and which periods are partial, as lifetimes'
 * `plot_incremental_transactions` and `plot_cumulative_transactions` draw them (FHL 2005, Figures 2–3).
 *
 * @remarks
 * Points are sorted by the end of their period; cumulative values are running sums in that order.
 * A period whose length (`period − start`) is shorter than the longest one is `partial`: typically
 * the last week, cut short by the end of the data, whose few purchases would make the weekly line
 * fall towards zero. The report leaves partial periods out of the per-period chart (saying so) and
 * keeps them in the cumulative one, where they add what they hold. Without `start` no period is
 * partial.
 * Edge cases: `[]` → no points; ties in `period` keep input order. O(n log n).
 *
 * @param tracking - The tracking periods (e.g. `trackRepeatPurchases(...).periods` mapped to the time axis); never mutated.
 * @param options - `calibrationEnd` on the same axis.
 * @returns The points with running totals and the partial flags.
 * @throws {@link RelmarkError} `invalid_input` when a point is not finite (with its path) or (`amount_overflow`) the cumulative totals go beyond ±`Number.MAX_VALUE`; `invalid_options` for a bad `calibrationEnd`.
 * @example
 * ```ts
 * import { trackingChartData } from 'relmark';
 * const data = trackingChartData([
 *   { start: 0, period: 1, actual: 5, expected: 4.5 },
 *   { start: 1, period: 2, actual: 6, expected: 5.5 },
 *   { start: 2, period: 2.4, actual: 1, expected: 2 },
 * ], { calibrationEnd: 1 });
 * data.points.map((p) => [p.cumulativeActual, p.cumulativeExpected, p.partial]);
 * //=> [[5, 4.5, false], [11, 10, false], [12, 12, true]]
 * ```
 * @category Report
 */
export function trackingChartData(tracking: readonly TrackingPoint[], options: TrackingChartDataOptions = {}): TrackingChartData {
  const parsed = z.array(TrackingPointSchema).safeParse(tracking);
  if (!parsed.success) throw fromZodError(parsed.error, 'trackingChartData: invalid tracking');
  const opts = z.strictObject({ calibrationEnd: z.number().finite().optional() }).safeParse(options);
  if (!opts.success) throw fromZodError(opts.error, 'trackingChartData: invalid options', { code: 'invalid_options' });
  return trackingChartDataUnchecked(parsed.data as readonly TrackingPoint[], opts.data.calibrationEnd);
}
