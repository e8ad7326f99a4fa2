import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { sbgDerl } from '../clv/sbg/sbgDerl.js';
import { logBeta } from '../numeric/logGamma.js';
import { parseCohortOptions } from './cohortOptions.js';
import type { SbgCohortsFit } from './fitSbgCohorts.js';

/** Options of {@link projectSbgCohorts}. @category Cohorts */
export interface ProjectSbgCohortsOptions {
  /** Periods to project past each cohort's last observed period (an integer 1 … 10,000). */
  readonly horizon: number;
  /** The discount rate per period for the DERL (finite, > 0). */
  readonly discountRate: number;
}

/** One cohort's projection. @category Cohorts */
export interface SbgCohortProjection {
  readonly cohort: string;
  readonly group: string | null;
  /** S(t) = B(α, β+t)/B(α, β) for t = 0 … periods + horizon: the model's share of the cohort still there. */
  readonly survival: readonly number[];
  /** r(t) = (β+t−1)/(α+β+t−1) for t = 1 … periods + horizon (index t − 1). */
  readonly retentionRate: readonly number[];
  /**
   * The expected customers still there after periods + 1 … periods + horizon, given the `survivors`
   * observed at the end: survivors · S(t)/S(periods).
   */
  readonly expectedSurvivors: readonly number[];
  /**
   * The discounted expected residual lifetime of one survivor (who has renewed `periods` times), in
   * payments of 1 per period, the next undiscounted (Fader & Hardie 2010, eq. 6, via `sbgDerl`).
   */
  readonly derl: number;
  /** survivors · derl: the cohort's remaining value in payments of 1 per period (multiply by a margin per period). */
  readonly residualValue: number;
}

const OptionsSchema = z.strictObject({
  horizon: z.number().int().min(1).max(10_000),
  discountRate: z.number().positive().finite(),
});

/**
 * Projects each cohort of an sBG cohort fit: its retention curve and survival, the survivors
 * expected in the next periods, and the discounted expected residual lifetime (DERL) of a survivor.
 *
 * @remarks
 * S(t) = B(α, β+t)/B(α, β) and r(t) = (β+t−1)/(α+β+t−1) (Fader & Hardie 2007, eqs. 4 and 6); the
 * survivors at t > k (k = the periods observed) are projected from those observed at k:
 * a_k · S(t)/S(k). DERL(d | k renewals) = (β+k)/(α+β+k) · ₂F₁(1, β+k+1; α+β+k+1; 1/(1+d)) (Fader &
 * Hardie 2010, "Customer-base valuation in a contractual setting", Marketing Science 29(1), eq. 6).
 * Log-beta keeps S accurate far into the tail. Edge cases: a cohort with 0 survivors projects 0.
 * O(cohorts · (periods + horizon)).
 *
 * @param fit - From {@link fitSbgCohorts}.
 * @param options - `horizon` and `discountRate`.
 * @returns One {@link SbgCohortProjection} per fitted cohort, in the fit's order.
 * @throws {@link RelmarkError} `invalid_options` for a horizon that is not an integer 1 … 10,000 or a
 *   discount rate that is not finite and > 0; `invalid_input` for a fit that is not an `sbg-cohorts` fit.
 * @example
 * ```ts
 * import { fitSbgCohorts, projectSbgCohorts } from 'relmark/cohorts';
 * const fit = fitSbgCohorts([{ cohort: 'high end', alive: [1000, 869, 743, 653, 593, 551, 517, 491] }]);
 * const [projection] = projectSbgCohorts(fit, { horizon: 5, discountRate: 0.1 });
 * [projection?.survival[7], projection?.expectedSurvivors.length, projection?.derl];
 * //=> [0.4889, 5, 7.5296]
 * ```
 * @category Cohorts
 */
export function projectSbgCohorts(fit: SbgCohortsFit, options: ProjectSbgCohortsOptions): SbgCohortProjection[] {
  const { horizon, discountRate } = parseCohortOptions(OptionsSchema, options, 'projectSbgCohorts');
  if (typeof fit !== 'object' || fit === null || fit.model !== 'sbg-cohorts' || !Array.isArray(fit.cohorts)) {
    throw new RelmarkError('invalid_input', 'projectSbgCohorts: not an sbg-cohorts fit', {
      issues: [{ code: 'invalid_type', path: ['fit'], message: "Expected the result of fitSbgCohorts (model 'sbg-cohorts')" }],
    });
  }
  return fit.cohorts.map((c) => {
    const { alpha, beta } = c.params;
    const lb = logBeta(alpha, beta);
    const end = c.periods + horizon;
    const survival: number[] = [];
    const retentionRate: number[] = [];
    for (let t = 0; t <= end; t++) {
      survival.push(Math.exp(logBeta(alpha, beta + t) - lb));
      if (t >= 1) retentionRate.push((beta + t - 1) / (alpha + beta + t - 1));
    }
    const expectedSurvivors: number[] = [];
    const logAtK = logBeta(alpha, beta + c.periods);
    for (let t = c.periods + 1; t <= end; t++) expectedSurvivors.push(c.survivors * Math.exp(logBeta(alpha, beta + t) - logAtK));
    const derl = sbgDerl(c.params, { discountRate, renewals: c.periods });
    return { cohort: c.cohort, group: c.group, survival, retentionRate, expectedSurvivors, derl, residualValue: c.survivors * derl };
  });
}
