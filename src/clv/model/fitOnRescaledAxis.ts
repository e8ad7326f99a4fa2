/**
 * The fitting recipe shared by the four-parameter transaction models (BG/NBD, MBG/NBD, Pareto/NBD):
 * rescale time to max T = 1, maximise over log-parameters, warm-start large data from a subsample,
 * report the total log-likelihood and standard errors on the caller's axis.
 * @internal
 * @module
 */
import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../../models/primitives.js';
import { checkTransactionHistoriesIdentify, PenalizerSchema } from '../degenerateData.js';
import { historyColumnsOf, type HistoryColumns } from '../historyColumns.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { defaultMaxEvaluations, type FitDiagnostics, maximizeLikelihood } from '../../numeric/maximizeLikelihood.js';

/**
 * What a model tells {@link fitOnRescaledAxis}: how to arrange the data and how to evaluate its
 * total weighted log-likelihood with gradient on the rescaled axis.
 * @internal
 */
export interface RescaledModel<D, K extends string> {
  /** The fitter's name, for error messages (`'fitParetoNbd'`). */
  readonly where: string;
  /** Parameter names in the order of the kernel's parameter and gradient arrays. */
  readonly names: readonly K[];
  /** Which parameters are rates per time unit (α, β): they are divided by the time scale on return. */
  readonly rates: readonly K[];
  /** Fixed starts in log-parameters on the rescaled axis; never random. */
  readonly starts: readonly (readonly number[])[];
  /** Arranges the columns, multiplying times by `scale`; rows with weight 0 may be dropped. */
  prepare(columns: HistoryColumns, scale: number): D;
  /** Σ w over the prepared rows. */
  totalWeight(data: D): number;
  /** The number of rows the likelihood loops over (after any grouping): decides the warm start. */
  rows(data: D): number;
  /**
   * Above `rows` rows (see {@link RescaledModel.rows}), start from the fit of a stride subsample of
   * about `sample` rows. @defaultValue { rows: 200_000, sample: 50_000 }
   */
  readonly warmStart?: { readonly rows: number; readonly sample: number };
  /** The total weighted log-likelihood at `params` (natural scale), writing d/dparams into `gradient`. */
  logLikelihood(params: Float64Array, data: D, gradient: Float64Array): number;
}

/** What {@link fitOnRescaledAxis} returns: the fields every transaction-model fit shares. @internal */
export interface RescaledFit<K extends string> {
  readonly params: Record<K, number>;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly standardErrors: Record<K, number>;
  /** The covariance of the log-parameters (row-major; rescaling time shifts a log-rate, so it is axis-free), for prediction intervals. */
  readonly covariance: { readonly names: K[]; readonly values: number[] };
  readonly diagnostics: FitDiagnostics;
  /** Present only with a penalizer > 0: the coefficient. */
  readonly penalizer?: number;
  /** Present only with a penalizer > 0: penalizer · Σ (ln θ)² at the optimum, on the rescaled axis. */
  readonly penalty?: number;
}

/** The options every transaction-model fitter shares. @internal */
export interface RescaledFitOptions {
  readonly timeUnit?: TimeUnit;
  readonly penalizer?: number;
}

/** Above this many rows, the fit warm-starts from a subsample. @internal */
export const warmStartRows = 200_000;
/** The size of that subsample. @internal */
export const subsampleRows = 50_000;

/**
 * Fits a transaction model by maximum likelihood (see the fitters' TSDoc for the method): checks for
 * no customers (`empty_input`), all T = 0 (`invalid_input`) and, without a penalizer, data that cannot
 * identify the model (`degenerate_data`: all x = 0, or one distinct history); rescales time so that max T = 1,
 * minimises the negative mean log-likelihood over log-parameters with BFGS from `model.starts`
 * (Nelder–Mead fallback), and above `model.warmStart.rows` rows starts from the optimum of a fixed
 * 1-in-k subsample of about `model.warmStart.sample` rows. The total log-likelihood on the caller's axis is the
 * rescaled one plus Σ w·x·ln(scale) (each purchase time contributes one density factor); standard
 * errors follow by the delta method from the log-parameter covariance. Deterministic.
 * With `penalizer` λ > 0 the objective is the negative mean log-likelihood plus λ·Σ (ln θᵢ)² over
 * the log-parameters on the rescaled axis; `logLikelihood` stays the unpenalised total, and the fit
 * carries `penalizer` and `penalty` (the λ·Σ (ln θᵢ)² at the optimum).
 * @internal
 */
export function fitOnRescaledAxis<D, K extends string>(columns: HistoryColumns, model: RescaledModel<D, K>, options: RescaledFitOptions = {}): RescaledFit<K> {
  const penalizer = options.penalizer ?? 0;
  const warmRows = model.warmStart?.rows ?? warmStartRows;
  const sampleRows = model.warmStart?.sample ?? subsampleRows;
  const n = columns.x.length;
  let totalWeight = 0;
  let weightedX = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    totalWeight += w;
    weightedX += w * (columns.x[i] as number);
    if (w > 0 && (columns.T[i] as number) > maxT) maxT = columns.T[i] as number;
  }
  if (n === 0 || totalWeight === 0) throw new RelmarkError('empty_input', `${model.where}: no customers to fit`);
  if (!(maxT > 0)) {
    throw new RelmarkError('invalid_input', `${model.where}: every customer has T = 0, so the data carry no information`, {
      issues: [{ code: 'no_information', path: ['T'], message: 'At least one customer must have T > 0' }],
    });
  }
  if (!(penalizer > 0)) checkTransactionHistoriesIdentify(columns, model.where);
  // Rescale time so that max T = 1: the log-parameters are then of order 1 whatever the unit.
  const scale = 1 / maxT;
  const data = model.prepare(columns, scale);
  const rows = model.rows(data);
  let warm: { start: readonly number[]; inverseHessian: Float64Array } | undefined;
  let maxEvaluations: number | undefined;
  if (rows > warmRows) {
    const stride = Math.ceil(rows / sampleRows);
    try {
      const sample = maximizeOn(model, model.prepare(strideSample(columns, stride), scale), penalizer);
      warm = { start: Array.from(sample.theta), inverseHessian: sample.covariance.map((v) => v * sample.totalWeight) };
    } catch {
      // The subsample had no maximum: the full data rarely have one. Fit them from the fixed starts
      // with half the budget, so that a fit that cannot succeed stops within a few times what a
      // successful one costs (a warm-started 1M-row fit needs 5–30 evaluations).
      warm = undefined;
      maxEvaluations = Math.ceil(defaultMaxEvaluations / 2);
    }
  }
  const ml = maximizeOn(model, data, penalizer, warm, maxEvaluations);
  const k = model.names.length;
  const params = {} as Record<K, number>;
  const standardErrors = {} as Record<K, number>;
  model.names.forEach((name, i) => {
    const value = Math.exp(ml.theta[i] as number) / (model.rates.includes(name) ? scale : 1);
    params[name] = value;
    // Delta method: SE(p) = p · SE(ln p); rescaling a rate multiplies it and its SE alike.
    standardErrors[name] = value * Math.sqrt(ml.covariance[i * k + i] as number);
  });
  return {
    params,
    logLikelihood: -ml.value * ml.totalWeight + weightedX * Math.log(scale),
    customers: totalWeight,
    standardErrors,
    covariance: { names: [...model.names], values: Array.from(ml.covariance) },
    diagnostics: ml.diagnostics,
    ...(penalizer > 0 ? { penalizer, penalty: ml.penalty } : {}),
  };
}

/** Maximises the likelihood of prepared (rescaled) data over log-parameters. */
function maximizeOn<D, K extends string>(
  model: RescaledModel<D, K>,
  data: D,
  penalizer: number,
  warm?: { start: readonly number[]; inverseHessian: Float64Array },
  maxEvaluations?: number,
) {
  const k = model.names.length;
  const totalWeight = model.totalWeight(data);
  const params = new Float64Array(k);
  const gradient = new Float64Array(k);
  const objective = (theta: Float64Array, out: Float64Array) => {
    for (let i = 0; i < k; i++) params[i] = Math.exp(theta[i] as number);
    const ll = model.logLikelihood(params, data, gradient);
    // d/dθ = p · d/dp (θ = ln p), for the negative mean.
    for (let i = 0; i < k; i++) out[i] = (-(gradient[i] as number) * (params[i] as number)) / totalWeight;
    return -ll / totalWeight;
  };
  const toParams = (theta: Float64Array) => Object.fromEntries(model.names.map((name, i) => [name, Math.exp(theta[i] as number)]));
  const from = warm === undefined ? model.starts : [warm.start, ...model.starts];
  const ml = maximizeLikelihood(objective, from, totalWeight, model.where, toParams, warm?.inverseHessian, {
    ...(penalizer > 0 ? { penalizer } : {}),
    ...(maxEvaluations === undefined ? {} : { maxEvaluations }),
  });
  return { ...ml, totalWeight };
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

const FitOptionsSchema = z.object({ timeUnit: TimeUnitSchema.optional(), penalizer: PenalizerSchema }).strict();

/**
 * The checked entry of every transaction-model fitter: validates the options (`invalid_options`) and
 * the histories (`invalid_input`, `duplicate_id`, with paths), then calls the unchecked fitter.
 * @internal
 */
export function fitValidated<R>(
  histories: readonly HistoryPoint[] | HistoryColumns,
  options: RescaledFitOptions,
  where: string,
  unchecked: (columns: HistoryColumns, options: RescaledFitOptions) => R,
): R {
  const parsed = FitOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  return unchecked(historyColumnsOf(histories, where), options);
}
