import { availableParallelism } from 'node:os';
import * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../models/primitives.js';
import type { BgNbdFit } from '../clv/bgNbd/bgNbdFit.js';
import type { BgNbdParams } from '../clv/bgNbd/bgNbdParams.js';
import { fitBgNbdUnchecked } from '../clv/bgNbd/fitBgNbd.js';
import { compressHistories } from '../clv/compressHistories.js';
import { historyColumnsOf, type HistoryColumns } from '../clv/historyColumns.js';
import { defaultMaxEvaluations, maximizeLikelihood } from '../numeric/maximizeLikelihood.js';
import type { HistoryPoint } from '../clv/purchaseHistory.js';
import { startLikelihoodPool } from './likelihoodPool.js';

/** Options of {@link fitBgNbdParallel}. @category Parallel */
export interface FitBgNbdParallelOptions {
  /** The unit of the histories' times (tx, T), stored on the fit. @defaultValue 'week' */
  readonly timeUnit?: TimeUnit;
  /** Threads to use, the calling one included. @defaultValue the machine's available parallelism */
  readonly threads?: number;
  /**
   * The fewest compressed rows with repeat purchases per thread: below `threads` × this, fewer
   * threads are used (a thread costs a start-up and a round trip per evaluation).
   * Measured (bench/parallelFitThreshold.ts, BG/NBD with exact times, 2 threads): the CPU on the
   * critical path — max(main thread, worker) — falls below the single-thread fit's from about 45,000
   * rows with x > 0 (0.85× at 21,000, 1.1–1.5× at 43,000, 1.3–1.9× at 85,000, 1.8–2.1× at 170,000);
   * the default asks for twice that crossover, 100,000 rows for 2 threads, so that scheduling noise on
   * a busy machine does not turn a gain into a loss.
   * @defaultValue 50000
   */
  readonly minRowsPerThread?: number;
  /**
   * Merge identical (x, tx, T) rows first ({@link compressHistories}). Turn it off for exact
   * (continuous) times, where it finds few duplicates and costs more than it saves.
   * @defaultValue true
   */
  readonly compress?: boolean;
}

const OptionsSchema = z.strictObject({
  timeUnit: TimeUnitSchema.optional(),
  threads: z.number().int().min(1).max(256).optional(),
  minRowsPerThread: z.number().int().min(1).optional(),
  compress: z.boolean().optional(),
});

// The fit below mirrors fitBgNbdUnchecked (src/clv/bgNbd/fitBgNbd.ts) step for step — the same
// fixed starts, rescaled axis, warm start and maximizeLikelihood — with the objective evaluated by
// the pool. Keep the two in step (the equality test in fitBgNbdParallel.test.ts checks it).
const starts = [
  [0, 0, 0, 0],
  [Math.log(0.1), Math.log(0.1), Math.log(0.5), Math.log(2)],
  [Math.log(2), Math.log(0.5), Math.log(2), Math.log(5)],
] as const;
const warmStartRows = 200_000;
/** The reasons a pool gives when a worker fails (not the optimiser's own `not_converged`). */
const workerReasons = ['worker_timeout', 'worker_failed'];
const subsampleRows = 50_000;

const toParams = (theta: Float64Array): BgNbdParams => ({
  r: Math.exp(theta[0] as number),
  alpha: Math.exp(theta[1] as number),
  a: Math.exp(theta[2] as number),
  b: Math.exp(theta[3] as number),
});

/** The negative mean log-likelihood over log-parameters, from a total log-likelihood evaluator in (r, α, a, b). */
function negativeMean(evaluate: (params: Float64Array, gradient?: Float64Array) => number, totalWeight: number) {
  const params = new Float64Array(4);
  const gradient = new Float64Array(4);
  return (theta: Float64Array, out: Float64Array) => {
    for (let i = 0; i < 4; i++) params[i] = Math.exp(theta[i] as number);
    const ll = evaluate(params, gradient);
    for (let i = 0; i < 4; i++) out[i] = (-(gradient[i] as number) * (params[i] as number)) / totalWeight;
    return -ll / totalWeight;
  };
}

/** Rows with x > 0 and weight > 0. */
function positiveRowsOf(columns: HistoryColumns): number {
  let count = 0;
  for (let i = 0; i < columns.x.length; i++) if ((columns.x[i] as number) > 0 && (columns.weights === undefined || (columns.weights[i] as number) > 0)) count++;
  return count;
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood on all the machine's cores:
 * the histories are compressed, split into shards, and each objective evaluation of the optimiser
 * runs the likelihood and its gradient on every shard at once (worker threads).
 *
 * @remarks
 * First the histories are compressed ({@link compressHistories}: identical (x, tx, T) rows become one
 * weighted row — a million customers with times in whole days is often a few thousand rows, and
 * then one thread is enough). With fewer than `threads × minRowsPerThread` compressed rows with
 * repeat purchases, fewer threads are used, and with one thread the result IS
 * `fitBgNbdUnchecked(compressHistories(columns))` (or of the columns, with `compress: false`), bit for bit.
 * With k > 1 threads the method is that of `fitBgNbd` (BFGS over log-parameters on a rescaled
 * axis from the same fixed starts, warm start from a 1-in-k subsample above 200,000 rows, Nelder–Mead
 * fallback): only the sum over customers is split. Each shard's log-likelihood is the same
 * Neumaier-summed kernel, and the shard totals are added in a fixed order, so the result is
 * deterministic for given data and thread count, and its log-likelihood agrees with the
 * single-thread fit to 1e-12 relative (the partial sums round differently, by about 1e-16, and the
 * optimiser stops at the same optimum to its tolerance). The calling thread evaluates shard 0 and
 * waits for the others with `Atomics.wait`, so the optimiser itself runs unchanged.
 *
 * Node.js only (worker threads), and ESM only: from CommonJS, load it with `await import('relmark/parallel')`. Edge cases as `fitBgNbd`: no customers → `empty_input`; all T = 0 →
 * `invalid_input`; no repeat purchases → `not_converged`. O(n) to compress, then O(rows / k) per
 * evaluation and thread.
 *
 * @param histories - Histories as objects (x, tx, T) or {@link HistoryColumns} with optional weights; validated.
 * @param options - Time unit, threads, the fewest rows per thread, and whether to compress first.
 * @returns A promise of a {@link BgNbdFit}; `customers` counts the customers (the sum of weights).
 * @throws `RelmarkError` (as a rejected promise) `invalid_input`, `duplicate_id`, `empty_input`,
 *   `invalid_options` (also when the worker threads cannot start), `not_converged` (also when a
 *   worker thread fails or stops answering for a minute).
 * @example
 * ```ts
 * import { simulateBgNbd } from 'relmark/clv';
 * import { fitBgNbdParallel } from 'relmark/parallel';
 * const histories = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 4000, T: 39, seed: 1 });
 * const fit = await fitBgNbdParallel(histories, { threads: 2, minRowsPerThread: 500 });
 * [fit.model, fit.customers, fit.params.r > 0.2 && fit.params.r < 0.3];
 * //=> ['bg-nbd', 4000, true]
 * ```
 * @category Parallel
 */
export async function fitBgNbdParallel(histories: readonly HistoryPoint[] | HistoryColumns, options: FitBgNbdParallelOptions = {}): Promise<BgNbdFit> {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitBgNbdParallel: invalid options', { code: 'invalid_options' });
  const { timeUnit, threads: requested, minRowsPerThread = 50_000, compress = true } = parsed.data;
  const fitOptions = timeUnit === undefined ? {} : { timeUnit };
  const valid = historyColumnsOf(histories, 'fitBgNbdParallel');
  const wanted = requested ?? availableParallelism();
  // Rows with x > 0 before compression bound those after it: below the threshold, no pool is started.
  if (Math.min(wanted, Math.floor(positiveRowsOf(valid) / minRowsPerThread)) <= 1) return fitBgNbdUnchecked(compress ? compressHistories(valid) : valid, fitOptions);
  // Start the workers now: they boot while this thread compresses and scans the columns.
  const pool = startLikelihoodPool('bg-nbd', wanted);
  let threads = 1;
  try {
    const columns: Required<HistoryColumns> = compress ? compressHistories(valid) : { ...valid, weights: valid.weights ?? new Float64Array(valid.x.length).fill(1) };
    let positiveRows = 0;
    let totalWeight = 0;
    let maxT = 0;
    for (let i = 0; i < columns.x.length; i++) {
      const w = columns.weights[i] as number;
      totalWeight += w;
      if (w > 0 && (columns.x[i] as number) > 0) positiveRows++;
      if (w > 0 && (columns.T[i] as number) > maxT) maxT = columns.T[i] as number;
    }
    threads = Math.max(1, Math.min(wanted, Math.floor(positiveRows / minRowsPerThread)));
    // One thread after all, or nothing to fit (fitBgNbdUnchecked then throws empty_input / invalid_input).
    if (threads === 1 || totalWeight === 0 || !(maxT > 0)) {
      await pool.close();
      return fitBgNbdUnchecked(columns, fitOptions);
    }
    const scale = 1 / maxT;
    // The warm start, as fitBgNbd's: the fit of every stride-th row, evaluated by the same workers on
    // their rows of that subsample (the shards are sent once and serve both fits).
    const stride = columns.x.length > warmStartRows ? Math.ceil(columns.x.length / subsampleRows) : 0;
    await pool.load(columns, scale, stride, threads);
    let warm: { start: readonly number[]; inverseHessian: Float64Array } | undefined;
    let maxEvaluations: number | undefined;
    if (stride > 0) {
      let sampleWeight = 0;
      for (let i = 0; i < columns.x.length; i += stride) sampleWeight += columns.weights[i] as number;
      try {
        const sample = maximizeLikelihood(negativeMean(pool.evaluateSample, sampleWeight), starts, sampleWeight, 'fitBgNbdParallel', toParams);
        warm = { start: Array.from(sample.theta), inverseHessian: sample.covariance.map((v) => v * sampleWeight) };
      } catch (error) {
        if (error instanceof RelmarkError && workerReasons.includes(String(error.details?.reason))) throw error; // a worker failed
        // As fitBgNbd: no maximum on the subsample, so fit from the fixed starts with half the budget.
        warm = undefined;
        maxEvaluations = Math.ceil(defaultMaxEvaluations / 2);
      }
    }
    const from = warm === undefined ? starts : [warm.start, ...starts];
    const ml = maximizeLikelihood(negativeMean(pool.evaluate, totalWeight), from, totalWeight, 'fitBgNbdParallel', toParams, warm?.inverseHessian, maxEvaluations === undefined ? {} : { maxEvaluations });
    let weightedX = 0;
    for (let i = 0; i < columns.x.length; i++) weightedX += (columns.weights[i] as number) * (columns.x[i] as number);
    const p = toParams(ml.theta);
    const params = { ...p, alpha: p.alpha / scale };
    // Total log-likelihood on the caller's axis, as fitBgNbd reports it (FHL 2005 eq. 6, term by term).
    const logLikelihood = -ml.value * totalWeight + weightedX * Math.log(scale);
    const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 4 + i] as number);
    return {
      model: 'bg-nbd',
      params,
      timeUnit: timeUnit ?? 'week',
      logLikelihood,
      customers: totalWeight,
      standardErrors: { r: se(0, params.r), alpha: se(1, params.alpha), a: se(2, params.a), b: se(3, params.b) },
      diagnostics: ml.diagnostics,
      // The log-parameter covariance, as fitBgNbd carries it for prediction intervals.
      covariance: { names: ['r', 'alpha', 'a', 'b'], values: Array.from(ml.covariance) },
    };
  } catch (error) {
    if (error instanceof RelmarkError && error.code === 'not_converged') {
      throw new RelmarkError('not_converged', 'fitBgNbdParallel: did not converge', { details: { ...error.details, threads } });
    }
    throw error;
  } finally {
    await pool.close();
  }
}
