import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { compareIds } from '../internal/order.js';
import { InstantSchema, TimeUnitSchema, type InstantInput, type TimeUnit } from '../models/primitives.js';
import type { TransactionInput } from '../models/transaction.js';
import type { PurchaseHistory } from './purchaseHistory.js';
import {
  historyFromOccasions,
  keysPerUnit,
  logInterPurchaseTimes,
  occasionsByCustomer,
  parseCalibrationTransactions,
  periodKey,
  PurchasePeriodSchema,
  type PurchasePeriod,
} from './summarizeHistories.js';

/** Options of {@link splitCalibrationHoldout}. @category CLV */
export interface SplitCalibrationHoldoutOptions {
  /** The end of the calibration period (inclusive). */
  readonly calibrationEnd: InstantInput;
  /** The end of the holdout period (inclusive); after `calibrationEnd`. */
  readonly holdoutEnd: InstantInput;
  /** The unit of times in the result. @defaultValue 'week' */
  readonly timeUnit?: TimeUnit;
  /** How purchases merge into occasions (see {@link summarizeHistories}). @defaultValue 'day' */
  readonly period?: PurchasePeriod;
  /** Give each calibration history its `litt` (see {@link summarizeHistories}), for {@link fitMbgCnbdK}. @defaultValue false */
  readonly litt?: boolean;
}

/** One customer's purchases in the holdout period. @category CLV */
export interface HoldoutPurchases {
  readonly customerId: string;
  /** Purchase occasions in (calibrationEnd, holdoutEnd]. */
  readonly purchases: number;
  /** Mean net value of those occasions (0 if none). */
  readonly monetaryMean: number;
  /** The length of the holdout period, in `timeUnit`. */
  readonly duration: number;
}

/** The result of {@link splitCalibrationHoldout}. @category CLV */
export interface CalibrationHoldout {
  /** Histories at `calibrationEnd` of the customers whose first purchase is on or before it, by id. */
  readonly calibration: PurchaseHistory[];
  /** The same customers' holdout purchases, in the same order. */
  readonly holdout: HoldoutPurchases[];
  /** Customers whose first purchase falls in the holdout period: not in the calibration cohort, listed rather than dropped silently. */
  readonly newInHoldout: string[];
}

const OptionsSchema = z
  .object({
    calibrationEnd: InstantSchema,
    holdoutEnd: InstantSchema,
    timeUnit: TimeUnitSchema.default('week'),
    period: PurchasePeriodSchema.default('day'),
    litt: z.boolean().default(false),
  })
  .strict()
  .refine((o) => o.holdoutEnd.getTime() > o.calibrationEnd.getTime(), { path: ['holdoutEnd'], message: 'holdoutEnd must be after calibrationEnd' });

/**
 * Splits a transaction log at `calibrationEnd`: calibration histories as {@link summarizeHistories}
 * gives them at `calibrationEnd`, plus each customer's purchases in the holdout period, to check
 * predictions against what happened.
 *
 * @remarks
 * A transaction at or before `calibrationEnd` is in calibration; one in (calibrationEnd, holdoutEnd] is
 * in holdout. Holdout occasions merge by `period` like calibration ones. Customers first seen in the
 * holdout are listed in `newInHoldout`. Edge cases: `[]` → empty lists; a transaction after
 * `holdoutEnd` → `future_date`. Output order: by customer id (code units). O(n log n).
 *
 * @param transactions - Purchases and refunds; never mutated.
 * @param options - `calibrationEnd`, `holdoutEnd` (both required), `timeUnit`, `period`.
 * @returns `{ calibration, holdout, newInHoldout }`.
 * @throws {@link RelmarkError} `invalid_options` for missing, invalid or out-of-order ends;
 *   `future_date` for transactions after `holdoutEnd`; `duplicate_id` / `invalid_input` for invalid
 *   transactions (every issue with its path).
 * @example
 * ```ts
 * import { splitCalibrationHoldout } from 'relmark/clv';
 * const { calibration, holdout } = splitCalibrationHoldout(
 *   [
 *     { customerId: 'a', at: '2024-01-01', amount: 10 },
 *     { customerId: 'a', at: '2024-01-15', amount: 30 },
 *     { customerId: 'a', at: '2024-02-12', amount: 50 },
 *   ],
 *   { calibrationEnd: '2024-01-29', holdoutEnd: '2024-02-26' },
 * );
 * [calibration[0]?.x, holdout[0]];
 * //=> [1, { customerId: 'a', purchases: 1, monetaryMean: 50, duration: 4 }]
 * ```
 * @category CLV
 */
export function splitCalibrationHoldout(transactions: readonly TransactionInput[], options: SplitCalibrationHoldoutOptions): CalibrationHoldout {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'splitCalibrationHoldout: invalid options', { code: 'invalid_options' });
  const { calibrationEnd, holdoutEnd, timeUnit, period, litt } = parsed.data;
  const valid = parseCalibrationTransactions(transactions, holdoutEnd.getTime(), 'splitCalibrationHoldout', 'holdoutEnd');
  const endMs = calibrationEnd.getTime();
  const calibrationOccasions = occasionsByCustomer(valid.filter((t) => t.at.getTime() <= endMs), period);
  const holdoutOccasions = occasionsByCustomer(valid.filter((t) => t.at.getTime() > endMs), period);
  const units = keysPerUnit(period, timeUnit);
  const duration = (periodKey(holdoutEnd.getTime(), period) - periodKey(endMs, period)) / units;
  const ids = [...calibrationOccasions.keys()].sort(compareIds);
  const calibration = ids.map((id) => {
    const occasions = calibrationOccasions.get(id) ?? [];
    const history = historyFromOccasions(id, occasions, periodKey(endMs, period), units);
    return litt ? { ...history, litt: logInterPurchaseTimes(occasions, units) } : history;
  });
  const holdout = ids.map((customerId) => {
    const occasions = holdoutOccasions.get(customerId) ?? [];
    const total = occasions.reduce((sum, o) => sum + o.value, 0);
    return { customerId, purchases: occasions.length, monetaryMean: occasions.length === 0 ? 0 : Math.max(0, total / occasions.length), duration };
  });
  const newInHoldout = [...holdoutOccasions.keys()].filter((id) => !calibrationOccasions.has(id)).sort(compareIds);
  return { calibration, holdout, newInHoldout };
}
