import * as z from 'zod';
import { fromZodError, issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { msPerUnit } from '../internal/time.js';
import { parseBatch, requireAllValid } from '../models/parse.js';
import type { TimeUnit } from '../models/primitives.js';
import { type GammaGammaFit, GammaGammaFitSchema } from './gammaGamma/gammaGammaFit.js';
import { gammaGammaExpectedSpendUnchecked } from './gammaGamma/gammaGammaExpectedSpend.js';
import type { HistoryColumns } from './historyColumns.js';
import { type PurchaseHistoryInput, PurchaseHistorySchema } from './purchaseHistory.js';
import type { ValueKernels } from './model/transactionModel.js';
import { type ContinuousTransactionModelFit, type TransactionModelFit, TransactionModelFitSchema, transactionModelList, transactionModelOf, unsupportedModel } from './transactionModels.js';
import { type IntervalOptions, parseIntervalOptions } from './intervals/intervalOptions.js';
import { type CustomerValueIntervals, valueCustomers } from './intervals/valueCustomers.js';

/** Options of {@link customerLifetimeValue}. @category CLV */
export interface CustomerLifetimeValueOptions {
  /** How many months ahead to value (an integer ≥ 0). */
  readonly horizonMonths: number;
  /** The discount rate per month (≥ 0): month m's value is divided by (1 + rate)^m. */
  readonly monthlyDiscountRate: number;
  /** The share of spend that is profit (≥ 0). @defaultValue 1 */
  readonly margin?: number;
  /**
   * The length of a month in weeks, only for fits in weeks. lifetimes uses 4.345; relmark's month is
   * 30.4375 days = 4.348214… weeks. For fits in other units months convert exactly (30.4375 days,
   * 1/12 year), and giving this option is an error.
   * @defaultValue 30.4375 / 7
   */
  readonly weeksPerMonth?: number;
  /**
   * How value is discounted:
   * - `'monthly'`: Σ over the `horizonMonths` months of the month's expected purchases / (1 + d)^m
   *   (lifetimes' convention);
   * - `'continuous'`: CLVTools' convention: margin × E[spend] × DERT(δ), the discounted expected residual
   *   transactions over the customer's whole remaining lifetime at the continuously compounded rate
   *   δ = ln(1 + d) per month (converted to the fit's unit), for the models with a published DERT
   *   (Pareto/NBD, {@link paretoNbdDert}). `horizonMonths` then only bounds `expectedPurchases`.
   * @defaultValue 'monthly'
   */
  readonly discounting?: 'monthly' | 'continuous';
  /**
   * Prediction intervals (a seeded parametric bootstrap, see {@link IntervalOptions}): the call then
   * returns {@link CustomerValueIntervals}, every number as `{ value, lower, upper }`, with totals.
   */
  readonly intervals?: IntervalOptions;
}

/** The value of one customer, with its parts. @category CLV */
export interface CustomerValue {
  readonly customerId: string;
  /** Discounted value over the horizon: Σₘ ΔE[purchases in month m] × E[spend] × margin / (1 + d)^m. */
  readonly clv: number;
  /** Expected purchases over the whole horizon (undiscounted). */
  readonly expectedPurchases: number;
  /** Expected value of one purchase (Gamma-Gamma, conditional on the customer's history). */
  readonly expectedSpend: number;
  /** Probability that the customer is still active now. */
  readonly probabilityAlive: number;
}

const OptionsSchema = z
  .object({
    horizonMonths: z.number().int().nonnegative().max(1200),
    monthlyDiscountRate: z.number().nonnegative(),
    margin: z.number().nonnegative().default(1),
    weeksPerMonth: z.number().positive().optional(),
    discounting: z.enum(['monthly', 'continuous']).default('monthly'),
  })
  .strict();

/** Columns for {@link customerLifetimeValueUnchecked}: histories plus each customer's mean repeat spend. @category CLV */
export interface ValueColumns extends HistoryColumns {
  readonly monetaryMean: Float64Array;
}

/** The parts of {@link customerLifetimeValueUnchecked}'s result, one entry per row. @category CLV */
export interface ValueColumnsResult {
  readonly clv: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly expectedSpend: Float64Array;
  readonly probabilityAlive: Float64Array;
}

/** The length of a month in the fit's time unit. @internal */
export function periodsPerMonth(timeUnit: TimeUnit, weeksPerMonth: number | undefined): number {
  if (weeksPerMonth !== undefined) return weeksPerMonth;
  return msPerUnit.month / msPerUnit[timeUnit];
}

/** Validates the fits and options of {@link customerLifetimeValue}. @internal */
export function parseOptions(transactionFit: unknown, spendFit: unknown, options: CustomerLifetimeValueOptions, where: string) {
  const fit = TransactionModelFitSchema.safeParse(transactionFit);
  if (!fit.success) {
    throw new RelmarkError('invalid_parameters', `${where}: invalid transaction model fit`, { issues: issuesFromZod(fit.error, ['transactionFit']), cause: fit.error });
  }
  const spend = GammaGammaFitSchema.safeParse(spendFit);
  if (!spend.success) {
    throw new RelmarkError('invalid_parameters', `${where}: invalid spend model fit`, { issues: issuesFromZod(spend.error, ['spendFit']), cause: spend.error });
  }
  if (transactionModelOf(fit.data, where).clock === 'discrete') {
    // BG/BB's clock counts transaction opportunities, which have no length in months.
    throw new RelmarkError('invalid_parameters', `${where}: ${transactionModelOf(fit.data, where).label} fits have no time unit`, {
      issues: [{ code: 'discrete_model', path: ['transactionFit', 'model'], message: `A '${fit.data.model}' fit counts opportunities, not calendar time; value its customers with bgBbDert (discounted expected residual transactions) times expected spend` }],
    });
  }
  const continuous = fit.data as ContinuousTransactionModelFit;
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  if (parsed.data.weeksPerMonth !== undefined && continuous.timeUnit !== 'week') {
    // The unit comes from the fit: a month length in weeks on a fit in days is the 4×/7× trap.
    throw new RelmarkError('invalid_options', `${where}: weeksPerMonth given for a fit in ${continuous.timeUnit}s`, {
      issues: [{ code: 'unit_mismatch', path: ['weeksPerMonth'], message: `The transaction fit is in ${continuous.timeUnit}s; weeksPerMonth applies only to fits in weeks` }],
    });
  }
  return { fit: continuous, spend: spend.data, options: parsed.data };
}

/**
 * The discounted customer lifetime value of each customer: expected purchases month by month from
 * the transaction model, times expected spend from the Gamma-Gamma model, times margin, discounted.
 *
 * @remarks
 * CLV = margin × E[Z | x, z̄] × Σ_{m=1..H} (E[Y(m·u)] − E[Y((m−1)·u)]) / (1 + d)^m, where E[Y(t)] is
 * the conditional expected number of purchases in the next t time units under the fit's model
 * (BG/NBD, Pareto/NBD or MBG/NBD, chosen by `transactionFit.model`), u the length of a month in
 * the fit's `timeUnit` and d the monthly discount rate (the discounted-cash-flow form used by
 * lifetimes' `customer_lifetime_value`, Fader, Hardie & Lee 2005 "RFM and CLV", §4).
 * With `discounting: 'continuous'` (CLVTools' convention) CLV = margin × E[Z | x, z̄] × DERT(δ) with
 * δ = ln(1 + d)/u per time unit, the model's discounted expected residual transactions over the whole
 * remaining lifetime (Pareto/NBD: {@link paretoNbdDert}); `horizonMonths` then bounds only `expectedPurchases`.
 * Units are never the caller's guess: u comes from `transactionFit.timeUnit` (30.4375 days, or
 * `weeksPerMonth` for fits in weeks; lifetimes' 4.345 reproduces its numbers). So the lifetimes
 * quickstart mistake (daily `freq` on weekly data, CLV about 4× too high) cannot be written here, and
 * `weeksPerMonth` on a fit in another unit is rejected.
 * Edge cases: horizonMonths = 0 → 0; x = 0 → population mean spend; `[]` → `[]`; huge x (10⁶
 * repeat purchases) → finite values (the BG/NBD and MBG/NBD expectations switch to Euler's transformation). Output order: input
 * order. O(n + k·H) where k is the number of distinct (x, T) pairs (shared work), each costing a
 * hypergeometric series for BG/NBD and MBG/NBD and O(1) for Pareto/NBD (plus one series per customer
 * for its P(alive)).
 * A transaction fit with `covariates` values every customer with its own parameters (from
 * `histories[i].covariates`). With `options.intervals` the call returns
 * {@link CustomerValueIntervals}: every number as `{ value, lower, upper }` and the totals of CLV
 * and expected purchases, from a seeded parametric bootstrap (see {@link IntervalOptions}): the
 * transaction model's estimates are drawn from their covariance, the spend model's p, q, v
 * independently from their standard errors on the log scale (a stream derived from the seed);
 * totals are quantiles of the per-draw totals. Cost: about (distinct (x, T) × H + distinct (x, tₓ, T))
 * × draws kernel evaluations.
 *
 * @param transactionFit - A fitted transaction model ({@link fitBgNbd}, {@link fitParetoNbd} or {@link fitMbgNbd}).
 * @param spendFit - A fitted Gamma-Gamma model ({@link fitGammaGamma}), in the money unit wanted.
 * @param histories - Histories with customerId, x, tx, T (in the fit's unit) and monetaryMean.
 * @param options - Horizon, discount rate, margin, (for weekly fits) weeks per month, and intervals.
 * @returns One {@link CustomerValue} per history, in input order; with `intervals`,
 *   {@link CustomerValueIntervals}.
 * @throws {@link RelmarkError} `invalid_parameters` for an invalid fit, a BG/BB fit (issue code
 *   `discrete_model`: its opportunities have no length in months; use {@link bgBbDert}), or a spend model
 *   without a finite mean for a customer (p·x + q ≤ 1); `invalid_options` for invalid options or `weeksPerMonth` on a
 *   fit not in weeks, and for `discounting: 'continuous'` on a model without DERT (issue code `unsupported_model`)
 *   or with a zero rate, and with `intervals` or a fit with covariates (issue code `unsupported_option`);
 *   `invalid_input` / `duplicate_id` for invalid histories (every issue with its path);
 *   `invalid_input` with issue code `not_representable` (path `['histories', i]`) when a customer's value
 *   exceeds the range of doubles (spends near 1e300 times many purchases): value it in a larger money unit;
 *   `not_converged` (issue code `series_did_not_converge`) when an expectation series cannot be summed
 *   (with intervals also when a drawn parameter set leaves the model's domain); `invalid_input` with a
 *   path `['histories', i, 'covariates', name]` for a missing covariate.
 * @example
 * ```ts
 * import { customerLifetimeValue } from 'relmark/clv';
 * const diagnostics = { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' } as const;
 * const bgNbd = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 }, diagnostics,
 * } as const;
 * const gammaGamma = {
 *   model: 'gamma-gamma', params: { p: 6.248802, q: 3.744588, v: 15.44775 }, logLikelihood: -4055.92, customers: 946,
 *   standardErrors: { p: 1.19, q: 0.29, v: 4.16 }, excluded: [], diagnostics,
 * } as const;
 * const [value] = customerLifetimeValue(bgNbd, gammaGamma, [{ customerId: 1, x: 2, tx: 30.43, T: 38.86, monetaryMean: 22.35 }], {
 *   horizonMonths: 12, monthlyDiscountRate: 0.01, weeksPerMonth: 4.345,
 * });
 * value?.clv;
 * //=> 36.28
 * const { totals } = customerLifetimeValue(bgNbd, gammaGamma, [{ customerId: 1, x: 2, tx: 30.43, T: 38.86, monetaryMean: 22.35 }], {
 *   horizonMonths: 12, monthlyDiscountRate: 0.01, weeksPerMonth: 4.345, intervals: { level: 0.9, draws: 1000, seed: 1 },
 * });
 * [totals.clv.value, totals.clv.lower < 36.28 && 36.28 < totals.clv.upper];
 * //=> [36.28, true]
 * ```
 * @category CLV
 * @see {@link customerLifetimeValueUnchecked} for columns.
 */
export function customerLifetimeValue(
  transactionFit: TransactionModelFit,
  spendFit: GammaGammaFit,
  histories: readonly PurchaseHistoryInput[],
  options: CustomerLifetimeValueOptions & { readonly intervals: IntervalOptions },
): CustomerValueIntervals;
export function customerLifetimeValue(
  transactionFit: TransactionModelFit,
  spendFit: GammaGammaFit,
  histories: readonly PurchaseHistoryInput[],
  options: CustomerLifetimeValueOptions,
): CustomerValue[];
export function customerLifetimeValue(
  transactionFit: TransactionModelFit,
  spendFit: GammaGammaFit,
  histories: readonly PurchaseHistoryInput[],
  options: CustomerLifetimeValueOptions,
): CustomerValue[] | CustomerValueIntervals {
  const { intervals, ...plainOptions } = options ?? ({} as CustomerLifetimeValueOptions);
  const checked = parseOptions(transactionFit, spendFit, plainOptions, 'customerLifetimeValue');
  const valid = requireAllValid(
    parseBatch(PurchaseHistorySchema, histories as readonly unknown[], { pathName: 'histories', uniqueKey: (h) => h.customerId }),
    'customerLifetimeValue',
  );
  if (intervals !== undefined || ('covariates' in checked.fit && checked.fit.covariates !== undefined)) {
    // Per-customer parameters (covariates) or draws (intervals): the per-customer path, which sums
    // monthly increments only (no DERT over per-customer or drawn parameters).
    if (checked.options.discounting === 'continuous') {
      throw new RelmarkError('invalid_options', 'customerLifetimeValue: continuous discounting is not available with intervals or covariates', {
        issues: [{ code: 'unsupported_option', path: ['discounting'], message: "Intervals and fits with covariates value customers month by month; use discounting 'monthly'" }],
      });
    }
    const settings = { ...checked.options, month: periodsPerMonth(checked.fit.timeUnit, checked.options.weeksPerMonth) };
    checkSpendMean(checked.spend, valid);
    const parsedIntervals = intervals === undefined ? undefined : parseIntervalOptions(intervals, 'customerLifetimeValue');
    const result = valueCustomers(checked.fit, checked.spend, valid, settings, parsedIntervals, 'customerLifetimeValue');
    if (result.intervals !== undefined) return result.intervals;
    return valid.map((h, i) => ({ customerId: h.customerId, ...(result.point[i] as (typeof result.point)[number]) }));
  }
  const columns: ValueColumns = {
    x: Float64Array.from(valid, (h) => h.x),
    tx: Float64Array.from(valid, (h) => h.tx),
    T: Float64Array.from(valid, (h) => h.T),
    monetaryMean: Float64Array.from(valid, (h) => (h.x === 0 ? 0 : (h.monetaryMean ?? 0))),
  };
  const result = valueColumns(transactionFit, spendFit, columns, plainOptions, 'histories');
  return valid.map((h, i) => ({
    customerId: h.customerId,
    clv: result.clv[i] as number,
    expectedPurchases: result.expectedPurchases[i] as number,
    expectedSpend: result.expectedSpend[i] as number,
    probabilityAlive: result.probabilityAlive[i] as number,
  }));
}

/**
 * {@link customerLifetimeValue} on columns, for millions of customers: no per-row validation (the
 * fits and options are still checked, which costs nothing).
 *
 * @remarks Preconditions: valid histories (see {@link HistoryColumns}); monetaryMean finite ≥ 0
 * (ignored when x = 0). Rows sharing (x, T) share the monthly expectation series. Output order: row order.
 * @param transactionFit - A fitted transaction model.
 * @param spendFit - A fitted Gamma-Gamma model.
 * @param columns - x, tx, T and monetaryMean (weights are ignored).
 * @param options - As {@link customerLifetimeValue}.
 * @returns Columns clv, expectedPurchases, expectedSpend, probabilityAlive.
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_options` as {@link customerLifetimeValue};
 *   `invalid_input` (issue code `not_representable`, path `['columns', i]`) if a value exceeds the range of
 *   doubles; `not_converged` (issue code `series_did_not_converge`) if an expectation series cannot be summed.
 * @example
 * ```ts
 * import { customerLifetimeValueUnchecked, simulateBgNbd } from 'relmark/clv';
 * const diagnostics = { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' } as const;
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const bgNbd = { model: 'bg-nbd', params, timeUnit: 'week', logLikelihood: 0, customers: 1, standardErrors: params, diagnostics } as const;
 * const spend = { p: 6.25, q: 3.74, v: 15.44 };
 * const gammaGamma = { model: 'gamma-gamma', params: spend, logLikelihood: 0, customers: 1, standardErrors: spend, excluded: [], diagnostics } as const;
 * const sim = simulateBgNbd({ params, customers: 1000, T: 39, seed: 1 });
 * const { clv } = customerLifetimeValueUnchecked(bgNbd, gammaGamma, { ...sim, monetaryMean: new Float64Array(1000).fill(20) }, {
 *   horizonMonths: 12, monthlyDiscountRate: 0.01,
 * });
 * clv.length;
 * //=> 1000
 * ```
 * @category CLV
 */
export function customerLifetimeValueUnchecked(
  transactionFit: TransactionModelFit,
  spendFit: GammaGammaFit,
  columns: ValueColumns,
  options: CustomerLifetimeValueOptions,
): ValueColumnsResult {
  return valueColumns(transactionFit, spendFit, columns, options, 'columns');
}

/** {@link customerLifetimeValueUnchecked}, naming rows `[rowPath, i]` in its errors. */
function valueColumns(
  transactionFit: TransactionModelFit,
  spendFit: GammaGammaFit,
  columns: ValueColumns,
  options: CustomerLifetimeValueOptions,
  rowPath: string,
): ValueColumnsResult {
  const { fit, spend, options: o } = parseOptions(transactionFit, spendFit, options, 'customerLifetimeValue');
  if ('covariates' in fit && fit.covariates !== undefined) {
    throw new RelmarkError('invalid_input', 'customerLifetimeValue: a fit with covariates needs histories with covariates', {
      issues: [{ code: 'missing_covariates', path: [rowPath], message: 'Columns carry no covariates; call customerLifetimeValue with histories as objects' }],
    });
  }
  const { ifAlive, alive } = modelKernels(fit);
  const n = columns.x.length;
  checkSpendMean(spend, { length: n, xAt: (i) => columns.x[i] as number });
  const month = periodsPerMonth(fit.timeUnit, o.weeksPerMonth);
  const discounts = Array.from({ length: o.horizonMonths }, (_, m) => 1 / (1 + o.monthlyDiscountRate) ** (m + 1));
  // Per (x, T): [discounted sum of monthly increments, total over the horizon] of E[Y | alive].
  const shared = new Map<number, Map<number, readonly [number, number]>>();
  const seriesFor = (x: number, T: number): readonly [number, number] => {
    let byT = shared.get(x);
    if (!byT) shared.set(x, (byT = new Map()));
    let series = byT.get(T);
    if (!series) {
      let discounted = 0;
      let previous = 0;
      for (let m = 0; m < o.horizonMonths; m++) {
        const cumulative = ifAlive(x, T, (m + 1) * month);
        discounted += (cumulative - previous) * (discounts[m] as number);
        previous = cumulative;
      }
      series = [discounted, previous];
      byT.set(T, series);
    }
    return series;
  };
  const dert = continuousDert(fit, o, month);
  const clv = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedSpend = new Float64Array(n);
  const probabilityAlive = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = columns.x[i] as number;
    const T = columns.T[i] as number;
    const aliveNow = alive(x, columns.tx[i] as number, T);
    const [discounted, total] = seriesFor(x, T);
    const spendValue = gammaGammaExpectedSpendUnchecked(spend.params, x, x === 0 ? 0 : (columns.monetaryMean[i] as number));
    probabilityAlive[i] = aliveNow;
    expectedSpend[i] = spendValue;
    expectedPurchases[i] = aliveNow * total;
    clv[i] = o.margin * spendValue * (dert === undefined ? aliveNow * discounted : dert({ x, tx: columns.tx[i] as number, T }));
  }
  // Never NaN or ±∞: a series that could not be summed is not_converged, an overflow invalid_input.
  const unsummed: RelmarkIssue[] = [];
  const overflow: RelmarkIssue[] = [];
  for (let i = 0; i < n && unsummed.length + overflow.length < 1000; i++) {
    const values = [clv[i] as number, expectedPurchases[i] as number, expectedSpend[i] as number];
    if (values.some(Number.isNaN)) {
      unsummed.push({ code: 'series_did_not_converge', path: [rowPath, i], message: `The expectation series of row ${i} (x = ${columns.x[i]}, T = ${columns.T[i]}) did not converge within its term budget` });
    } else if (!values.every(Number.isFinite)) {
      overflow.push({
        code: 'not_representable',
        path: [rowPath, i],
        message: `The value of row ${i} (x = ${columns.x[i]}, monetaryMean = ${columns.monetaryMean[i]}) exceeds the range of doubles; value it in a larger money unit`,
      });
    }
  }
  if (unsummed.length > 0) {
    throw new RelmarkError('not_converged', 'customerLifetimeValue: some expectations could not be computed', { issues: unsummed, details: { reason: 'series_did_not_converge' } });
  }
  if (overflow.length > 0) throw new RelmarkError('invalid_input', 'customerLifetimeValue: some values cannot be represented as finite numbers', { issues: overflow });
  return { clv, expectedPurchases, expectedSpend, probabilityAlive };
}

/** Throws `invalid_parameters` when the spend model has no finite mean for the smallest x. */
function checkSpendMean(spend: GammaGammaFit, rows: readonly { readonly x: number }[] | { readonly length: number; xAt(i: number): number }): void {
  const { p, q } = spend.params;
  const n = rows.length;
  let minX = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) minX = Math.min(minX, Array.isArray(rows) ? (rows[i] as { x: number }).x : (rows as { xAt(i: number): number }).xAt(i));
  if (n > 0 && !(p * minX + q > 1)) {
    throw new RelmarkError('invalid_parameters', 'customerLifetimeValue: the spend model has no finite mean for some customers', {
      issues: [{ code: 'no_finite_mean', path: ['spendFit', 'params', 'q'], message: `p·x + q must exceed 1; with x = ${minX} it is ${p * minX + q}` }],
    });
  }
}

/**
 * With `discounting: 'continuous'`, each customer's DERT at δ = ln(1 + d) per month in the fit's unit
 * (CLVTools' conversion of a discrete rate); otherwise undefined.
 */
function continuousDert(fit: ContinuousTransactionModelFit, o: { readonly discounting: 'monthly' | 'continuous'; readonly monthlyDiscountRate: number }, month: number) {
  if (o.discounting !== 'continuous') return undefined;
  const model = transactionModelOf(fit, 'customerLifetimeValue');
  const { dert } = model;
  if (dert === undefined) {
    const supported = transactionModelList.filter((m) => m.dert !== undefined).map((m) => `'${m.tag}'`);
    throw new RelmarkError('invalid_options', `customerLifetimeValue: no DERT for ${model.label}`, {
      issues: [{ code: 'unsupported_model', path: ['discounting'], message: `Continuous discounting needs a published DERT expression, available for ${supported.join(', ')}; use discounting 'monthly' for '${model.tag}'` }],
    });
  }
  if (!(o.monthlyDiscountRate > 0)) {
    throw new RelmarkError('invalid_options', 'customerLifetimeValue: continuous discounting needs a positive rate', {
      issues: [{ code: 'too_small', path: ['monthlyDiscountRate'], message: 'With discounting continuous the value covers the whole remaining lifetime, which is finite only at a discount rate > 0' }],
    });
  }
  const rate = Math.log1p(o.monthlyDiscountRate) / month;
  return (history: { x: number; tx: number; T: number }) => dert(fit.params, history, rate);
}

/**
 * A transaction model's two kernels as used by CLV (see {@link ValueKernels}): E[Y(t) | alive at T, x, T]
 * (which does not depend on tₓ, so customers sharing (x, T) share it) and P(alive | x, tₓ, T).
 */
function modelKernels(fit: ContinuousTransactionModelFit): ValueKernels {
  const model = transactionModelOf(fit, 'customerLifetimeValue');
  if (model.valueKernels === undefined) return unsupportedModel(model, 'customerLifetimeValue', 'valueKernels');
  return model.valueKernels(fit.params);
}
