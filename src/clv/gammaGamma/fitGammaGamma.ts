import { RelmarkError } from '../../errors/RelmarkError.js';
import { parseBatch, requireAllValid } from '../../models/parse.js';
import { groupByFrequency } from '../frequencyGroups.js';
import { maximizeLikelihood } from '../numeric/maximizeLikelihood.js';
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
 * Deterministic. Edge cases: no eligible customer → `empty_input`; all spends equal → the likelihood has
 * no interior maximum → `not_converged`. O(n) per iteration.
 *
 * @param histories - Histories with `customerId`, `x` and `monetaryMean` (tx and T are validated and ignored).
 * @returns A {@link GammaGammaFit}.
 * @throws {@link RelmarkError} `invalid_input` for invalid histories; `duplicate_id` for a repeated
 *   customer id; `empty_input` if no customer has x > 0 and positive spend; `not_converged`.
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
export function fitGammaGamma(histories: readonly PurchaseHistoryInput[]): GammaGammaFit {
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
  return { ...fitGammaGammaUnchecked(columns), excluded };
}

/**
 * {@link fitGammaGamma} on columns of repeat buyers, without validation.
 *
 * @remarks Preconditions: equal lengths, integer x ≥ 1, finite monetaryMean > 0, finite weights ≥ 0;
 * otherwise the result is unspecified. `excluded` is empty: the caller chose the rows.
 * @param columns - x, monetaryMean and optional weights.
 * @returns A {@link GammaGammaFit}.
 * @throws {@link RelmarkError} `empty_input`; `not_converged`.
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
export function fitGammaGammaUnchecked(columns: SpendColumns): GammaGammaFit {
  const n = columns.x.length;
  let totalWeight = 0;
  let weightedSpend = 0;
  for (let i = 0; i < n; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    totalWeight += w;
    weightedSpend += w * (columns.monetaryMean[i] as number);
  }
  if (n === 0 || totalWeight === 0) {
    throw new RelmarkError('empty_input', 'fitGammaGamma: no customer with a repeat purchase and positive spend to fit');
  }
  // Money is rescaled to mean 1 so that the log-parameters are of order 1 in any currency.
  const scale = totalWeight / weightedSpend;
  const scaled: SpendColumns = {
    x: columns.x,
    monetaryMean: columns.monetaryMean.map((z) => z * scale),
    ...(columns.weights === undefined ? {} : { weights: columns.weights }),
  };
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
    return { ...params, v: params.v / scale };
  };
  const ml = maximizeLikelihood(objective, starts, totalWeight, 'fitGammaGamma', unscale);
  const params = unscale(ml.theta);
  const se = (i: number, value: number) => value * Math.sqrt(ml.covariance[i * 3 + i] as number);
  return {
    model: 'gamma-gamma',
    params,
    logLikelihood: gammaGammaLogLikelihoodKernel(params, columns, undefined, groups),
    customers: totalWeight,
    standardErrors: { p: se(0, params.p), q: se(1, params.q), v: se(2, params.v) },
    excluded: [],
    diagnostics: ml.diagnostics,
  };
}
