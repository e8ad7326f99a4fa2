import { logBeta } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { type BgBbHistory, checkBgBbHistory } from './bgBbHistory.js';
import { bgBbPatternLogLikelihood } from './bgBbLogLikelihood.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';

/**
 * {@link bgBbProbabilityAlive} without validation (NaN in → NaN out).
 * @internal
 */
export function bgBbProbabilityAliveUnchecked(params: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const logAlive = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) - logBeta(gamma, delta);
  return Math.min(1, Math.exp(logAlive - bgBbPatternLogLikelihood(params, x, tx, n)));
}

/**
 * The probability that a customer with history (x, tx, n) is still active at the next
 * opportunity (n + 1), under BG/BB.
 *
 * @remarks
 * P(alive at n+1 | x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L(α, β, γ, δ | x, tₓ, n)
 * (Fader, Hardie & Shang 2010, eq. 11), computed as the exponential of a difference of logs.
 * Edge cases: n = 0 → δ/(γ+δ) (the chance to survive one opportunity); x = tx = n → the largest
 * value for given n. O(n − tx).
 *
 * @param params - BG/BB parameters.
 * @param history - x, tx and n (integers, 0 ≤ x ≤ tx ≤ n).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if the history is invalid.
 * @example
 * ```ts
 * import { bgBbProbabilityAlive } from 'relmark/clv';
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbProbabilityAlive(params, { x: 2, tx: 4, n: 6 });
 * //=> 0.5895
 * ```
 * @category CLV
 */
export function bgBbProbabilityAlive(params: BgBbParams, history: BgBbHistory): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbProbabilityAlive');
  checkBgBbHistory(history, 'bgBbProbabilityAlive');
  return bgBbProbabilityAliveUnchecked(p, history.x, history.tx, history.n);
}
