import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { parseParams } from '../model/parseParams.js';
import { hyp2f1 } from '../../numeric/hyp2f1.js';
import { type SbgParams, SbgParamsSchema } from './sbgParams.js';
import { finiteResult } from '../finiteResult.js';

/** Options of {@link sbgDerl}. @category CLV */
export interface SbgDerlOptions {
  /** The discount rate per period (finite, > 0). */
  readonly discountRate: number;
  /** How many times the subscriber has renewed so far (an integer ≥ 0). @defaultValue 0 */
  readonly renewals?: number;
}

/**
 * Discounted expected residual lifetime (DERL) of a subscriber under sBG: the present value, in
 * payments of 1 per period, of the payments still to come.
 *
 * @remarks
 * For a subscriber who has made n − 1 renewals and is about to decide on the n-th (`renewals` = n − 1),
 * with a payment at the start of each period:
 * DERL(d | n − 1 renewals) = Σ_{k≥0} S(n+k)/S(n−1) / (1+d)^k
 * = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)) (Fader & Hardie 2010, "Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science
 * 29(1), eq. 6). The next payment (if the subscriber renews) is not discounted; multiply by the
 * margin per period for a value. DERL rises with the renewals already made: survivors are the
 * loyal ones. ₂F₁ is summed in log space. Edge cases: a discount rate ≤ 0 is rejected (the sum
 * diverges at d = 0 for α ≤ 1). O(₂F₁ terms), about 400 at d = 0.1.
 *
 * @param params - sBG parameters.
 * @param options - The discount rate and the renewals made.
 * @returns The discounted expected number of future payments.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_options` for a discount rate that is not
 *   finite and > 0, or renewals that are not an integer ≥ 0;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
 * @example
 * ```ts
 * import { sbgDerl } from 'relmark/clv';
 * sbgDerl({ alpha: 0.668, beta: 3.806 }, { discountRate: 0.1, renewals: 4 });
 * //=> 6.8971
 * ```
 * @category CLV
 */
export function sbgDerl(params: SbgParams, options: SbgDerlOptions): number {
  const p = parseParams(SbgParamsSchema, params, 'sbgDerl');
  const d = options?.discountRate;
  const renewals = options?.renewals ?? 0;
  const issues: RelmarkIssue[] = [];
  if (!(typeof d === 'number' && Number.isFinite(d) && d > 0)) issues.push({ code: 'invalid_value', path: ['discountRate'], message: `discountRate must be finite and > 0, received ${String(d)}` });
  if (!(Number.isSafeInteger(renewals) && renewals >= 0)) issues.push({ code: 'invalid_value', path: ['renewals'], message: `renewals must be an integer ≥ 0, received ${String(renewals)}` });
  if (issues.length > 0) throw new RelmarkError('invalid_options', 'sbgDerl: invalid options', { issues });
  const n = renewals + 1;
  const f = hyp2f1(1, p.beta + n, p.alpha + p.beta + n, 1 / (1 + (d as number)));
  return finiteResult(((p.beta + n - 1) / (p.alpha + p.beta + n - 1)) * f.sign * Math.exp(f.logAbs), 'sbgDerl', { discountRate: d, renewals });
}
