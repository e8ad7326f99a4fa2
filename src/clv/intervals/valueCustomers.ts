/**
 * Customer lifetime value per customer for fits with covariates and with prediction intervals: the
 * per-customer path of {@link customerLifetimeValue}.
 * @internal
 * @module
 */
import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { linearPredictors } from '../covariates/individualParams.js';
import type { GammaGammaFit } from '../gammaGamma/gammaGammaFit.js';
import { gammaGammaExpectedSpendUnchecked } from '../gammaGamma/gammaGammaExpectedSpend.js';
import type { PurchaseHistory } from '../purchaseHistory.js';
import type { ContinuousTransactionModelFit } from '../transactionModels.js';
import type { Interval, IntervalOptions } from './intervalOptions.js';
import { aliveKernel, type ContinuousModel, ifAliveKernel, intervalModel, paramsOf, parameterNames, scaleByCovariates } from './modelKernels.js';
import { drawParameters, intervalOf, type ParameterDraws } from './parameterDraws.js';
import { AliveRun } from './aliveRun.js';

/** The value of one customer with intervals. @category CLV */
export interface CustomerValueInterval {
  readonly customerId: string;
  readonly clv: Interval;
  readonly expectedPurchases: Interval;
  readonly expectedSpend: Interval;
  readonly probabilityAlive: Interval;
}

/** What {@link customerLifetimeValue} returns with `intervals`. @category CLV */
export interface CustomerValueIntervals {
  /** One entry per history, in input order. */
  readonly customers: CustomerValueInterval[];
  /** Sums over all customers: their intervals come from the same draws (not from adding bounds). */
  readonly totals: { readonly clv: Interval; readonly expectedPurchases: Interval };
}

/** The checked CLV options that the engine needs. @internal */
export interface ValueSettings {
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
  /** The month length in the fit's time unit. */
  readonly month: number;
}

type ContinuousFit = ContinuousTransactionModelFit;

/** Per parameter set: [Σₘ discounted monthly increments, total] of E[Y | alive]. */
function horizonSeries(model: ContinuousModel, params: ReturnType<typeof paramsOf>, x: number, T: number, s: ValueSettings, discounts: Float64Array): [number, number] {
  let discounted = 0;
  let previous = 0;
  for (let m = 0; m < s.horizonMonths; m++) {
    const cumulative = ifAliveKernel(model, params, x, T, (m + 1) * s.month);
    discounted += (cumulative - previous) * (discounts[m] as number);
    previous = cumulative;
  }
  return [discounted, previous];
}

/**
 * Values every history under `fit` (each with its own parameters when the fit has covariates);
 * with `intervals`, also under `draws` parameter sets drawn from the fit's covariance (and the spend
 * parameters from their standard errors on the log scale), customers sorted so that those sharing
 * (x, T, covariates) share each draw's horizon series and those sharing (x, tₓ, T, covariates) share
 * each draw's P(alive). Memory O(draws), time O(distinct histories × draws × kernel cost).
 * @internal
 */
export function valueCustomers(
  fit: ContinuousFit,
  spend: GammaGammaFit,
  histories: readonly PurchaseHistory[],
  settings: ValueSettings,
  intervals: IntervalOptions | undefined,
  where: string,
): { point: { clv: number; expectedPurchases: number; expectedSpend: number; probabilityAlive: number }[]; intervals?: CustomerValueIntervals } {
  const model = intervalModel(fit, where);
  const names = parameterNames(model);
  const fitParams = fit.params as unknown as Record<string, number>;
  const covariates = 'covariates' in fit ? fit.covariates : undefined;
  const n = histories.length;
  const discounts = Float64Array.from({ length: settings.horizonMonths }, (_, m) => 1 / (1 + settings.monthlyDiscountRate) ** (m + 1));
  // Linear predictors per customer (0 without covariates), with paths for missing covariates.
  const etaP = new Float64Array(n);
  const etaD = new Float64Array(n);
  const issues: RelmarkIssue[] = [];
  if (covariates !== undefined) {
    histories.forEach((h, i) => {
      try {
        const [p, d] = linearPredictors(covariates, h, where, 'histories');
        etaP[i] = p;
        etaD[i] = d;
      } catch (error) {
        if (!(error instanceof RelmarkError)) throw error;
        for (const issue of error.issues) if (issues.length < 1000) issues.push({ ...issue, path: ['histories', i, ...issue.path.slice(1)] });
      }
    });
    if (issues.length > 0) throw new RelmarkError('invalid_input', `${where}: invalid covariates`, { issues });
  }
  // Customers share draws' series only when their covariate VECTORS agree (equal η at the estimate is not enough).
  const covariateKeys = histories.map((h) =>
    covariates === undefined ? '' : [...covariates.purchase.names, '|', ...covariates.dropout.names].map((name) => (name === '|' ? '|' : String(h.covariates?.[name]))).join(','),
  );
  const base = paramsOf(model, fitParams[names[0] as string] as number, fitParams[names[1] as string] as number, fitParams[names[2] as string] as number, fitParams[names[3] as string] as number);
  const individual = (p: ReturnType<typeof paramsOf>, i: number) => (covariates === undefined ? p : scaleByCovariates(model, p, etaP[i] as number, etaD[i] as number, where));
  const point = histories.map((h, i) => {
    const p = individual(base, i);
    const alive = aliveKernel(model, p, h.x, h.tx, h.T);
    const [discounted, total] = horizonSeries(model, p, h.x, h.T, settings, discounts);
    const spendValue = gammaGammaExpectedSpendUnchecked(spend.params, h.x, h.x === 0 ? 0 : (h.monetaryMean ?? 0));
    return { clv: settings.margin * spendValue * (alive * discounted), expectedPurchases: alive * total, expectedSpend: spendValue, probabilityAlive: alive };
  });
  checkFinite(point.map((v) => [v.clv, v.expectedPurchases, v.expectedSpend]), where);
  if (intervals === undefined) return { point };

  const { draws, level, seed } = intervals;
  const drawn = drawParameters(fit, names, draws, seed, where, 'transactionFit');
  // The spend parameters: an independent stream derived from the seed.
  const spendDrawn = drawParameters(spend, ['p', 'q', 'v'], draws, (seed ^ 0x5bd1e995) | 0, where, 'spendFit');
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => {
    const a = histories[i] as PurchaseHistory;
    const b = histories[j] as PurchaseHistory;
    const ka = covariateKeys[i] as string;
    const kb = covariateKeys[j] as string;
    return a.x - b.x || a.T - b.T || (ka < kb ? -1 : ka > kb ? 1 : 0) || a.tx - b.tx || i - j;
  });
  const seriesDiscounted = new Float64Array(draws);
  const seriesTotal = new Float64Array(draws);
  const aliveDraws = new Float64Array(draws);
  const clvDraws = new Float64Array(draws);
  const purchaseDraws = new Float64Array(draws);
  const spendDraws = new Float64Array(draws);
  const aliveWork = new Float64Array(draws);
  const totalClv = new Float64Array(draws);
  const totalPurchases = new Float64Array(draws);
  const lastClv = new Float64Array(draws);
  const lastPurchases = new Float64Array(draws);
  const result: CustomerValueInterval[] = new Array(n);
  // Parameter objects per draw, built once: the loops below call kernels ~customers × draws times.
  const baseDraws = Array.from({ length: draws }, (_, d) => drawnParams(model, drawn, d, [0, 0], where));
  const spendDraws0 = Array.from({ length: draws }, (_, d) => ({ p: spendDrawn.values[d * 3] as number, q: spendDrawn.values[d * 3 + 1] as number, v: spendDrawn.values[d * 3 + 2] as number }));
  const xp = new Float64Array(drawn.purchaseCount);
  const xd = new Float64Array(drawn.dropoutCount);
  const paramsFor = (d: number) => {
    if (covariates === undefined) return baseDraws[d] as ReturnType<typeof paramsOf>;
    const row = d * drawn.width;
    let purchase = 0;
    for (let j = 0; j < xp.length; j++) purchase += (drawn.values[row + 4 + j] as number) * (xp[j] as number);
    let dropout = 0;
    for (let j = 0; j < xd.length; j++) dropout += (drawn.values[row + 4 + xp.length + j] as number) * (xd[j] as number);
    return scaleByCovariates(model, baseDraws[d] as ReturnType<typeof paramsOf>, purchase, dropout, where);
  };
  const run = new AliveRun(model, draws);
  let previous = -1;
  let previousZbar = Number.NaN;
  for (const i of order) {
    const h = histories[i] as PurchaseHistory;
    if (covariates !== undefined) {
      covariates.purchase.names.forEach((name, j) => (xp[j] = h.covariates?.[name] as number));
      covariates.dropout.names.forEach((name, j) => (xd[j] = h.covariates?.[name] as number));
    }
    const last = previous >= 0 ? (histories[previous] as PurchaseHistory) : undefined;
    const sameSeries = last !== undefined && sameKey(last, h, covariateKeys, previous, i);
    const sameAlive = sameSeries && h.tx === last.tx;
    if (!sameSeries) {
      run.start(paramsFor, h.x, h.T);
      for (let d = 0; d < draws; d++) {
        const [discounted, total] = horizonSeries(model, run.params(d), h.x, h.T, settings, discounts);
        seriesDiscounted[d] = discounted;
        seriesTotal[d] = total;
      }
    }
    if (!sameAlive) run.fill(h.tx, aliveDraws);
    const zbar = h.x === 0 ? 0 : (h.monetaryMean ?? 0);
    if (sameAlive && zbar === previousZbar) {
      // The same draws as the customer before: the same bounds, and the same terms of the totals.
      const before = result[previous] as CustomerValueInterval;
      const v = point[i] as (typeof point)[number];
      result[i] = {
        customerId: h.customerId,
        clv: { ...before.clv, value: v.clv },
        expectedPurchases: { ...before.expectedPurchases, value: v.expectedPurchases },
        expectedSpend: { ...before.expectedSpend, value: v.expectedSpend },
        probabilityAlive: { ...before.probabilityAlive, value: v.probabilityAlive },
      };
      for (let d = 0; d < draws; d++) {
        totalClv[d] = (totalClv[d] as number) + (lastClv[d] as number);
        totalPurchases[d] = (totalPurchases[d] as number) + (lastPurchases[d] as number);
      }
      previous = i;
      continue;
    }
    previous = i;
    previousZbar = zbar;
    for (let d = 0; d < draws; d++) {
      const spendValue = gammaGammaExpectedSpendUnchecked(spendDraws0[d] as { p: number; q: number; v: number }, h.x, zbar);
      const alive = aliveDraws[d] as number;
      const clv = settings.margin * spendValue * (alive * (seriesDiscounted[d] as number));
      const purchases = alive * (seriesTotal[d] as number);
      spendDraws[d] = spendValue;
      clvDraws[d] = clv;
      purchaseDraws[d] = purchases;
      lastClv[d] = clv;
      lastPurchases[d] = purchases;
      totalClv[d] = (totalClv[d] as number) + clv;
      totalPurchases[d] = (totalPurchases[d] as number) + purchases;
    }
    const v = point[i] as (typeof point)[number];
    aliveWork.set(aliveDraws);
    result[i] = {
      customerId: h.customerId,
      clv: intervalOf(v.clv, clvDraws, draws, level),
      expectedPurchases: intervalOf(v.expectedPurchases, purchaseDraws, draws, level),
      expectedSpend: intervalOf(v.expectedSpend, spendDraws, draws, level),
      probabilityAlive: intervalOf(v.probabilityAlive, aliveWork, draws, level),
    };
  }
  checkFinite([Array.from(totalClv), Array.from(totalPurchases)], where);
  let sumClv = 0;
  let sumPurchases = 0;
  for (const v of point) {
    sumClv += v.clv;
    sumPurchases += v.expectedPurchases;
  }
  return {
    point,
    intervals: {
      customers: result,
      totals: { clv: intervalOf(sumClv, totalClv, draws, level), expectedPurchases: intervalOf(sumPurchases, totalPurchases, draws, level) },
    },
  };
}

/** Whether two histories share x, T and covariates (so one horizon series per draw). */
function sameKey(a: PurchaseHistory, b: PurchaseHistory, keys: readonly string[], i: number, j: number): boolean {
  return a.x === b.x && a.T === b.T && keys[i] === keys[j];
}

/** The individual parameters of draw d. */
function drawnParams(model: ContinuousModel, drawn: ParameterDraws, d: number, eta: [number, number], where: string): ReturnType<typeof paramsOf> {
  const row = d * drawn.width;
  const p = paramsOf(model, drawn.values[row] as number, drawn.values[row + 1] as number, drawn.values[row + 2] as number, drawn.values[row + 3] as number);
  if (eta[0] === 0 && eta[1] === 0) return p;
  return scaleByCovariates(model, p, eta[0], eta[1], where);
}

/** Never NaN or ±∞: a series that could not be summed is `not_converged`. */
function checkFinite(rows: readonly (readonly number[])[], where: string): void {
  const bad = rows.findIndex((values) => !values.every(Number.isFinite));
  if (bad >= 0) {
    throw new RelmarkError('not_converged', `${where}: some values could not be computed`, {
      issues: [{ code: 'series_did_not_converge', path: ['histories', bad], message: `A value of row ${bad} is not finite (a series did not converge or a drawn spend model has no finite mean)` }],
      details: { reason: 'series_did_not_converge' },
    });
  }
}
