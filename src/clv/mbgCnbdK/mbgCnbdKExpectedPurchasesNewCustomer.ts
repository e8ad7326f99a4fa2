import { parseParams } from '../model/parseParams.js';
import { checkTime } from './checkInputs.js';
import { finiteResult } from '../finiteResult.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';

/** The most negative-binomial terms the series below sums before it gives up (NaN). @internal */
export const maxSeriesTerms = 5_000_000;

/**
 * E[X(t)] for a new customer under MBG/CNBD-k, as the series Σ_{m ≥ k} NB(m) · C(⌊m/k⌋) (see
 * {@link mbgCnbdKExpectedPurchasesNewCustomer}); NaN when it needs more than {@link maxSeriesTerms}
 * terms or an input is NaN. t > 0.
 * @internal
 */
export function mbgCnbdKExpectedPurchasesNewCustomerUnchecked(params: MbgCnbdKParams, t: number): number {
  const { k, r, alpha, a, b } = params;
  if (t === 0) return 0;
  const q = t / (alpha + t);
  const logQ = Math.log(q);
  let logF = r * Math.log(alpha / (alpha + t)); // ln NB(0) = r ln(α/(α+t))
  if (Number.isNaN(logF) || Number.isNaN(logQ) || !(k >= 1)) return Number.NaN;
  // The series reaches its tail past the mean r·t/α and then needs about 40·(α+t)/α more terms:
  // give up at once when that exceeds the budget, instead of after summing it.
  if ((r * t) / alpha + (40 * (alpha + t)) / alpha > maxSeriesTerms) return Number.NaN;
  let beta = 1; // B(a, b+n)/B(a, b), n = ⌊m/k⌋
  let cumulative = 0; // C(n) = Σ_{i=1..n} B(a, b+i)/B(a, b)
  let n = 0;
  let sum = 0;
  for (let m = 0; m < maxSeriesTerms; m++) {
    if (m > 0) {
      logF += Math.log((r + m - 1) / m) + logQ;
      if (m % k === 0) {
        n++;
        beta *= (b + n - 1) / (a + b + n - 1);
        cumulative += beta;
      }
    }
    const f = Math.exp(logF);
    sum += f * cumulative;
    // Past the mode the NB terms fall at a ratio ρ = q(r+m)/(m+1) ≤ max(ρ, q) < 1; bound the rest
    // by a geometric tail weighted by C, which grows by at most 1 per k terms.
    const ratio = (q * (r + m)) / (m + 1);
    if (ratio < 1) {
      const rho = r <= 1 ? q : ratio;
      const rest = 1 / (1 - rho);
      const bound = f * rho * rest * (cumulative + rest / k + 1);
      if (bound <= 1e-15 * sum || (sum === 0 && bound < 1e-300)) return sum;
    }
  }
  return Number.NaN;
}

/**
 * The expected number of repeat purchases of a new customer in the first `t` time units after the
 * first purchase, under MBG/CNBD-k.
 *
 * @remarks
 * Exact: X(t) ≥ n needs n purchases, i.e. at least k·n events of the Poisson process that the
 * Erlang-k gaps are made of, and survival of the n dropout chances at purchases 0 … n−1, so
 * E[X(t)] = Σ_{n≥1} B(a, b+n)/B(a, b) · P(M ≥ kn) = Σ_{m≥k} NB(m) · Σ_{n=1}^{⌊m/k⌋} B(a, b+n)/B(a, b),
 * M ~ NB(r, α/(α+t)) the gamma-mixed Poisson count (Platzer & Reutterer 2016; BTYDplus
 * `mbgcnbd.Expectation` computes the same quantity in C++). The series is summed in log space from
 * m = 0 until a geometric bound on its tail is below 1e-15 of the sum. For k = 1 it equals
 * {@link mbgNbdExpectedPurchasesNewCustomer} (Batislam, Denizel & Filiztekin 2007, eq. 8).
 * Edge cases: t = 0 → 0; horizons so long against α that the series needs more than 5,000,000
 * terms → `not_converged`. O(terms) ≈ O(k + (r·t/α + 40·(α+t)/α)).
 *
 * @param params - MBG/CNBD-k parameters.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if t is negative or not finite;
 *   `not_converged` (details.reason `series_did_not_converge`) when the series exceeds its term budget.
 * @example
 * ```ts
 * import { mbgCnbdKExpectedPurchasesNewCustomer } from 'relmark/clv';
 * mbgCnbdKExpectedPurchasesNewCustomer({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, 52);
 * //=> 3.7438
 * ```
 * @category CLV
 */
export function mbgCnbdKExpectedPurchasesNewCustomer(params: MbgCnbdKParams, t: number): number {
  const p = parseParams(MbgCnbdKParamsSchema, params, 'mbgCnbdKExpectedPurchasesNewCustomer');
  checkTime(t, 'mbgCnbdKExpectedPurchasesNewCustomer');
  return finiteResult(mbgCnbdKExpectedPurchasesNewCustomerUnchecked(p, t), 'mbgCnbdKExpectedPurchasesNewCustomer', { t });
}
