import { issuesFromZod } from '../../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { checkHorizon } from '../model/checkHistory.js';
import type { WithCovariates } from '../covariates/covariateMatrix.js';
import { linearPredictors } from '../covariates/individualParams.js';
import { historyColumnsOf } from '../historyColumns.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type TransactionModelFit, TransactionModelFitSchema } from '../transactionModels.js';
import { type Interval, type IntervalOptions, parseIntervalOptions } from './intervalOptions.js';
import { aliveKernel, ifAliveKernel, intervalModel, paramsOf, parameterNames, scaleByCovariates } from './modelKernels.js';
import { drawParameters, intervalOf } from './parameterDraws.js';
import { AliveRun } from './aliveRun.js';

/** What {@link expectedPurchasesIntervals} returns. @category CLV */
export interface ExpectedPurchasesIntervals {
  /** Per history, in input order: E[purchases in (T, T + t]] with its interval. */
  readonly customers: Interval[];
  /** The sum over all histories; its bounds come from the same draws (they are not sums of bounds). */
  readonly total: Interval;
}

/**
 * The expected number of purchases in the next `t` time units of every history, and their total,
 * each with a prediction interval from the fit's parameter uncertainty.
 *
 * @remarks
 * `value` is {@link expectedPurchases} at the fit's estimates (with each customer's covariates for
 * a fit with covariates). The bounds are quantiles over `draws` parameter sets drawn from the
 * asymptotic normal of the estimates (see {@link IntervalOptions}); the total's bounds are quantiles
 * of the per-draw total, so they account for the customers' shared parameters. Customers with the
 * same (x, T, covariates) share each draw's E[Y | alive] and those with the same (x, tₓ, T,
 * covariates) its P(alive), so the cost is about (distinct (x, T) + distinct (x, tₓ, T)) × draws
 * kernel evaluations plus a selection of two quantiles per distinct history. Deterministic in
 * `seed`. Edge cases: `[]` → no customers and a total of 0; t = 0 → every value and bound 0.
 * The interval reflects parameter uncertainty only, not the Poisson-like noise of the purchases.
 *
 * @param fit - A fitted BG/NBD, Pareto/NBD or MBG/NBD model (with `covariance` for correlated
 *   draws; without, its standard errors are used as independent).
 * @param histories - Frequency x, recency tx, age T (and covariates for a fit with covariates), in `fit.timeUnit`.
 * @param t - The horizon in `fit.timeUnit` (≥ 0).
 * @param intervals - Level, number of draws and seed.
 * @returns Per-customer intervals in input order and the interval of the total.
 * @throws {@link RelmarkError} `invalid_parameters` for an invalid or BG/BB fit or an unusable
 *   covariance; `invalid_input` for invalid histories or a negative t (paths `['histories', i, field]`,
 *   `['histories', i, 'covariates', name]`); `invalid_options` for invalid intervals; `not_converged`
 *   if a drawn prediction cannot be computed.
 * @example
 * ```ts
 * import { expectedPurchasesIntervals } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * const result = expectedPurchasesIntervals(fit, [{ x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 38.86 }], 52, { level: 0.9, draws: 500, seed: 1 });
 * [result.total.value, result.total.lower < result.total.value, result.total.value < result.total.upper];
 * //=> [1.8102, true, true]
 * ```
 * @category CLV
 */
export function expectedPurchasesIntervals(
  fit: TransactionModelFit,
  histories: readonly (HistoryPoint & WithCovariates)[],
  t: number,
  intervals: IntervalOptions,
): ExpectedPurchasesIntervals {
  const where = 'expectedPurchasesIntervals';
  const parsed = TransactionModelFitSchema.safeParse(fit);
  if (!parsed.success) throw new RelmarkError('invalid_parameters', `${where}: invalid fit`, { issues: issuesFromZod(parsed.error, ['fit']), cause: parsed.error });
  const checked = parsed.data;
  const model = intervalModel(checked, where);
  checkHorizon(t, where);
  const options = parseIntervalOptions(intervals, where);
  if (!Array.isArray(histories)) {
    throw new RelmarkError('invalid_input', `${where}: expected an array of histories`, { issues: [{ code: 'invalid_type', path: ['histories'], message: 'Expected an array of { x, tx, T }' }] });
  }
  const columns = historyColumnsOf(histories, where);
  const names = parameterNames(model);
  const covariates = 'covariates' in checked ? checked.covariates : undefined;
  const n = columns.x.length;
  const etaP = new Float64Array(n);
  const etaD = new Float64Array(n);
  const keys: string[] = new Array(n).fill('');
  if (covariates !== undefined) {
    const issues: RelmarkIssue[] = [];
    histories.forEach((h, i) => {
      try {
        [etaP[i], etaD[i]] = linearPredictors(covariates, h, where, 'histories');
        keys[i] = [...covariates.purchase.names, ...covariates.dropout.names].map((name) => String(h.covariates?.[name])).join(',');
      } catch (error) {
        if (!(error instanceof RelmarkError)) throw error;
        for (const issue of error.issues) if (issues.length < 1000) issues.push({ ...issue, path: ['histories', i, ...issue.path.slice(1)] });
      }
    });
    if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid covariates`, { issues });
  }
  const scaled = (p: ReturnType<typeof paramsOf>, purchase: number, dropout: number) =>
    covariates === undefined ? p : scaleByCovariates(model, p, purchase, dropout, where);
  const fitParams = checked.params as unknown as Record<string, number>;
  const estimate = paramsOf(model, fitParams.r as number, fitParams.alpha as number, fitParams[names[2] as string] as number, fitParams[names[3] as string] as number);
  const { draws, level, seed } = options;
  const drawn = drawParameters(checked, names, draws, seed, where);
  const baseDraws = Array.from({ length: draws }, (_, d) =>
    paramsOf(model, drawn.values[d * drawn.width] as number, drawn.values[d * drawn.width + 1] as number, drawn.values[d * drawn.width + 2] as number, drawn.values[d * drawn.width + 3] as number),
  );
  const xp = new Float64Array(drawn.purchaseCount);
  const xd = new Float64Array(drawn.dropoutCount);
  const paramsFor = (d: number) => {
    const base = baseDraws[d] as ReturnType<typeof paramsOf>;
    if (covariates === undefined) return base;
    const row = d * drawn.width;
    let purchase = 0;
    for (let j = 0; j < xp.length; j++) purchase += (drawn.values[row + 4 + j] as number) * (xp[j] as number);
    let dropout = 0;
    for (let j = 0; j < xd.length; j++) dropout += (drawn.values[row + 4 + xp.length + j] as number) * (xd[j] as number);
    return scaled(base, purchase, dropout);
  };
  const x = columns.x;
  const tx = columns.tx;
  const T = columns.T;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => {
    const ki = keys[i] as string;
    const kj = keys[j] as string;
    return (x[i] as number) - (x[j] as number) || (T[i] as number) - (T[j] as number) || (ki < kj ? -1 : ki > kj ? 1 : 0) || (tx[i] as number) - (tx[j] as number) || i - j;
  });
  const run = new AliveRun(model, draws);
  const ifAlive = new Float64Array(draws);
  const alive = new Float64Array(draws);
  const values = new Float64Array(draws);
  const total = new Float64Array(draws);
  const customers: Interval[] = new Array(n);
  let previous = -1;
  let pointTotal = 0;
  for (const i of order) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const txi = tx[i] as number;
    if (covariates !== undefined) {
      covariates.purchase.names.forEach((name, j) => (xp[j] = histories[i]?.covariates?.[name] as number));
      covariates.dropout.names.forEach((name, j) => (xd[j] = histories[i]?.covariates?.[name] as number));
    }
    const sameSeries = previous >= 0 && x[previous] === xi && T[previous] === Ti && keys[previous] === keys[i];
    const sameAlive = sameSeries && tx[previous] === txi;
    const p = scaled(estimate, etaP[i] as number, etaD[i] as number);
    const value = t === 0 ? 0 : aliveKernel(model, p, xi, txi, Ti) * ifAliveKernel(model, p, xi, Ti, t);
    pointTotal += value;
    if (sameAlive) {
      const before = customers[previous] as Interval;
      customers[i] = { value, lower: before.lower, upper: before.upper };
      for (let d = 0; d < draws; d++) total[d] = (total[d] as number) + (alive[d] as number) * (ifAlive[d] as number);
      previous = i;
      continue;
    }
    if (!sameSeries) {
      run.start(paramsFor, xi, Ti);
      for (let d = 0; d < draws; d++) ifAlive[d] = t === 0 ? 0 : ifAliveKernel(model, run.params(d), xi, Ti, t);
    }
    run.fill(txi, alive);
    for (let d = 0; d < draws; d++) {
      const v = (alive[d] as number) * (ifAlive[d] as number);
      values[d] = v;
      total[d] = (total[d] as number) + v;
    }
    customers[i] = intervalOf(value, values, draws, level);
    previous = i;
  }
  if (!total.every(Number.isFinite) || !Number.isFinite(pointTotal)) {
    throw new RelmarkError('not_converged', `${where}: some expectations could not be computed under the drawn parameters`, {
      details: { reason: 'series_did_not_converge', hint: 'The standard errors are so wide that draws leave the region where the model is computable; the asymptotic normal is not a good description of this fit' },
    });
  }
  return { customers, total: n === 0 ? { value: 0, lower: 0, upper: 0 } : intervalOf(pointTotal, total, draws, level) };
}
