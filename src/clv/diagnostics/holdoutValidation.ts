import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { NeumaierSum } from '../../internal/sum.js';
import { expectedPurchases } from '../expectedPurchases.js';
import { checkHistoryColumns, toHistoryColumns } from '../historyColumns.js';
import { probabilityAlive } from '../probabilityAlive.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { TransactionModelFit } from '../transactionModels.js';

/**
 * Calibration histories and what the same customers did in the holdout period, in the same order:
 * the shape of {@link splitCalibrationHoldout}'s result (which can be passed as it is).
 * @category CLV
 */
export interface HoldoutData {
  /** Histories at the end of calibration (ids optional). */
  readonly calibration: readonly (HistoryPoint & { readonly customerId?: string })[];
  /** Per customer, in the same order: purchases in the holdout period and its length in the fit's time unit. */
  readonly holdout: readonly { readonly customerId?: string; readonly purchases: number; readonly duration: number }[];
}

/** Options of {@link holdoutValidation}. @category CLV */
export interface HoldoutValidationOptions {
  /** Calibration frequencies from this value up are pooled into one row of `byFrequency` ("7+"). @defaultValue 7 */
  readonly maxFrequency?: number;
}

/** One customer's holdout check. @category CLV */
export interface HoldoutCustomer {
  /** The customer's id, when the calibration history has one. */
  readonly customerId?: string;
  /** Repeat purchases in calibration. */
  readonly x: number;
  /** Purchases actually made in the holdout period. */
  readonly actual: number;
  /** The model's conditional expectation E[X(duration) | x, tx, T]. */
  readonly expected: number;
  /** The model's P(alive) at the end of calibration. */
  readonly probabilityAlive: number;
}

/**
 * Aggregate accuracy of holdout predictions: totals and per-customer errors.
 *
 * @remarks `mae` = mean |expected − actual|, `rmse` = √(mean (expected − actual)²), `bias` =
 * mean (expected − actual) (negative: the model under-predicts). Means are over customers.
 * @category CLV
 */
export interface HoldoutErrors {
  /** The number of customers. */
  readonly customers: number;
  /** Total purchases in the holdout period. */
  readonly actual: number;
  /** Sum of the conditional expectations. */
  readonly expected: number;
  readonly mae: number;
  readonly rmse: number;
  readonly bias: number;
}

/** Holdout purchases by calibration frequency: the "conditional expectations" figure of Fader, Hardie & Lee (2005). @category CLV */
export interface HoldoutFrequencyRow {
  /** Calibration repeat purchases x (the last row pools x ≥ frequency). */
  readonly frequency: number;
  /** True for the pooled last row ("7+"). */
  readonly atLeast: boolean;
  /** Customers in the row. */
  readonly customers: number;
  /** Mean actual holdout purchases of those customers. */
  readonly actualMean: number;
  /** Mean conditional expectation of those customers. */
  readonly expectedMean: number;
}

/** The result of {@link holdoutValidation}. @category CLV */
export interface HoldoutValidation {
  /** One entry per customer, in input order. */
  readonly customers: HoldoutCustomer[];
  /** Totals and errors over all customers. */
  readonly totals: HoldoutErrors;
  /** Rows for x = 0, 1, …, maxFrequency − 1 and the pooled maxFrequency+ (empty rows have means NaN). */
  readonly byFrequency: HoldoutFrequencyRow[];
}

const OptionsSchema = z.object({ maxFrequency: z.number().int().positive().max(1000).default(7) }).strict();

/**
 * Checks a fitted transaction model against a holdout period: each customer's conditional
 * expectation for the holdout length against the purchases made, in total, per customer and by
 * calibration frequency.
 *
 * @remarks
 * For each customer, expected = `expectedPurchases(fit, history, duration)` (the model's
 * conditional expectation, e.g. Fader, Hardie & Lee 2005 eq. 10 for BG/NBD), so any model of the
 * {@link TransactionModelFit} union works. `byFrequency` groups customers by calibration x
 * (0 … maxFrequency−1, then maxFrequency+) and compares mean actual with mean expected purchases,
 * the "conditional expectations" check of FHL 2005 (their Figure 5). Errors are defined in
 * {@link HoldoutErrors}; totals are compensated sums. The durations must be in `fit.timeUnit`
 * (split with the same `timeUnit` as the fit).
 * Edge cases: no customers → `empty_input`; one customer → its own errors; a row without customers
 * has NaN means. O(customers × cost of one expectation). Output order: input order.
 *
 * @param fit - A fitted transaction model.
 * @param data - Calibration histories and holdout purchases (e.g. {@link splitCalibrationHoldout}'s result).
 * @param options - `maxFrequency` of the pooled last row.
 * @returns Per-customer checks, totals with MAE/RMSE/bias, and the frequency table.
 * @throws {@link RelmarkError} `empty_input` for no customers; `invalid_input` when the lists differ
 *   in length or ids, or a holdout count or duration is invalid (with paths like
 *   `['holdout', 3, 'purchases']`) or a calibration history is invalid (`['calibration', 3, 'tx']`);
 *   `invalid_parameters` as the model's functions;
 *   `invalid_options` for a bad `maxFrequency`.
 * @example
 * ```ts
 * import { holdoutValidation } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * const check = holdoutValidation(fit, {
 *   calibration: [{ x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }],
 *   holdout: [{ purchases: 1, duration: 39 }, { purchases: 0, duration: 39 }],
 * });
 * [check.totals.actual, check.totals.expected];
 * //=> [1, 1.4211]
 * ```
 * @category CLV
 */
export function holdoutValidation(fit: TransactionModelFit, data: HoldoutData, options: HoldoutValidationOptions = {}): HoldoutValidation {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'holdoutValidation: invalid options', { code: 'invalid_options' });
  const { maxFrequency } = parsed.data;
  checkHoldoutData(data, 'holdoutValidation');
  const customers = data.calibration.map((history, i): HoldoutCustomer => {
    const holdout = data.holdout[i] as HoldoutData['holdout'][number];
    const point = { x: history.x, tx: history.tx, T: history.T };
    return {
      ...(history.customerId === undefined ? {} : { customerId: history.customerId }),
      x: history.x,
      actual: holdout.purchases,
      expected: expectedPurchases(fit, point, holdout.duration),
      probabilityAlive: probabilityAlive(fit, point),
    };
  });
  const rows = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, expected: 0 }));
  for (const c of customers) {
    const row = rows[Math.min(c.x, maxFrequency)] as (typeof rows)[number];
    row.customers++;
    row.actual += c.actual;
    row.expected += c.expected;
  }
  return {
    customers,
    totals: holdoutErrors(customers),
    byFrequency: rows.map((row, frequency) => ({
      frequency,
      atLeast: frequency === maxFrequency,
      customers: row.customers,
      actualMean: row.actual / row.customers,
      expectedMean: row.expected / row.customers,
    })),
  };
}

/** Totals, MAE, RMSE and bias of expected vs actual (compensated sums). @internal */
export function holdoutErrors(customers: readonly { readonly actual: number; readonly expected: number }[]): HoldoutErrors {
  const actual = new NeumaierSum();
  const expected = new NeumaierSum();
  const signed = new NeumaierSum();
  const absolute = new NeumaierSum();
  const squared = new NeumaierSum();
  for (const { actual: a, expected: e } of customers) {
    actual.add(a);
    expected.add(e);
    signed.add(e - a);
    absolute.add(Math.abs(e - a));
    squared.add((e - a) * (e - a));
  }
  const n = customers.length;
  return {
    customers: n,
    actual: actual.value,
    expected: expected.value,
    mae: absolute.value / n,
    rmse: Math.sqrt(squared.value / n),
    bias: signed.value / n,
  };
}

/** Throws `empty_input` / `invalid_input` for holdout data that cannot be checked. @internal */
export function checkHoldoutData(data: HoldoutData, where: string): void {
  const calibration = data?.calibration;
  const holdout = data?.holdout;
  if (!Array.isArray(calibration) || !Array.isArray(holdout)) {
    throw new RelmarkError('invalid_input', `${where}: expected { calibration, holdout } arrays`, {
      issues: [{ code: 'invalid_type', path: Array.isArray(calibration) ? ['holdout'] : ['calibration'], message: 'Expected an array' }],
    });
  }
  if (calibration.length === 0) throw new RelmarkError('empty_input', `${where}: no customers to check`);
  // Histories are checked here too, so that their issues carry paths like ['calibration', 3, 'tx'].
  const issues: RelmarkIssue[] = checkHistoryColumns(toHistoryColumns(calibration)).map((issue) => ({
    ...issue,
    path: ['calibration', issue.path[1] as number, issue.path[0] as string],
  }));
  if (holdout.length !== calibration.length) {
    issues.push({ code: 'invalid_length', path: ['holdout'], message: `holdout has ${holdout.length} entries but calibration has ${calibration.length}` });
  } else {
    holdout.forEach((h, i) => {
      const c = calibration[i];
      if (!(Number.isSafeInteger(h?.purchases) && h.purchases >= 0)) issues.push({ code: 'invalid_value', path: ['holdout', i, 'purchases'], message: `purchases must be an integer ≥ 0, received ${String(h?.purchases)}` });
      if (!(Number.isFinite(h?.duration) && h.duration >= 0)) issues.push({ code: 'invalid_value', path: ['holdout', i, 'duration'], message: `duration must be finite and ≥ 0, received ${String(h?.duration)}` });
      if (h?.customerId !== undefined && c?.customerId !== undefined && String(h.customerId) !== String(c.customerId)) {
        issues.push({ code: 'id_mismatch', path: ['holdout', i, 'customerId'], message: `holdout[${i}] is customer "${h.customerId}" but calibration[${i}] is "${c.customerId}"` });
      }
    });
  }
  if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid holdout data`, { issues });
}
