import { RelmarkError } from '../../errors/RelmarkError.js';
import { logBeta } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { hyp2f1 } from '../../numeric/hyp2f1.js';
import { type BgBbHistory, checkBgBbHistory } from './bgBbHistory.js';
import { bgBbPatternLogLikelihood } from './bgBbLogLikelihood.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';
import { finiteResult } from '../finiteResult.js';

/** Options of {@link bgBbDert}. @category CLV */
export interface BgBbDertOptions {
  /** The discount rate per opportunity (finite, > 0): 0.1 discounts the next opportunity by 1/1.1. */
  readonly discountRate: number;
}

/** {@link bgBbDert} without validation (NaN in → NaN out). @internal */
export function bgBbDertUnchecked(params: BgBbParams, x: number, tx: number, n: number, discountRate: number): number {
  const { alpha, beta, gamma, delta } = params;
  const f = hyp2f1(1, delta + n + 1, gamma + delta + n + 1, 1 / (1 + discountRate));
  const logValue =
    logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) - logBeta(gamma, delta) - Math.log1p(discountRate) + f.logAbs;
  return f.sign * Math.exp(logValue - bgBbPatternLogLikelihood(params, x, tx, n));
}

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tx, n), under
 * BG/BB: the present value of all future expected transactions, one unit each.
 *
 * @remarks
 * DERT(d | x, tₓ, n) = Σ_{k≥1} E[transaction at opportunity n+k] / (1+d)^k
 * = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/(B(γ, δ)(1+d)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L
 * (Fader, Hardie & Shang 2010, eq. 14). The next opportunity is discounted once; multiply by a
 * value per transaction for a monetary figure. ₂F₁ is summed in log space.
 * Edge cases: a discount rate ≤ 0 is rejected (the sum diverges for γ ≤ 1 at d = 0). O(n − tx +
 * ₂F₁ terms), about log(1e-17)/log(1/(1+d)) terms: 400 at d = 0.1.
 *
 * @param params - BG/BB parameters.
 * @param history - x, tx and n (integers, 0 ≤ x ≤ tx ≤ n).
 * @param options - The discount rate per opportunity.
 * @returns The discounted expected number of future transactions.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history;
 *   `invalid_options` for a discount rate that is not finite and > 0;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed (extreme horizons or discount rates), never NaN.
 * @example
 * ```ts
 * import { bgBbDert } from 'relmark/clv';
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbDert(params, { x: 6, tx: 6, n: 6 }, { discountRate: 0.1 });
 * //=> 5.9087
 * ```
 * @category CLV
 */
export function bgBbDert(params: BgBbParams, history: BgBbHistory, options: BgBbDertOptions): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbDert');
  checkBgBbHistory(history, 'bgBbDert');
  const d = options?.discountRate;
  if (!(typeof d === 'number' && Number.isFinite(d) && d > 0)) {
    throw new RelmarkError('invalid_options', 'bgBbDert: invalid options', {
      issues: [{ code: 'invalid_value', path: ['discountRate'], message: `discountRate must be finite and > 0, received ${String(d)}` }],
    });
  }
  return finiteResult(bgBbDertUnchecked(p, history.x, history.tx, history.n, d), 'bgBbDert', { history, discountRate: d });
}
