import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../../models/primitives.js';
import { historyColumnsOf, type HistoryColumns } from '../historyColumns.js';
import { maximizeLikelihood } from '../numeric/maximizeLikelihood.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { BgNbdFit } from './bgNbdFit.js';
import { type BgNbdData, prepareBgNbdData } from './bgNbdData.js';
import { bgNbdLogLikelihoodKernel } from './bgNbdLogLikelihood.js';
import type { BgNbdParams } from './bgNbdParams.js';

/** Options of {@link fitBgNbd}. @category CLV */
export interface FitBgNbdOptions {
  /**
   * The unit of the histories' times (tx, T). It is stored on the fit, so that predictions and CLV
   * convert months and days through it instead of trusting the caller to remember it.
   * @defaultValue 'week'
   */
  readonly timeUnit?: TimeUnit;
}

const OptionsSchema = z.object({ timeUnit: TimeUnitSchema.optional() }).strict();

// Fixed starts in log-parameters on the rescaled axis (max T = 1): (r, α, a, b) = (1, 1, 1, 1) first,
// then spread-out alternatives for the Nelder–Mead fallback. Never random (STYLE: determinism).
const starts = [
  [0, 0, 0, 0],
  [Math.log(0.1), Math.log(0.1), Math.log(0.5), Math.log(2)],
  [Math.log(2), Math.log(0.5), Math.log(2), Math.log(5)],
] as const;

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood.
 *
 * @remarks
 * Method: minimises the negative MEAN log-likelihood over log-parameters on a time axis rescaled so
 * that max T = 1 (α is rescaled with it), with BFGS, analytic gradients and a backtracking line search
 * from a fixed start; Nelder–Mead from fixed starts is the fallback. The reported `logLikelihood` is
 * the TOTAL on the caller's axis; standard errors come from a central-difference Hessian of the
 * analytic gradient at the optimum (observed information, delta method from log-parameters).
 * Customers without repeat purchases are summed per distinct T; above 200,000 rows the fit starts
 * from the optimum of a fixed 1-in-k subsample of about 50,000 rows (a warm start, not an
 * approximation: the full data are then maximised to the same tolerance).
 * Deterministic: identical input gives an identical fit, bit for bit.
 *
 * Edge cases: no customers → `empty_input`; every T = 0 → `invalid_input` (no information);
 * nobody with a repeat purchase (all x = 0) → the likelihood has no maximum (r/α → 0), so
 * `not_converged`. Customers with weight 0 are ignored. O(n) per iteration, about 30–60 iterations.
 *
 * @param histories - Histories as objects (x, tx, T; other fields are ignored) or as
 *   {@link HistoryColumns} with optional weights.
 * @param options - The time unit of the histories.
 * @returns A {@link BgNbdFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path);
 *   `duplicate_id` if histories carry a `customerId` that repeats; `empty_input` if there are no customers; `invalid_options` for unknown or invalid options;
 *   `not_converged` if the optimiser fails (details hold its diagnostics).
 * @example
 * ```ts
 * import { fitBgNbd, simulateBgNbd } from 'relmark/clv';
 * const histories = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 5000, T: 39, seed: 1 });
 * const fit = fitBgNbd(histories, { timeUnit: 'week' });
 * [fit.model, fit.customers, fit.params.r > 0.2 && fit.params.r < 0.3];
 * //=> ['bg-nbd', 5000, true]
 * ```
 * @category CLV
 * @see {@link fitBgNbdUnchecked} for columns that are already valid.
 */
export function fitBgNbd(histories: readonly HistoryPoint[] | HistoryColumns, options: FitBgNbdOptions = {}): BgNbdFit {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitBgNbd: invalid options', { code: 'invalid_options' });
  const columns = historyColumnsOf(histories, 'fitBgNbd');
  return fitBgNbdUnchecked(columns, options);
}

/**
 * {@link fitBgNbd} without input validation, for columns that are already valid (from
 * {@link toHistoryColumns}, {@link compressHistories} or {@link simulateBgNbd}).
 *
 * @remarks Preconditions: equal lengths; integer x ≥ 0; 0 ≤ tx ≤ T, finite; weights finite ≥ 0.
 * If violated, the result is unspecified (it may throw `not_converged`). Still throws `empty_input`
 * and `invalid_input` (all T = 0), which cost nothing to check.
 * @param columns - The histories as columns.
 * @param options - The time unit of the histories.
 * @returns A {@link BgNbdFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input` (all T = 0), `not_converged`.
 * @example
 * ```ts
 * import { fitBgNbdUnchecked, simulateBgNbd } from 'relmark/clv';
 * const fit = fitBgNbdUnchecked(simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 2000, T: 39, seed: 7 }));
 * fit.timeUnit;
 * //=> 'week'
 * ```
 * @category CLV
 */
export function fitBgNbdUnchecked(columns: HistoryColumns, options: FitBgNbdOptions = {}): BgNbdFit {
  const n = columns.x.length;
  let totalWeight = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    totalWeight += w;
    if (w > 0 && (columns.T[i] as number) > maxT) maxT = columns.T[i] as number;
  }
  if (n === 0 || totalWeight === 0) throw new RelmarkError('empty_input', 'fitBgNbd: no customers to fit');
  if (!(maxT > 0)) {
    throw new RelmarkError('invalid_input', 'fitBgNbd: every customer has T = 0, so the data carry no information', {
      issues: [{ code: 'no_information', path: ['T'], message: 'At least one customer must have T > 0' }],
    });
  }

  // Rescale time so that max T = 1: the log-parameters are then of order 1 whatever the unit.
  const scale = 1 / maxT;
  const data = prepareBgNbdData(columns, scale);
  const rows = data.x.length + data.zeroT.length;
  // Large data: fit a fixed stride subsample first and start the full fit from its optimum and its
  // inverse Hessian, so the full data need only a few Newton-like iterations. Deterministic.
  let warm: { start: readonly number[]; inverseHessian: Float64Array } | undefined;
  if (rows > warmStartRows) {
    const stride = Math.ceil(rows / subsampleRows);
    try {
      const sample = maximizeOnData(prepareBgNbdData(strideSample(columns, stride), scale));
      const inverseHessian = sample.covariance.map((v) => v * sample.totalWeight);
      warm = { start: Array.from(sample.theta), inverseHessian };
    } catch {
      warm = undefined; // the subsample had no maximum: fit the full data from the fixed starts
    }
  }
  const ml = maximizeOnData(data, warm);
  const params = unscale(ml.theta, scale);
  // Times were multiplied by `scale`: each purchase's density is per unit of the caller's axis, so the
  // total log-likelihood there is the rescaled one plus Σ w·x·ln(scale) (FHL 2005 eq. 6, term by term).
  const logLikelihood = -ml.value * data.totalWeight + data.weightedX * Math.log(scale);
  // Delta method: SE(p) = p · SE(ln p); the rescaling of α only multiplies α and its SE by 1/scale.
  const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 4 + i] as number);
  return {
    model: 'bg-nbd',
    params,
    timeUnit: options.timeUnit ?? 'week',
    logLikelihood,
    customers: totalWeight,
    standardErrors: { r: se(0, params.r), alpha: se(1, params.alpha), a: se(2, params.a), b: se(3, params.b) },
    diagnostics: ml.diagnostics,
  };
}

/** Above this many distinct rows, {@link fitBgNbdUnchecked} warm-starts from a subsample. */
const warmStartRows = 200_000;
/** The size of that subsample. */
const subsampleRows = 50_000;

function toParams(theta: Float64Array): BgNbdParams {
  return { r: Math.exp(theta[0] as number), alpha: Math.exp(theta[1] as number), a: Math.exp(theta[2] as number), b: Math.exp(theta[3] as number) };
}

function unscale(theta: Float64Array, scale: number): BgNbdParams {
  const p = toParams(theta);
  return { ...p, alpha: p.alpha / scale };
}

/** Maximises the likelihood of prepared (rescaled) data over log-parameters. */
function maximizeOnData(data: BgNbdData, warm?: { start: readonly number[]; inverseHessian: Float64Array }) {
  const gradient = new Float64Array(4);
  const objective = (theta: Float64Array, out: Float64Array) => {
    const p = toParams(theta);
    const ll = bgNbdLogLikelihoodKernel(p, data, gradient);
    // d/dθ = p · d/dp (θ = ln p), for the negative mean.
    out[0] = (-(gradient[0] as number) * p.r) / data.totalWeight;
    out[1] = (-(gradient[1] as number) * p.alpha) / data.totalWeight;
    out[2] = (-(gradient[2] as number) * p.a) / data.totalWeight;
    out[3] = (-(gradient[3] as number) * p.b) / data.totalWeight;
    return -ll / data.totalWeight;
  };
  const from = warm === undefined ? starts : [warm.start, ...starts];
  const ml = maximizeLikelihood(objective, from, data.totalWeight, 'fitBgNbd', toParams, warm?.inverseHessian);
  return { ...ml, totalWeight: data.totalWeight };
}

/** Every `stride`-th row of the columns (weights kept). */
function strideSample(columns: HistoryColumns, stride: number): HistoryColumns {
  const size = Math.ceil(columns.x.length / stride);
  const pick = (column: Float64Array) => {
    const out = new Float64Array(size);
    for (let i = 0, j = 0; i < column.length; i += stride, j++) out[j] = column[i] as number;
    return out;
  };
  return {
    x: pick(columns.x),
    tx: pick(columns.tx),
    T: pick(columns.T),
    ...(columns.weights === undefined ? {} : { weights: pick(columns.weights) }),
  };
}
