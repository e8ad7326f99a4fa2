import { bgNbdProbabilityOfPurchases } from '../clv/bgNbd/bgNbdProbabilityOfPurchases.js';
import type { BgNbdFit } from '../clv/bgNbd/bgNbdFit.js';
import { fitBgNbd } from '../clv/bgNbd/fitBgNbd.js';
import { customerLifetimeValue, type CustomerValue } from '../clv/customerLifetimeValue.js';
import { fitGammaGamma } from '../clv/gammaGamma/fitGammaGamma.js';
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

/** What the value model needs besides the histories. */
export interface ClvSettings {
  readonly timeUnit: TimeUnit;
  readonly horizonMonths: number;
  readonly monthlyDiscountRate: number;
  readonly margin: number;
}

/** The fitted models, each customer's value, and the calibration check. */
export interface ClvAnalysis {
  readonly purchases: BgNbdFit;
  readonly spend: GammaGammaFit;
  readonly values: CustomerValue[];
  readonly repeatPurchases: RepeatPurchaseCount[];
}

/** Fits BG/NBD and Gamma-Gamma and values every customer over the horizon. */
export function analyzeClv(histories: readonly PurchaseHistory[], settings: ClvSettings): ClvAnalysis {
  const purchases = fitBgNbd(histories, { timeUnit: settings.timeUnit });
  const spend = fitGammaGamma(histories);
  const values = customerLifetimeValue(purchases, spend, histories, {
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscountRate,
    margin: settings.margin,
  });
  return { purchases, spend, values, repeatPurchases: repeatPurchaseCheck(purchases, histories, 7) };
}

/**
 * The calibration check of the transaction model: how many customers made 0, 1, …, `buckets − 2`
 * and `buckets − 1` or more repeat purchases, against the number the fitted model expects,
 * Σᵢ P(X(Tᵢ) = k) over customers (Fader, Hardie & Lee 2005, Figure 2; lifetimes'
 * `plot_period_transactions` shows the same comparison by simulation). Customers with the same T
 * share the work. The lead may replace this with the clv area's `calibrationFrequencyCheck`.
 */
export function repeatPurchaseCheck(fit: BgNbdFit, histories: readonly PurchaseHistory[], buckets: number): RepeatPurchaseCount[] {
  const actual = new Array<number>(buckets).fill(0);
  const expected = new Array<number>(buckets).fill(0);
  const customersByT = new Map<number, number>();
  for (const h of histories) {
    actual[Math.min(h.x, buckets - 1)]! += 1;
    customersByT.set(h.T, (customersByT.get(h.T) ?? 0) + 1);
  }
  for (const [T, count] of customersByT) {
    let below = 0;
    for (let k = 0; k < buckets - 1; k++) {
      const p = bgNbdProbabilityOfPurchases(fit.params, k, T);
      expected[k]! += count * p;
      below += p;
    }
    expected[buckets - 1]! += count * Math.max(0, 1 - below);
  }
  return actual.map((n, k) => ({ label: k === buckets - 1 ? `${k}+` : String(k), actual: n, expected: expected[k] ?? 0 }));
}

/**
 * How much of a customer's value is at risk: the value they would have if surely still active
 * (CLV / P(alive): BG/NBD's conditional expectation is P(alive) times the expectation if alive) times
 * the probability that they have already left, 1 − P(alive). Valuable customers who are slipping come
 * first; customers already gone (P(alive) = 0) have nothing left at risk.
 */
export function valueAtRisk(value: Pick<CustomerValue, 'clv' | 'probabilityAlive'>): number {
  const p = value.probabilityAlive;
  return p > 0 ? (value.clv / p) * (1 - p) : 0;
}
