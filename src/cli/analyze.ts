import { customerLifetimeValueUnchecked, type CustomerValue, type ValueColumnsResult } from '../clv/customerLifetimeValue.js';
import { fitGammaGammaUnchecked } from '../clv/gammaGamma/fitGammaGamma.js';
import { calibrationFrequencyCheck } from '../clv/diagnostics/calibrationFrequencyCheck.js';
import type { GammaGammaExclusion, GammaGammaFit } from '../clv/gammaGamma/gammaGammaFit.js';
import type { HistoryColumns } from '../clv/historyColumns.js';
import { type ContinuousModelTag, type ContinuousTransactionModelFit, continuousTransactionModels, transactionModelOf } from '../clv/transactionModels.js';
import type { TimeUnit } from '../models/primitives.js';
import type { RepeatPurchaseCount } from '../report/index.js';
import type { CustomerColumns, RfmColumnsAnalysis } from './customerColumns.js';

/** RFM scores, segments and the segment table with each segment's suggested action, as columns. */
export type RfmAnalysis = RfmColumnsAnalysis;

/** The transaction models that `--model` chooses from: the continuous-time rows of the table (their fits have a time unit). */
export const transactionModels: readonly TransactionModelName[] = continuousTransactionModels.map((m) => m.tag as TransactionModelName);
export type TransactionModelName = ContinuousModelTag;

/** How each model is named on screen and in the HTML report (its descriptor's label). */
export const modelLabels: Readonly<Record<TransactionModelName, string>> = Object.fromEntries(continuousTransactionModels.map((m) => [m.tag, m.label])) as Record<TransactionModelName, string>;

/** Fits the chosen transaction model on valid columns (each fitter throws `not_converged` as fitBgNbd does). */
export function fitTransactionModel(model: TransactionModelName, histories: HistoryColumns, timeUnit: TimeUnit): ContinuousTransactionModelFit {
  return transactionModelOf({ model }, 'fitTransactionModel').fitUnchecked(histories, { timeUnit }) as ContinuousTransactionModelFit;
}

/** What the value model needs besides the histories. */
export interface ClvSettings {
  readonly model: TransactionModelName;
  readonly timeUnit: TimeUnit;
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
}

/** The fitted models, each customer's value (as columns), and the calibration check. */
export interface ClvAnalysis {
  readonly purchases: ContinuousTransactionModelFit;
  readonly spend: GammaGammaFit;
  readonly values: ValueColumnsResult;
  readonly repeatPurchases: RepeatPurchaseCount[];
  /** Pearson's chi-square of the repeat-purchase check (descriptive). */
  readonly chiSquare: number;
}

/**
 * Fits the transaction model and Gamma-Gamma and values every customer over the horizon, on columns
 * the command built itself (so through the `Unchecked` kernels: nothing is validated twice).
 * `fitOn` are the histories the transaction model is fitted on and checked against (the calibration
 * histories of a holdout run); by default the customers' own. The values are always of `customers`.
 */
export function analyzeClv(customers: CustomerColumns, settings: ClvSettings, fitOn?: HistoryColumns): ClvAnalysis {
  const { x, tx, T, monetaryMean, litt } = customers.totals;
  // MBG/CNBD-k also needs each customer's sum of log inter-purchase times (finish(…, { litt: true })).
  const histories = fitOn ?? (litt ? { x, tx, T, litt } : { x, tx, T });
  const purchases = fitTransactionModel(settings.model, histories, settings.timeUnit);
  // Gamma-Gamma is fitted on repeat buyers with a positive mean spend; the others are listed as fitGammaGamma lists them.
  const keep: number[] = [];
  const excluded: GammaGammaExclusion[] = [];
  for (let j = 0; j < x.length; j++) {
    if (x[j] === 0) excluded.push({ customerId: customers.customerIds[j] as string, reason: 'no_repeat_purchases' });
    else if (!((monetaryMean[j] as number) > 0)) excluded.push({ customerId: customers.customerIds[j] as string, reason: 'non_positive_spend' });
    else keep.push(j);
  }
  const spend = { ...fitGammaGammaUnchecked({ x: Float64Array.from(keep, (j) => x[j] as number), monetaryMean: Float64Array.from(keep, (j) => monetaryMean[j] as number) }), excluded };
  const values = customerLifetimeValueUnchecked(purchases, spend, { x, tx, T, monetaryMean }, {
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    margin: settings.margin,
  });
  // The in-sample check of FHL 2005 (Figure 1): customers by repeat purchases 0…5 and 6+, actual vs model.
  const check = calibrationFrequencyCheck(purchases, histories, { maxFrequency: 6 });
  const repeatPurchases = check.rows.map((row) => ({ label: row.atLeast ? `${row.frequency}+` : String(row.frequency), actual: row.actual, expected: row.expected }));
  return { purchases, spend, values, repeatPurchases, chiSquare: check.chiSquare };
}
/**
 * How much of a customer's value is at risk: the value they would have if surely still active
 * (CLV / P(alive): the conditional expectation of BG/NBD, Pareto/NBD and MBG/NBD is P(alive) times the expectation if alive) times
 * the probability that they have already left, 1 − P(alive). Valuable customers who are slipping come
 * first; customers already gone (P(alive) = 0) have nothing left at risk.
 */
export function valueAtRisk(value: Pick<CustomerValue, 'clv' | 'probabilityAlive'>): number {
  const p = value.probabilityAlive;
  return p > 0 ? (value.clv / p) * (1 - p) : 0;
}
