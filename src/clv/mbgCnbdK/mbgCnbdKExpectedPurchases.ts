import { parseParams } from '../model/parseParams.js';
import { checkHistory, checkTime } from './checkInputs.js';
import { finiteResult } from '../finiteResult.js';
import { mbgNbdExpectedPurchasesIfAlive } from '../mbgNbd/mbgNbdExpectedPurchases.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';
import { mbgCnbdKProbabilityAliveUnchecked } from './mbgCnbdKProbabilityAlive.js';

/**
 * BTYDplus' approximation of E[Y(t) | alive at T, x, T] under MBG/CNBD-k: the MBG/NBD expression with
 * α replaced by k·α, (a+b+x)/(a−1) · [1 − ((kα+T)/(kα+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(kα+T+t))]
 * (an Erlang-k process with rate λ ~ Gamma(r, α) has λ/k ~ Gamma(r, kα) purchases per unit).
 * Unchecked (NaN in → NaN out); a = 1 handled by the limit.
 * @internal
 */
export function mbgCnbdKExpectedPurchasesIfAlive(params: MbgCnbdKParams, x: number, T: number, t: number): number {
  const { k, r, alpha, a, b } = params;
  return mbgNbdExpectedPurchasesIfAlive({ r, alpha: k * alpha, a, b }, x, T, t);
}

/** {@link mbgCnbdKExpectedPurchases} without validation (NaN in → NaN out). @internal */
export function mbgCnbdKExpectedPurchasesUnchecked(params: MbgCnbdKParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return mbgCnbdKExpectedPurchasesIfAlive(params, x, T, t) * mbgCnbdKProbabilityAliveUnchecked(params, x, tx, T);
}

/**
 * The expected number of purchases in the next `t` time units of a customer with history
 * (x, tx, T), under MBG/CNBD-k, by the approximation BTYDplus uses.
 *
 * @remarks
 * No closed form is known for k > 1. As BTYDplus' `mbgcnbd.ConditionalExpectedTransactions` (1.2.0):
 * E ≈ P(alive) × (a+b+x)/(a−1) · [1 − ((kα+T)/(kα+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(kα+T+t))],
 * with the exact MBG/CNBD-k P(alive) ({@link mbgCnbdKProbabilityAlive}) and, for the customer known
 * to be alive, the MBG/NBD expectation (Batislam, Denizel & Filiztekin 2007, eq. 11) at scale kα:
 * the Erlang-k purchase rate λ/k is Gamma(r, kα). For k = 1 it is exact ({@link mbgNbdExpectedPurchases}).
 * BTYDplus additionally rescales the predictions of a whole cohort (≥ 100 customers, k > 1) so that
 * their sum matches the exact unconditional expectation; that step needs the cohort, not one
 * customer, and is not applied here (see {@link mbgCnbdKExpectedPurchasesNewCustomer} for the exact
 * unconditional value).
 * Edge cases: t = 0 → 0; a = 1 is handled by its limit; x in the hundreds stays finite. O(k + ₂F₁ terms).
 *
 * @param params - MBG/CNBD-k parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param t - The horizon, in the same time unit (≥ 0).
 * @returns The expected number of purchases in (T, T + t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or t;
 *   `not_converged` (details.reason `series_did_not_converge`) where the series cannot be summed, never NaN.
 * @example
 * ```ts
 * import { mbgCnbdKExpectedPurchases } from 'relmark/clv';
 * mbgCnbdKExpectedPurchases({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, { x: 3, tx: 20, T: 30 }, 52);
 * //=> 3.2177
 * ```
 * @category CLV
 */
export function mbgCnbdKExpectedPurchases(params: MbgCnbdKParams, history: HistoryPoint, t: number): number {
  const p = parseParams(MbgCnbdKParamsSchema, params, 'mbgCnbdKExpectedPurchases');
  checkHistory(history, 'mbgCnbdKExpectedPurchases');
  checkTime(t, 'mbgCnbdKExpectedPurchases');
  return finiteResult(mbgCnbdKExpectedPurchasesUnchecked(p, history.x, history.tx, history.T, t), 'mbgCnbdKExpectedPurchases', { history, t });
}
