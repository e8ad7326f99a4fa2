/**
 * The coverage experiment of prediction intervals: simulate from known parameters, fit, and check
 * whether the interval of the aggregate forecast holds the forecast at the true parameters.
 * Shared by the test suite (a small seeded version) and bench/clvIntervalCoverage.ts (a large one).
 * @internal
 * @module
 */
import { compressHistories } from '../compressHistories.js';
import { fitBgNbdUnchecked } from '../bgNbd/fitBgNbd.js';
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import { simulateBgNbd } from '../bgNbd/simulateBgNbd.js';
import { bgNbdExpectedPurchasesUnchecked } from '../bgNbd/bgNbdExpectedPurchases.js';
import { expectedPurchasesIntervals } from './expectedPurchasesIntervals.js';

/** The outcome of {@link intervalCoverage}. @internal */
export interface CoverageResult {
  readonly replicates: number;
  /** Replicates whose interval held the true aggregate forecast. */
  readonly covered: number;
  /** Replicates in which the fit or its intervals failed (not counted in either direction). */
  readonly failed: number;
}

/**
 * For replicate k = 0 … replicates − 1: simulate `customers` BG/NBD histories (T spread over 13
 * values from 26 to 38, seed `seed + k`) from `truth`, fit BG/NBD, and compute the `level` interval of
 * Σᵢ E[Yᵢ(t) | historyᵢ] with `draws` draws; count how often it holds the same sum at `truth`.
 * @internal
 */
export function intervalCoverage(options: {
  readonly truth: BgNbdParams;
  readonly customers: number;
  readonly replicates: number;
  readonly t: number;
  readonly level: number;
  readonly draws: number;
  readonly seed: number;
}): CoverageResult {
  let covered = 0;
  let failed = 0;
  const T = Array.from({ length: options.customers }, (_, i) => 26 + (i % 13));
  for (let k = 0; k < options.replicates; k++) {
    const columns = simulateBgNbd({ params: options.truth, customers: options.customers, T, seed: options.seed + k });
    const histories = Array.from(columns.x, (x, i) => ({ x, tx: columns.tx[i] as number, T: columns.T[i] as number }));
    let total;
    try {
      const fit = fitBgNbdUnchecked(compressHistories(columns));
      total = expectedPurchasesIntervals(fit, histories, options.t, { level: options.level, draws: options.draws, seed: options.seed + k }).total;
    } catch {
      // No fit, or a fit on a ridge (a, b → ∞) whose draws leave the model's domain.
      failed++;
      continue;
    }
    let truth = 0;
    for (const h of histories) truth += bgNbdExpectedPurchasesUnchecked(options.truth, h.x, h.tx, h.T, options.t);
    if (total.lower <= truth && truth <= total.upper) covered++;
  }
  return { replicates: options.replicates, covered, failed };
}
