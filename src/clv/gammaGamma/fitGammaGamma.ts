import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { parseBatch, requireAllValid } from '../../models/parse.js';
import { degenerateDataError, PenalizerSchema, penalizerHint } from '../degenerateData.js';
import { groupByFrequency } from '../frequencyGroups.js';
import { maximizeLikelihood } from '../../numeric/maximizeLikelihood.js';
import { type PurchaseHistoryInput, PurchaseHistorySchema } from '../purchaseHistory.js';
import type { GammaGammaExclusion, GammaGammaFit } from './gammaGammaFit.js';
import { gammaGammaLogLikelihoodKernel, type SpendColumns } from './gammaGammaLogLikelihood.js';
import type { GammaGammaParams } from './gammaGammaParams.js';

// Fixed starts in log-parameters with spend rescaled to mean 1: (p, q, v) = (1, 2, 1) gives a
// population mean spend v·p/(q−1) equal to the data's; then alternatives for the fallback.
const starts = [
  [0, Math.log(2), 0],
  [Math.log(5), Math.log(5), Math.log(4)],
  [Math.log(0.5), Math.log(1.5), Math.log(0.25)],
] as const;

/** Options of {@link fitGammaGamma}. @category CLV */
export interface FitGammaGammaOptions {
  /**
   * An L2 penalty on the log-parameters: the fit minimises the negative mean log-likelihood plus
   * `penalizer · Σ (ln θ)²` (θ = p, q, v with spend rescaled to mean 1), so that small or degenerate
   * data (all spends equal) can be fitted on purpose. The fit then reports `penalizer` and `penalty`;
   * its `logLikelihood` stays unpenalised.
   * @defaultValue 0
   */
  readonly penalizer?: number;
}

const OptionsSchema = z.object({ penalizer: PenalizerSchema }).strict();

/**
 * Fits the Gamma-Gamma spend model (Fader & Hardie 2013) to the repeat buyers of a set of histories.
 *
 * @remarks
 * Only customers with x > 0 and a positive `monetaryMean` carry information about spend; everyone else
 * is listed in `excluded` with the reason (`no_repeat_purchases`, `non_positive_spend`), never dropped
 * silently. The model assumes that spend is independent of purchase frequency: check the correlation
 * of x and monetaryMean before use (Fader & Hardie 2013, §3).
 * Method: maximum likelihood over log-parameters with spend rescaled to mean 1, BFGS with analytic
 * gradients (digamma), Nelder–Mead fallback from fixed starts; the reported `logLikelihood` is the
 * total in the caller's money unit and standard errors come from the observed information.
 * Deterministic. Edge cases: no eligible customer → `empty_input`; all spends equal (or a single
 * customer) → the likelihood has no interior maximum → `degenerate_data` at once unless a
 * `penalizer` is given; other data without a maximum → `not_converged` after at most 200 optimiser
 * evaluations. Spends anywhere in the range of doubles (1e-300 … 1e300) are rescaled without
 * overflow; a fitted scale `v` beyond the largest double → `not_converged` (reason `not_representable`).
 * O(n) per iteration.
 *
 * @param histories - Histories with `customerId`, `x` and `monetaryMean` (tx and T are validated and ignored).
 * @param options - An optional `penalizer`.
 * @returns A {@link GammaGammaFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories; `duplicate_id` for a repeated
 *   customer id; `invalid_options` for unknown options or a negative penalizer; `empty_input` if no
 *   customer has x > 0 and positive spend; `degenerate_data` (with `details.hint`) if every spend is
 *   equal; `not_converged`.
 * @example
 * ```ts
 * import { fitGammaGamma } from 'relmark/clv';
 * const spends = [12, 25, 18, 40, 9, 30, 22, 15, 60, 11, 27, 19, 35, 14, 24];
 * const fit = fitGammaGamma([
 *   ...spends.map((z, i) => ({ customerId: i, x: 1 + (i % 4), tx: 5, T: 10, monetaryMean: z })),
 *   { customerId: 'new', x: 0, tx: 0, T: 3 },
 * ]);
 * [fit.customers, fit.excluded];
 * //=> [15, [{ customerId: 'new', reason: 'no_repeat_purchases' }]]
 * ```
 * @category CLV
 * @see {@link fitGammaGammaUnchecked} for columns of repeat buyers.
 */
export function fitGammaGamma(histories: readonly PurchaseHistoryInput[], options: FitGammaGammaOptions = {}): GammaGammaFit {
  const parsedOptions = OptionsSchema.safeParse(options);
  if (!parsedOptions.success) throw fromZodError(parsedOptions.error, 'fitGammaGamma: invalid options', { code: 'invalid_options' });
  const valid = requireAllValid(
    parseBatch(PurchaseHistorySchema, histories as readonly unknown[], { pathName: 'histories', uniqueKey: (h) => h.customerId }),
    'fitGammaGamma',
  );
  const excluded: GammaGammaExclusion[] = [];
  const kept = valid.filter((h) => {
    if (h.x === 0) excluded.push({ customerId: h.customerId, reason: 'no_repeat_purchases' });
    else if (!((h.monetaryMean ?? 0) > 0)) excluded.push({ customerId: h.customerId, reason: 'non_positive_spend' });
    else return true;
    return false;
  });
  const columns: SpendColumns = {
    x: Float64Array.from(kept, (h) => h.x),
    monetaryMean: Float64Array.from(kept, (h) => h.monetaryMean ?? 0),
  };
  return { ...fitGammaGammaUnchecked(columns, options), excluded };
}

/**
 * {@link fitGammaGamma} on columns of repeat buyers, without validation.
 *
 * @remarks Preconditions: equal lengths, integer x ≥ 1, finite monetaryMean > 0, finite weights ≥ 0;
 * otherwise the result is unspecified. `excluded` is empty: the caller chose the rows.
 * @param columns - x, monetaryMean and optional weights.
 * @param options - An optional `penalizer` (not validated).
 * @returns A {@link GammaGammaFit}.
 * @throws {@link RelmarkError} `empty_input`; `degenerate_data`; `not_converged`.
 * @example
 * ```ts
 * import { fitGammaGammaUnchecked } from 'relmark/clv';
 * const fit = fitGammaGammaUnchecked({
 *   x: Float64Array.of(1, 2, 3, 1, 2, 4, 1, 3),
 *   monetaryMean: Float64Array.of(12, 25, 18, 40, 9, 30, 22, 15),
 * });
 * fit.model;
 * //=> 'gamma-gamma'
 * ```
 * @category CLV
 */
export function fitGammaGammaUnchecked(columns: SpendColumns, options: FitGammaGammaOptions = {}): GammaGammaFit {
  const penalizer = options.penalizer ?? 0;
  const n = columns.x.length;
  let totalWeight = 0;
  let weightedSpend = 0;
  let maxSpend = 0;
  let first = Number.NaN;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    const z = columns.monetaryMean[i] as number;
    totalWeight += w;
    weightedSpend += w * z;
    if (!(w > 0)) continue;
    if (z > maxSpend) maxSpend = z;
    if (Number.isNaN(first)) first = z;
    else if (z !== first) allEqual = false;
  }
  if (n === 0 || totalWeight === 0) {
    throw new RelmarkError('empty_input', 'fitGammaGamma: no customer with a repeat purchase and positive spend to fit');
  }
  if (allEqual && !(penalizer > 0)) {
    throw degenerateDataError(
      'fitGammaGamma',
      { code: 'equal_spends', path: ['monetaryMean'], message: 'every customer has the same mean spend, so the spread of spend (q) has no maximum' },
      `collect customers whose spends differ, or ${penalizerHint}`,
    );
  }
  // Money is rescaled to mean 1 so that the log-parameters are of order 1 in any currency. When the
  // total or its inverse leaves the range of doubles (spends near 1e300 or 1e-300), divide by the
  // largest spend first: the scaled spends are then (z / max) / mean(z / max).
  const { scaled, logScale, unscaleV } = rescaleSpends(columns, totalWeight, weightedSpend, maxSpend);
  const gradient = new Float64Array(3);
  const groups = groupByFrequency(columns.x, columns.weights);
  const toParams = (theta: Float64Array): GammaGammaParams => ({
    p: Math.exp(theta[0] as number),
    q: Math.exp(theta[1] as number),
    v: Math.exp(theta[2] as number),
  });
  const objective = (theta: Float64Array, out: Float64Array) => {
    const params = toParams(theta);
    const ll = gammaGammaLogLikelihoodKernel(params, scaled, gradient, groups);
    out[0] = (-(gradient[0] as number) * params.p) / totalWeight;
    out[1] = (-(gradient[1] as number) * params.q) / totalWeight;
    out[2] = (-(gradient[2] as number) * params.v) / totalWeight;
    return -ll / totalWeight;
  };
  const unscale = (theta: Float64Array): GammaGammaParams => {
    const params = toParams(theta);
    return { ...params, v: unscaleV(params.v) };
  };
  const ml = maximizeLikelihood(objective, starts, totalWeight, 'fitGammaGamma', unscale, undefined, penalizer > 0 ? { penalizer } : {});
  const params = unscale(ml.theta);
  const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 3 + i] as number);
  const standardErrors = { p: se(0, params.p), q: se(1, params.q), v: se(2, params.v) };
  // The density of z̄ in the caller's unit is the rescaled one times the scale: LL = LL' + W ln(scale).
  // The direct sum is used when finite (it is what the fit reported before); it overflows only when
  // v + x·z̄ does, and the identity then gives the same total.
  const direct = gammaGammaLogLikelihoodKernel(params, columns, undefined, groups);
  const logLikelihood = Number.isFinite(direct) ? direct : -ml.value * totalWeight + totalWeight * logScale;
  if (![params.p, params.q, params.v, logLikelihood, standardErrors.p, standardErrors.q, standardErrors.v].every(Number.isFinite)) {
    throw new RelmarkError('not_converged', 'fitGammaGamma: the fitted parameters are beyond the range of doubles in this money unit', {
      details: { ...ml.diagnostics, logLikelihood: -ml.value, lastParams: params, reason: 'not_representable', hint: 'fit the spends in a larger money unit (divide them by a power of ten)' },
    });
  }
  return {
    model: 'gamma-gamma',
    params,
    logLikelihood,
    customers: totalWeight,
    standardErrors,
    excluded: [],
    diagnostics: ml.diagnostics,
    ...(penalizer > 0 ? { penalizer, penalty: ml.penalty } : {}),
  };
}

/**
 * Spends rescaled to weighted mean 1, ln(scale) and the map of v back to the caller's unit. Uses
 * z·(W / Σwz) when that scale and its inverse are finite (the usual case), else (z / max) / c with
 * c = Σw(z / max) / W, which stays in range for spends anywhere in the doubles.
 */
function rescaleSpends(columns: SpendColumns, totalWeight: number, weightedSpend: number, maxSpend: number) {
  const weights = columns.weights === undefined ? {} : { weights: columns.weights };
  const scale = totalWeight / weightedSpend;
  if (Number.isFinite(scale) && scale > 0 && Number.isFinite(1 / scale)) {
    return {
      scaled: { x: columns.x, monetaryMean: columns.monetaryMean.map((z) => z * scale), ...weights } satisfies SpendColumns,
      logScale: Math.log(scale),
      unscaleV: (v: number) => v / scale,
    };
  }
  let sum = 0;
  for (let i = 0; i < columns.x.length; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    sum += w * ((columns.monetaryMean[i] as number) / maxSpend);
  }
  const c = sum / totalWeight;
  return {
    scaled: { x: columns.x, monetaryMean: columns.monetaryMean.map((z) => z / maxSpend / c), ...weights } satisfies SpendColumns,
    logScale: -(Math.log(maxSpend) + Math.log(c)),
    unscaleV: (v: number) => v * c * maxSpend,
  };
}
