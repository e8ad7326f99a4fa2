import { RelmarkError } from '../../errors/RelmarkError.js';
import { logBeta } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { type SbgParams, SbgParamsSchema } from './sbgParams.js';

/** Throws `invalid_input` unless `t` is an integer ≥ `min`. @internal */
export function checkPeriod(t: number, where: string, name: string, min = 0): void {
  if (!(Number.isSafeInteger(t) && t >= min)) {
    throw new RelmarkError('invalid_input', `${where}: invalid ${name}`, {
      issues: [{ code: 'invalid_value', path: [name], message: `${name} must be an integer ≥ ${min}, received ${t}` }],
    });
  }
}

/**
 * The share of a new cohort still subscribed after `t` renewal opportunities, under sBG.
 *
 * @remarks
 * S(t) = B(α, β+t)/B(α, β) (Fader & Hardie 2007, eq. 4), from log-beta functions, so that it keeps
 * its relative accuracy far into the tail. Edge cases: t = 0 → 1; S is decreasing in t. O(1).
 *
 * @param params - sBG parameters.
 * @param t - The number of periods (an integer ≥ 0).
 * @returns A probability in (0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is not an integer ≥ 0.
 * @example
 * ```ts
 * import { sbgSurvival } from 'relmark/clv';
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, 7);
 * //=> 0.4889
 * ```
 * @category CLV
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  const p = parseParams(SbgParamsSchema, params, 'sbgSurvival');
  checkPeriod(t, 'sbgSurvival', 't');
  return Math.exp(logBeta(p.alpha, p.beta + t) - logBeta(p.alpha, p.beta));
}

/**
 * The retention rate of period t under sBG: the share of the subscribers alive at t − 1 who renew at t.
 *
 * @remarks
 * r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) (Fader & Hardie 2007, eq. 6): it rises with t because
 * the subscribers most likely to churn leave first (heterogeneity, not loyalty growth). O(1).
 * Edge cases: t = 1 → β/(α+β); r(t) → 1 as t → ∞.
 *
 * @param params - sBG parameters.
 * @param t - The period (an integer ≥ 1).
 * @returns A probability in (0, 1).
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is not an integer ≥ 1.
 * @example
 * ```ts
 * import { sbgRetentionRate } from 'relmark/clv';
 * sbgRetentionRate({ alpha: 0.668, beta: 3.806 }, 1);
 * //=> 0.8507
 * ```
 * @category CLV
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  const p = parseParams(SbgParamsSchema, params, 'sbgRetentionRate');
  checkPeriod(t, 'sbgRetentionRate', 't', 1);
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}
