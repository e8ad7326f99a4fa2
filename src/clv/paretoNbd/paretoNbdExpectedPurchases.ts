import { parseParams } from '../model/parseParams.js';
import { checkHistoryPoint, checkHorizon } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive.js';

/**
 * [1 − (1 + u)^−ε] / ε for u ≥ 0, and its limit ln(1 + u) at ε = 0, without cancellation near ε = 0.
 * @internal
 */
export function powerDifferenceRatio(epsilon: number, u: number): number {
  const log = Math.log1p(u);
  return epsilon === 0 ? log : -Math.expm1(-epsilon * log) / epsilon;
}

/**
 * E[Y(t) | alive at T, x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]: the expected
 * purchases of a customer KNOWN to be alive; it depends on x and T, not on tₓ. The factor
 * [1 − (1+u)^(1−s)]/(s−1) is taken by {@link powerDifferenceRatio}, so s = 1 (the removable
 * singularity, limit ln(1 + t/(β+T))) is exact. Unchecked (NaN in → NaN out).
 * @internal
 */
export function paretoNbdExpectedPurchasesIfAlive(params: ParetoNbdParams, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = params;
  const betaT = beta + T;
  return ((r + x) * betaT * powerDifferenceRatio(s - 1, t / betaT)) / (alpha + T);
}

/**
 * {@link paretoNbdExpectedPurchases} without validation: P(alive) × E[Y(t) | alive] (NaN in → NaN out).
 * @internal
 */
export function paretoNbdExpectedPurchasesUnchecked(params: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return paretoNbdExpectedPurchasesIfAlive(params, x, T, t) * paretoNbdProbabilityAliveUnchecked(params, x, tx, T);
}

/**
 * The expected number of purchases in the next `t` time units of a customer with history
 * (x, tx, T), under Pareto/NBD.
 *
 * @remarks
 * E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive | x, tₓ, T)
 * (Schmittlein, Morrison & Colombo 1987, eq. 22; Fader, Hardie & Lee 2005, "A note on deriving the
 * Pareto/NBD model", eq. 27), with P(alive) from {@link paretoNbdProbabilityAlive}.
 * Edge cases: t = 0 → 0; s = 1 is a removable singularity, handled by its limit
 * (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) and without loss of digits near it; x in the hundreds stays
 * finite. O(series terms) for P(alive).
 *
 * @param params - Pareto/NBD parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param t - The horizon, in the same time unit (≥ 0).
 * @returns The expected number of purchases in (T, T + t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or t.
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchases } from 'relmark/clv';
 * paretoNbdExpectedPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { x: 26, tx: 30.86, T: 31 }, 52);
 * //=> 25.4549
 * ```
 * @category CLV
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, history: HistoryPoint, t: number): number {
  const p = parseParams(ParetoNbdParamsSchema, params, 'paretoNbdExpectedPurchases');
  checkHistoryPoint(history, 'paretoNbdExpectedPurchases');
  checkHorizon(t, 'paretoNbdExpectedPurchases');
  return paretoNbdExpectedPurchasesUnchecked(p, history.x, history.tx, history.T, t);
}
