import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { msPerDay } from '../../internal/time.js';
import { InstantSchema, type InstantInput, type TimeUnit } from '../../models/primitives.js';
import type { TransactionInput } from '../../models/transaction.js';
import {
  keysPerUnit,
  occasionsByCustomer,
  parseCalibrationTransactions,
  periodKey,
  PurchasePeriodSchema,
  type PurchasePeriod,
} from '../summarizeHistories.js';
import type { TransactionModelFit } from '../transactionModels.js';
import { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';

/** Options of {@link trackRepeatPurchases}. @category CLV */
export interface TrackRepeatPurchasesOptions {
  /** The end of the calibration period (inclusive): the cohort is everyone whose first purchase is on or before it. */
  readonly calibrationEnd: InstantInput;
  /** The end of tracking (inclusive); after `calibrationEnd`. Transactions after it are `future_date` errors. */
  readonly holdoutEnd: InstantInput;
  /** How purchases merge into occasions, as in {@link summarizeHistories}. @defaultValue 'day' */
  readonly period?: PurchasePeriod;
  /** The length of a tracking period in `fit.timeUnit` (with `period: 'day'`, rounded to whole days). @defaultValue 1 */
  readonly step?: number;
  /**
   * Up to when each period's expectation runs, with `period: 'day'`:
   * - `'occasions'`: to the last day of the period, the time at which its last purchase occasion is
   *   counted (a purchase on day D is at D − bᵢ, as {@link summarizeHistories} times it), so expected
   *   and actual count the same days;
   * - `'btyd'`: to the end of the period (its exclusive end, one day later), as BTYD's `elog2cum` and
   *   lifetimes' `expected_cumulative_transactions` do; the cumulative expectation is then
   *   E[X(end − bᵢ)] summed over the cohort, and slightly larger.
   * With `period: 'instant'` both are the same (times are exact and a period ends at its end).
   * @defaultValue 'occasions'
   */
  readonly timing?: 'occasions' | 'btyd';
}

/** One tracking period: repeat purchases of the cohort, actual vs the model's expectation. @category CLV */
export interface TrackedPeriod {
  /** 0, 1, … from the cohort's first purchase day. */
  readonly index: number;
  /** The first instant of the period (ISO 8601, UTC). */
  readonly start: string;
  /** The first instant after the period (ISO 8601, UTC, exclusive); the last period ends at `holdoutEnd`. */
  readonly end: string;
  /** `'calibration'` if the period ends by `calibrationEnd`, `'holdout'` if it starts after it, else `'both'`. */
  readonly phase: 'calibration' | 'holdout' | 'both';
  /** Repeat purchase occasions of the cohort in the period. */
  readonly actual: number;
  /** The model's expected repeat purchases of the cohort in the period. */
  readonly expected: number;
  /** Running totals from the first period. */
  readonly cumulativeActual: number;
  readonly cumulativeExpected: number;
}

/** The result of {@link trackRepeatPurchases}. @category CLV */
export interface RepeatPurchaseTracking {
  /** The tracking periods, in time order. */
  readonly periods: TrackedPeriod[];
  /** Customers in the cohort (first purchase on or before `calibrationEnd`). */
  readonly customers: number;
  /** Customers whose first purchase lies after `calibrationEnd`: outside the cohort, not tracked. */
  readonly newInHoldout: number;
}

const OptionsSchema = z
  .object({
    calibrationEnd: InstantSchema,
    holdoutEnd: InstantSchema,
    period: PurchasePeriodSchema.default('day'),
    step: z.number().positive().finite().default(1),
    timing: z.enum(['occasions', 'btyd']).default('occasions'),
  })
  .strict()
  .refine((o) => o.holdoutEnd.getTime() > o.calibrationEnd.getTime(), { path: ['holdoutEnd'], message: 'holdoutEnd must be after calibrationEnd' });

/**
 * Tracks a cohort's repeat purchases period by period (weekly by default), actual against the
 * model's expectation, across calibration and holdout: the tracking plots of Fader, Hardie & Lee
 * (2005, Figures 2 and 3), as data for a chart.
 *
 * @remarks
 * The cohort is every customer whose first purchase is on or before `calibrationEnd`. Actual: each
 * later purchase occasion of a cohort member, counted in its period. Expected: Σ over the cohort of
 * E[X(s − bᵢ)] − E[X(s' − bᵢ)] between the period's ends, with bᵢ the customer's first purchase and
 * E[X(t)] the model's new-customer expectation ({@link expectedPurchasesNewCustomer}), i.e. the
 * unconditional expectation that the model makes from the calibration fit alone. Periods start at
 * the cohort's first purchase and last `step` units of `fit.timeUnit`. With `period: 'day'` times
 * are whole days and a period holds the purchases of its days (a purchase on day D is at time
 * D − bᵢ, as in {@link summarizeHistories}); expectations are computed once per distinct elapsed time.
 * `timing: 'btyd'` runs each expectation to the end of the period instead of its last day (BTYD's
 * `elog2cum`, lifetimes' `expected_cumulative_transactions`): one day more of expected purchases per
 * customer at every period end; the actual counts are the same.
 * Edge cases: no cohort → `empty_input`; a fit without a time unit → `invalid_options`; the last
 * period may be shorter. O(transactions log transactions + periods × distinct first-purchase days).
 *
 * @param fit - A transaction model fitted on the cohort's calibration histories (with a `timeUnit`).
 * @param transactions - The transaction log up to `holdoutEnd`; never mutated.
 * @param options - `calibrationEnd`, `holdoutEnd` (required), `period`, `step`, `timing`.
 * @returns The periods with actual and expected counts, and the cohort size.
 * @throws {@link RelmarkError} `invalid_options` for missing or invalid ends or step, or a fit without a
 *   time unit; `future_date`, `duplicate_id`, `invalid_input` for transactions as in
 *   {@link splitCalibrationHoldout}; `empty_input` if nobody bought by `calibrationEnd`.
 * @example
 * ```ts
 * import { trackRepeatPurchases } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * const tracking = trackRepeatPurchases(fit, [
 *   { customerId: 'a', at: '2024-01-01', amount: 10 },
 *   { customerId: 'a', at: '2024-01-10', amount: 20 },
 * ], { calibrationEnd: '2024-01-07', holdoutEnd: '2024-01-14' });
 * tracking.periods.map((p) => [p.phase, p.actual]);
 * //=> [['calibration', 0], ['holdout', 1]]
 * ```
 * @category CLV
 */
export function trackRepeatPurchases(
  fit: TransactionModelFit,
  transactions: readonly TransactionInput[],
  options: TrackRepeatPurchasesOptions,
): RepeatPurchaseTracking {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'trackRepeatPurchases: invalid options', { code: 'invalid_options' });
  const { calibrationEnd, holdoutEnd, period, step, timing } = parsed.data;
  const timeUnit = timeUnitOf(fit, 'trackRepeatPurchases');
  const units = keysPerUnit(period, timeUnit);
  const stepKeys = period === 'day' ? Math.round(step * units) : step * units;
  if (!(stepKeys >= 1)) {
    throw new RelmarkError('invalid_options', 'trackRepeatPurchases: invalid options', {
      issues: [{ code: 'too_small', path: ['step'], message: `step ${step} ${timeUnit} is shorter than one day` }],
    });
  }
  const valid = parseCalibrationTransactions(transactions, holdoutEnd.getTime(), 'trackRepeatPurchases', 'holdoutEnd');
  const calibrationKey = periodKey(calibrationEnd.getTime(), period);
  const occasions = occasionsByCustomer(valid, period);
  // The cohort, grouped by first-purchase key (births) with counts.
  const births = new Map<number, number>();
  const repeats: number[] = [];
  let newInHoldout = 0;
  for (const list of occasions.values()) {
    const birth = (list[0] as { key: number }).key;
    if (birth > calibrationKey) {
      newInHoldout++;
      continue;
    }
    births.set(birth, (births.get(birth) ?? 0) + 1);
    for (let i = 1; i < list.length; i++) repeats.push((list[i] as { key: number }).key);
  }
  if (births.size === 0) throw new RelmarkError('empty_input', 'trackRepeatPurchases: no customer made a first purchase by calibrationEnd');
  const start = Math.min(...births.keys());
  // Period k covers keys [start + k·step, start + (k+1)·step); with days, the last key (day) of a
  // period is its exclusive end − 1, with instants it is the end itself.
  const offset = period === 'day' ? 1 : 0;
  const limit = periodKey(holdoutEnd.getTime(), period) + offset;
  const ends: number[] = [];
  for (let k = 1; ; k++) {
    const end = Math.min(start + k * stepKeys, limit);
    ends.push(end);
    if (end >= limit) break;
  }
  const actual = new Float64Array(ends.length);
  for (const key of repeats) {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key < (ends[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    actual[lo] = (actual[lo] as number) + 1;
  }
  const cache = new Map<number, number>();
  const expectedAt = (elapsedKeys: number) => {
    if (elapsedKeys <= 0) return 0;
    let value = cache.get(elapsedKeys);
    if (value === undefined) cache.set(elapsedKeys, (value = expectedPurchasesNewCustomer(fit, elapsedKeys / units)));
    return value;
  };
  // 'occasions': to the period's last day (end − 1 with days); 'btyd': to its exclusive end.
  const expectationOffset = timing === 'btyd' ? 0 : offset;
  const cumulativeAt = (end: number) => {
    let sum = 0;
    for (const [birth, count] of births) sum += count * expectedAt(end - expectationOffset - birth);
    return sum;
  };
  const toIso = (key: number) => new Date(period === 'day' ? key * msPerDay : key).toISOString();
  const periods: TrackedPeriod[] = [];
  let previousEnd = start;
  let cumulativeActual = 0;
  let previousExpected = 0;
  ends.forEach((end, index) => {
    const cumulativeExpected = cumulativeAt(end);
    cumulativeActual += actual[index] as number;
    const last = end - offset;
    const phase = last <= calibrationKey ? 'calibration' : previousEnd > calibrationKey ? 'holdout' : 'both';
    periods.push({
      index,
      start: toIso(previousEnd),
      end: toIso(period === 'day' ? end : Math.min(end, limit)),
      phase,
      actual: actual[index] as number,
      expected: cumulativeExpected - previousExpected,
      cumulativeActual,
      cumulativeExpected,
    });
    previousEnd = end;
    previousExpected = cumulativeExpected;
  });
  let customers = 0;
  for (const count of births.values()) customers += count;
  return { periods, customers, newInHoldout };
}

/** The time unit of a fit, or `invalid_options` for a model without a time axis. @internal */
export function timeUnitOf(fit: TransactionModelFit, where: string): TimeUnit {
  const unit = (fit as { timeUnit?: TimeUnit }).timeUnit;
  if (unit === undefined) {
    throw new RelmarkError('invalid_options', `${where}: the fit has no time unit`, {
      issues: [{ code: 'no_time_unit', path: ['fit', 'timeUnit'], message: `Model ${JSON.stringify(fit?.model)} has no time axis to track by date` }],
    });
  }
  return unit;
}
