import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { isRelmarkError } from '../../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../../models/primitives.js';
import { prepareBgNbdData } from '../bgNbd/bgNbdData.js';
import { betaGeometricModel } from '../bgNbd/fitBgNbd.js';
import { PenalizerSchema } from '../degenerateData.js';
import { historyColumnsOf, type HistoryColumnsWithLitt } from '../historyColumns.js';
import { fitOnRescaledAxis, type RescaledFit } from '../model/fitOnRescaledAxis.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { MbgCnbdKFit } from './mbgCnbdKFit.js';
import { mbgCnbdKCoreKernel, regularityTerm, regularityTotals, requireLitt } from './mbgCnbdKLogLikelihood.js';
import { maxRegularity } from './mbgCnbdKParams.js';

/** Options of {@link fitMbgCnbdK}. @category CLV */
export interface FitMbgCnbdKOptions {
  /**
   * The unit of the histories' times (tx, T, and the gaps in litt), stored on the fit.
   * @defaultValue 'week'
   */
  readonly timeUnit?: TimeUnit;
  /**
   * Fix the regularity k (an integer from 1 to 100) instead of choosing it; k = 1 needs no litt.
   * @defaultValue undefined (k is chosen by likelihood among 1 … `kMax`)
   */
  readonly k?: number;
  /**
   * The largest k tried when k is chosen (BTYDplus tries 1 … 12).
   * @defaultValue 12
   */
  readonly kMax?: number;
  /**
   * An L2 penalty on the log-parameters, as in {@link fitMbgNbd}: the fit then reports `penalizer`
   * and `penalty`; `logLikelihood` stays unpenalised.
   * @defaultValue 0
   */
  readonly penalizer?: number;
}

const FitOptionsSchema = z
  .object({
    timeUnit: TimeUnitSchema.optional(),
    k: z.number().int().min(1).max(maxRegularity).optional(),
    kMax: z.number().int().min(1).max(maxRegularity).optional(),
    penalizer: PenalizerSchema,
  })
  .strict();

/** The default largest k of the grid, as BTYDplus' `mbgcnbd.EstimateParameters`. @internal */
export const defaultKMax = 12;

/**
 * Fits the MBG/CNBD-k model (Platzer & Reutterer 2016) by maximum likelihood, choosing the
 * regularity k by likelihood.
 *
 * @remarks
 * Likelihood: {@link mbgCnbdKLogLikelihood}, whose term (k−1)·Σ litt − Σ x·ln((k−1)!) makes fits with
 * different k comparable. For each k = 1, 2, …, `kMax` (default 12) the four parameters (r, α, a, b)
 * are fitted as {@link fitMbgNbd} fits its own: the negative MEAN log-likelihood is minimised over
 * log-parameters on a time axis rescaled to max T = 1, with BFGS and an analytic gradient from fixed
 * starts (Nelder–Mead as fallback); the litt term is constant in them. The k with the largest
 * log-likelihood wins. As BTYDplus' `mbgcnbd.EstimateParameters` (1.2.0) does, the grid stops early
 * when the log-likelihood has fallen twice in a row (k > 2), and at the first k whose fit fails to
 * converge (k = 1 failing is an error). `kProfile` lists the log-likelihood of every k tried.
 * BTYDplus optimises with L-BFGS-B from (1, 3, 1, 3) and caps parameters at 10,000; relmark's
 * optimiser is unbounded, so its maximum can be higher where BTYDplus stopped at the cap.
 * The reported `logLikelihood` is the TOTAL on the caller's axis, the litt term included;
 * `standardErrors` are of (r, α, a, b) at the chosen k. Deterministic.
 *
 * Edge cases: no customers → `empty_input`; every T = 0 → `invalid_input`; histories without `litt`
 * → `invalid_input` (path `['litt']`) unless `k: 1`; nobody with a repeat purchase, or one distinct
 * history for everybody → `degenerate_data` unless a `penalizer` is given. Customers with weight 0
 * are ignored. O(n·k) per iteration, for up to `kMax` fits.
 *
 * @param histories - Histories as objects (x, tx, T, litt; other fields are ignored) or as
 *   {@link HistoryColumnsWithLitt} with optional weights and a `litt` column.
 * @param options - The time unit, a fixed k or the largest k, a penalizer.
 * @returns A {@link MbgCnbdKFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories (every issue with its path) or
 *   missing litt; `duplicate_id` if histories carry a `customerId` that repeats; `empty_input` if
 *   there are no customers; `invalid_options` for unknown or invalid options; `degenerate_data`
 *   (with `details.hint`) for data that cannot identify the model; `not_converged` if the fit at
 *   k = 1 (or at the fixed k) fails.
 * @example
 * ```ts
 * import { fitMbgCnbdK, simulateMbgCnbdK } from 'relmark/clv';
 * const histories = simulateMbgCnbdK({ params: { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }, customers: 3000, T: 52, seed: 1 });
 * const fit = fitMbgCnbdK(histories, { timeUnit: 'week' });
 * [fit.model, fit.params.k, fit.customers];
 * //=> ['mbg-cnbd-k', 3, 3000]
 * ```
 * @category CLV
 * @see {@link fitMbgCnbdKUnchecked} for columns that are already valid.
 */
export function fitMbgCnbdK(histories: readonly HistoryPoint[] | HistoryColumnsWithLitt, options: FitMbgCnbdKOptions = {}): MbgCnbdKFit {
  const parsed = FitOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'fitMbgCnbdK: invalid options', { code: 'invalid_options' });
  return fitMbgCnbdKUnchecked(historyColumnsOf(histories, 'fitMbgCnbdK'), options);
}

/**
 * {@link fitMbgCnbdK} without input validation, for columns that are already valid (from
 * {@link toHistoryColumns} of histories with litt, or {@link simulateMbgCnbdK}).
 *
 * @remarks Preconditions: equal lengths; integer x ≥ 0; 0 ≤ tx ≤ T, finite; litt finite (0 when
 * x = 0); weights finite ≥ 0; valid options. If violated, the result is unspecified (it may throw
 * `not_converged`). Still throws `empty_input`, `invalid_input` (all T = 0, missing litt) and
 * `degenerate_data`.
 * @param columns - The histories as columns.
 * @param options - As {@link fitMbgCnbdK}.
 * @returns A {@link MbgCnbdKFit}.
 * @throws {@link RelmarkError} `empty_input`, `invalid_input`, `degenerate_data`, `not_converged`.
 * @example
 * ```ts
 * import { fitMbgCnbdKUnchecked, simulateMbgCnbdK } from 'relmark/clv';
 * const columns = simulateMbgCnbdK({ params: { k: 2, r: 1, alpha: 3, a: 0.8, b: 2.5 }, customers: 1500, T: 52, seed: 7 });
 * fitMbgCnbdKUnchecked(columns, { k: 2 }).kProfile.length;
 * //=> 1
 * ```
 * @category CLV
 */
export function fitMbgCnbdKUnchecked(columns: HistoryColumnsWithLitt, options: FitMbgCnbdKOptions = {}): MbgCnbdKFit {
  const timeUnit = options.timeUnit ?? 'week';
  const fixed = options.k;
  // No customers is `empty_input` (from the fit below), whatever the columns carry.
  const anyone = columns.x.some((_, i) => columns.weights === undefined || (columns.weights[i] as number) > 0);
  if (anyone && (fixed === undefined || fixed > 1)) {
    requireLitt(columns, 'fitMbgCnbdK', fixed === undefined ? 'Choosing k by likelihood needs each customer\'s litt (or pass k: 1)' : `k = ${fixed} needs each customer's litt`);
  }
  const totals = regularityTotals(columns);
  const original = prepareBgNbdData(columns);
  const rescaledOptions = { ...(options.penalizer === undefined ? {} : { penalizer: options.penalizer }) };
  // The fit at k starts from the optimum at k − 1 (α scaled by (k−1)/k, which keeps the mean purchase
  // rate r/(kα)), then from the fixed starts: deterministic, and it saves most iterations.
  let maxT = 0;
  for (let i = 0; i < columns.T.length; i++) {
    if ((columns.weights === undefined || (columns.weights[i] as number) > 0) && (columns.T[i] as number) > maxT) maxT = columns.T[i] as number;
  }
  let previous: { k: number; params: { r: number; alpha: number; a: number; b: number } } | undefined;
  const fitAt = (k: number) => {
    const start = previous && maxT > 0
      ? [Math.log(previous.params.r), Math.log((previous.params.alpha * previous.k) / k / maxT), Math.log(previous.params.a), Math.log(previous.params.b)]
      : undefined;
    const fit = fitOnRescaledAxis(columns, modelFor(k, start), rescaledOptions);
    previous = { k, params: fit.params };
    // The total on the caller's axis, recomputed there (the rescaling shifts the core by Σ k·x·ln scale).
    const logLikelihood = mbgCnbdKCoreKernel(k, fit.params, original) + regularityTerm(k, totals);
    return { fit, logLikelihood };
  };
  const finish = (k: number, best: { fit: RescaledFit<'r' | 'alpha' | 'a' | 'b'>; logLikelihood: number }, kProfile: { k: number; logLikelihood: number }[]): MbgCnbdKFit => ({
    model: 'mbg-cnbd-k',
    ...best.fit,
    params: { k, ...best.fit.params },
    logLikelihood: best.logLikelihood,
    timeUnit,
    kProfile,
  });
  if (fixed !== undefined) {
    const one = fitAt(fixed);
    return finish(fixed, one, [{ k: fixed, logLikelihood: one.logLikelihood }]);
  }
  const kMax = options.kMax ?? defaultKMax;
  const profile: { k: number; logLikelihood: number }[] = [];
  let bestK = 1;
  let best = fitAt(1);
  profile.push({ k: 1, logLikelihood: best.logLikelihood });
  for (let k = 2; k <= kMax; k++) {
    let next;
    try {
      next = fitAt(k);
    } catch (error) {
      // As BTYDplus: the grid ends at the first k whose parameters cannot be estimated.
      if (isRelmarkError(error) && error.code === 'not_converged') break;
      throw error;
    }
    profile.push({ k, logLikelihood: next.logLikelihood });
    if (next.logLikelihood > best.logLikelihood) {
      best = next;
      bestK = k;
    }
    const n = profile.length;
    if (n >= 3 && (profile[n - 1] as { logLikelihood: number }).logLikelihood < (profile[n - 2] as { logLikelihood: number }).logLikelihood
      && (profile[n - 2] as { logLikelihood: number }).logLikelihood < (profile[n - 3] as { logLikelihood: number }).logLikelihood) break;
  }
  return finish(bestK, best, profile);
}

/** The rescaled-axis model at a fixed k: the shared beta-geometric recipe with the CNBD-k kernel. */
function modelFor(k: number, start: readonly number[] | undefined) {
  const model = betaGeometricModel('fitMbgCnbdK', (params, data, gradient) => mbgCnbdKCoreKernel(k, params, data, gradient));
  return start === undefined || !start.every(Number.isFinite) ? model : { ...model, starts: [start, ...model.starts] };
}
