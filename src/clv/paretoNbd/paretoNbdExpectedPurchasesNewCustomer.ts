import { parseParams } from '../model/parseParams.js';
import { checkHorizon } from '../model/checkHistory.js';
import { paretoNbdExpectedPurchasesIfAlive } from './paretoNbdExpectedPurchases.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';

/**
 * The expected number of repeat purchases of a new customer in the first `t` time units after the
 * first purchase, under Pareto/NBD.
 *
 * @remarks
 * E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)] (Schmittlein, Morrison & Colombo 1987, eq. 17;
 * Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model", eq. 21).
 * Edge cases: t = 0 → 0; s = 1 → its limit (rβ/α) ln(1 + t/β), exact. O(1).
 *
 * @param params - Pareto/NBD parameters.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is negative or not finite.
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchasesNewCustomer } from 'relmark/clv';
 * paretoNbdExpectedPurchasesNewCustomer({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 39);
 * //=> 1.2131
 * ```
 * @category CLV
 */
export function paretoNbdExpectedPurchasesNewCustomer(params: ParetoNbdParams, t: number): number {
  const p = parseParams(ParetoNbdParamsSchema, params, 'paretoNbdExpectedPurchasesNewCustomer');
  checkHorizon(t, 'paretoNbdExpectedPurchasesNewCustomer');
  // A new customer is alive at the first purchase, with x = 0 and T = 0.
  return paretoNbdExpectedPurchasesIfAlive(p, 0, 0, t);
}
