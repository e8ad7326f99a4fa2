import type { BgNbdFit } from '../clv/bgNbd/bgNbdFit.js';
import { fitBgNbd } from '../clv/bgNbd/fitBgNbd.js';
import type { MbgNbdFit } from '../clv/mbgNbd/mbgNbdFit.js';
import { fitMbgNbd } from '../clv/mbgNbd/fitMbgNbd.js';
import type { ParetoNbdFit } from '../clv/paretoNbd/paretoNbdFit.js';
import { fitParetoNbd } from '../clv/paretoNbd/fitParetoNbd.js';
import { customerLifetimeValue, type CustomerValue } from '../clv/customerLifetimeValue.js';
import { fitGammaGamma } from '../clv/gammaGamma/fitGammaGamma.js';
import { calibrationFrequencyCheck } from '../clv/validation/calibrationFrequencyCheck.js';
import type { GammaGammaFit } from '../clv/gammaGamma/gammaGammaFit.js';
import type { PurchaseHistory } from '../clv/purchaseHistory.js';
import type { TimeUnit } from '../models/primitives.js';
import { defaultRfmSegments } from '../rfm/rfmSegmentPresets.js';
import type { RfmSummary } from '../rfm/rfmSummary.js';
import { scoreRfm } from '../rfm/scoreRfm.js';
import { segmentRfm, type RfmSegmentAssignment } from '../rfm/segmentRfm.js';
import { summarizeSegments, type RfmSegmentSummary } from '../rfm/summarizeSegments.js';
import type { RepeatPurchaseCount } from '../report/index.js';

/** RFM scores, segments and the segment table with each segment's suggested action. */
export interface RfmAnalysis {
  readonly assignments: RfmSegmentAssignment[];
  readonly segments: (RfmSegmentSummary & { readonly action: string })[];
}

/** Scores and segments customers with relmark's default 5-bin segment map. */
export function analyzeRfm(summaries: readonly RfmSummary[]): RfmAnalysis {
  const assignments = segmentRfm(scoreRfm(summaries).scores);
  const actionOf = new Map(defaultRfmSegments.segments.map((s) => [s.name, s.action]));
  const segments = summarizeSegments(assignments, summaries)
    .filter((row) => row.customers > 0)
    .map((row) => ({ ...row, action: actionOf.get(row.segment) ?? '' }));
  return { assignments, segments };
}

/** The transaction models that `--model` chooses from (the continuous-time ones: their fits have a time unit). */
export const transactionModels = ['bg-nbd', 'pareto-nbd', 'mbg-nbd'] as const;
export type TransactionModelName = (typeof transactionModels)[number];

/** How each model is named on screen and in the HTML report. */
export const modelLabels: Record<TransactionModelName, string> = { 'bg-nbd': 'BG/NBD', 'pareto-nbd': 'Pareto/NBD', 'mbg-nbd': 'MBG/NBD' };

/** Fits the chosen transaction model (each fitter throws `not_converged` as fitBgNbd does). */
export function fitTransactionModel(model: TransactionModelName, histories: readonly PurchaseHistory[], timeUnit: TimeUnit): BgNbdFit | ParetoNbdFit | MbgNbdFit {
  switch (model) {
    case 'bg-nbd':
      return fitBgNbd(histories, { timeUnit });
    case 'pareto-nbd':
      return fitParetoNbd(histories, { timeUnit });
    case 'mbg-nbd':
      return fitMbgNbd(histories, { timeUnit });
  }
}

/** What the value model needs besides the histories. */
export interface ClvSettings {
  readonly model: TransactionModelName;
  readonly timeUnit: TimeUnit;
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
}

/** The fitted models, each customer's value, and the calibration check. */
export interface ClvAnalysis {
  readonly purchases: BgNbdFit | ParetoNbdFit | MbgNbdFit;
  readonly spend: GammaGammaFit;
  readonly values: CustomerValue[];
  readonly repeatPurchases: RepeatPurchaseCount[];
  /** Pearson's chi-square of the repeat-purchase check (descriptive). */
  readonly chiSquare: number;
}

/**
 * Fits the transaction model and Gamma-Gamma and values every customer over the horizon.
 * `fitOn` are the histories the transaction model is fitted on and checked against (the calibration
 * histories of a holdout run); by default `histories` themselves. The values are always of `histories`.
 */
export function analyzeClv(histories: readonly PurchaseHistory[], settings: ClvSettings, fitOn: readonly PurchaseHistory[] = histories): ClvAnalysis {
  const purchases = fitTransactionModel(settings.model, fitOn, settings.timeUnit);
  const spend = fitGammaGamma(histories);
  const values = customerLifetimeValue(purchases, spend, histories, {
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    margin: settings.margin,
  });
  // The in-sample check of FHL 2005 (Figure 1): customers by repeat purchases 0…5 and 6+, actual vs model.
  const check = calibrationFrequencyCheck(purchases, fitOn, { maxFrequency: 6 });
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
