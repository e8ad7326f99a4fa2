import { parseParams } from '../model/parseParams.js';
import { checkHistoryPoint } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { paretoNbdLogTail } from './paretoNbdTail.js';

/**
 * ln((e^B − e^C) / e^A): the log-odds that a customer with history (x, tₓ, T) has dropped out, with
 * A, B, C the terms of the Pareto/NBD likelihood (see {@link paretoNbdLogLikelihoodKernel}); −∞ when
 * tₓ = T. NaN in → NaN out.
 * @internal
 */
export function paretoNbdLogOddsDead(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const a = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const b = paretoNbdLogTail(r, alpha, s, beta, x, tx);
  const c = tx === T ? b : paretoNbdLogTail(r, alpha, s, beta, x, T);
  if (Number.isNaN(b) || Number.isNaN(c)) return Number.NaN;
  if (!(c < b)) return Number.NEGATIVE_INFINITY;
  return Math.log(s) + b + Math.log(-Math.expm1(c - b)) - a;
}

/**
 * {@link paretoNbdProbabilityAlive} without validation: a total function of numbers (NaN in → NaN out).
 * @internal
 */
export function paretoNbdProbabilityAliveUnchecked(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  return 1 / (1 + Math.exp(paretoNbdLogOddsDead(params, x, tx, T)));
}

/**
 * The probability that a customer with history (x, tx, T) is still active at T, under Pareto/NBD.
 *
 * @remarks
 * P(alive | x, tₓ, T) = (α+T)^−(r+x) (β+T)^−s / [(α+T)^−(r+x) (β+T)^−s + s·(I(tₓ) − I(T))], the
 * first term of the likelihood over the whole bracket (Schmittlein, Morrison & Colombo 1987, eq. 11;
 * Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model", eq. 23), where
 * I(y) = ∫_y^∞ (α+u)^−(r+x) (β+u)^−(s+1) du is the tail integral behind their ₂F₁ terms. It is
 * computed as a logistic of the log-odds, with I summed as a series of positive terms, so that it
 * stays finite and in [0, 1] for x in the hundreds and α far below β (where lifetimes and CLVTools
 * returned NaN).
 * Edge cases: tₓ = T → the largest value for given x; unlike BG/NBD, x = 0 gives a value below 1
 * once T > 0; T = 0 → 1. NaN if the series cannot converge (|α − β| / (max(α, β) + tₓ) within about
 * 2e-5 of 1). O(series terms).
 *
 * @param params - Pareto/NBD parameters, on the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if the history is invalid.
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from 'relmark/clv';
 * const params = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
 * paretoNbdProbabilityAlive(params, { x: 26, tx: 30.86, T: 31 });
 * //=> 0.9979
 * paretoNbdProbabilityAlive(params, { x: 0, tx: 0, T: 38.86 });
 * //=> 0.295
 * ```
 * @category CLV
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, history: HistoryPoint): number {
  const p = parseParams(ParetoNbdParamsSchema, params, 'paretoNbdProbabilityAlive');
  checkHistoryPoint(history, 'paretoNbdProbabilityAlive');
  return paretoNbdProbabilityAliveUnchecked(p, history.x, history.tx, history.T);
}
