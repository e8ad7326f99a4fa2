import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { type HistoryColumns, historyColumnsOf } from '../historyColumns.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { TransactionModelFit } from '../transactionModels.js';
import { probabilityOfPurchases } from './probabilityOfPurchases.js';

/** Options of {@link calibrationFrequencyCheck}. @category CLV */
export interface CalibrationFrequencyCheckOptions {
  /** Frequencies from this value up are pooled into the last row ("7+"). @defaultValue 7 */
  readonly maxFrequency?: number;
}

/** One row of {@link calibrationFrequencyCheck}: how many customers made `frequency` repeat purchases. @category CLV */
export interface FrequencyCheckRow {
  /** Repeat purchases x in calibration (the last row pools x ≥ frequency). */
  readonly frequency: number;
  /** True for the pooled last row. */
  readonly atLeast: boolean;
  /** Customers observed with that frequency. */
  readonly actual: number;
  /** Customers the model expects with that frequency, Σᵢ P(X(Tᵢ) = frequency). */
  readonly expected: number;
}

/** The result of {@link calibrationFrequencyCheck}. @category CLV */
export interface CalibrationFrequencyCheck {
  /** Rows for x = 0 … maxFrequency − 1 and the pooled maxFrequency+. */
  readonly rows: FrequencyCheckRow[];
  /** The number of customers (sum of the weights). */
  readonly customers: number;
  /** Pearson's Σ (actual − expected)² / expected over the rows with expected > 0. */
  readonly chiSquare: number;
}

const OptionsSchema = z.object({ maxFrequency: z.number().int().positive().max(1000).default(7) }).strict();

/**
 * Compares the numbers of customers making 0, 1, …, 7+ repeat purchases in calibration with what the
 * fitted model expects given each customer's observation length T: the in-sample fit check of
 * Fader, Hardie & Lee (2005, Figure 1).
 *
 * @remarks
 * expected(k) = Σᵢ wᵢ P(X(Tᵢ) = k) for k < maxFrequency, with P from the model's new-customer
 * distribution ({@link probabilityOfPurchases}; FHL 2005 eq. 8 for BG/NBD); the last row gets the
 * remainder, so expected and actual both total the number of customers. Customers sharing T share
 * the probabilities. `chiSquare` is Pearson's statistic, a descriptive measure (its degrees of
 * freedom depend on how the parameters were estimated; no p-value is given).
 * Edge cases: no customers → `empty_input`; rows with no expected customers are left out of
 * `chiSquare`. O(customers + distinct T × maxFrequency × cost of one probability).
 *
 * @param fit - A fitted transaction model.
 * @param histories - The calibration histories (objects or columns with weights), in `fit.timeUnit`.
 * @param options - `maxFrequency` of the pooled last row.
 * @returns The rows, the number of customers and the chi-square statistic.
 * @throws {@link RelmarkError} `empty_input`; `invalid_input` / `duplicate_id` for invalid histories
 *   (every issue with its path); `invalid_options` for a bad `maxFrequency`; errors of the model's function.
 * @example
 * ```ts
 * import { calibrationFrequencyCheck } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * const check = calibrationFrequencyCheck(fit, [{ x: 0, tx: 0, T: 39 }, { x: 2, tx: 20, T: 39 }], { maxFrequency: 2 });
 * check.rows.map((row) => [row.frequency, row.actual, row.expected]);
 * //=> [[0, 1, 1.1476], [1, 0, 0.3988], [2, 1, 0.4536]]
 * ```
 * @category CLV
 */
export function calibrationFrequencyCheck(
  fit: TransactionModelFit,
  histories: readonly HistoryPoint[] | HistoryColumns,
  options: CalibrationFrequencyCheckOptions = {},
): CalibrationFrequencyCheck {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'calibrationFrequencyCheck: invalid options', { code: 'invalid_options' });
  const { maxFrequency } = parsed.data;
  const columns = historyColumnsOf(histories, 'calibrationFrequencyCheck');
  const actual = new Float64Array(maxFrequency + 1);
  const weightByT = new Map<number, number>();
  let customers = 0;
  for (let i = 0; i < columns.x.length; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    if (w === 0) continue;
    const k = Math.min(columns.x[i] as number, maxFrequency);
    actual[k] = (actual[k] as number) + w;
    const T = columns.T[i] as number;
    weightByT.set(T, (weightByT.get(T) ?? 0) + w);
    customers += w;
  }
  if (customers === 0) throw new RelmarkError('empty_input', 'calibrationFrequencyCheck: no customers to check');
  const expected = new Float64Array(maxFrequency + 1);
  const ts = [...weightByT.keys()].sort((p, q) => p - q);
  for (const T of ts) {
    const w = weightByT.get(T) as number;
    for (let k = 0; k < maxFrequency; k++) expected[k] = (expected[k] as number) + w * probabilityOfPurchases(fit, k, T);
  }
  let below = 0;
  for (let k = 0; k < maxFrequency; k++) below += expected[k] as number;
  expected[maxFrequency] = Math.max(0, customers - below);
  let chiSquare = 0;
  const rows = Array.from(actual, (a, frequency): FrequencyCheckRow => {
    const e = expected[frequency] as number;
    if (e > 0) chiSquare += ((a - e) * (a - e)) / e;
    return { frequency, atLeast: frequency === maxFrequency, actual: a, expected: e };
  });
  return { rows, customers, chiSquare };
}
