import { RelmarkError } from '../../errors/RelmarkError.js';
import { parseParams } from '../model/parseParams.js';
import { checkHistoryPoint } from '../model/checkHistory.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { paretoNbdProbabilityAliveUnchecked } from './paretoNbdProbabilityAlive.js';

const maxFractionTerms = 1_000_000;

/**
 * K(z, s) = ∫₀^∞ e^(−z w) (1 + w)^−s dw for z > 0 (= e^z z^(s−1) Γ(1−s, z)).
 *
 * @remarks
 * For z ≥ 1, the continued fraction of the upper incomplete gamma function (Press et al., Numerical
 * Recipes, 3rd ed., eq. 6.2.7), K = 1 / (z+s − 1·s / (z+s+2 − 2(s+1) / (z+s+4 − …))), by the
 * modified Lentz method (relative error about 1e-15). For z < 1, where the fraction needs ~2/√z
 * levels and can stall, the trapezoidal rule in τ = ln w on the log-concave integrand
 * exp(τ − z e^τ − s ln(1 + e^τ)), which is analytic in |Im τ| < π/2 (step and stopping as
 * {@link logTailByQuadrature}; about 200 + ln(1/z)/0.25 nodes). NaN if either does not converge.
 * NaN in → NaN out.
 * @internal
 */
export function discountedSurvivalIntegral(z: number, s: number): number {
  if (!(z > 0) || !Number.isFinite(s)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z < 1) return survivalIntegralByQuadrature(z, s);
  const tiny = 1e-300;
  let f = z + s;
  if (Math.abs(f) < tiny) f = tiny;
  let c = f;
  let d = 0;
  for (let n = 1; n <= maxFractionTerms; n++) {
    const an = -n * (n - 1 + s);
    const bn = z + s + 2 * n;
    d = bn + an * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = bn + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= 1e-16) return 1 / f;
  }
  return Number.NaN;
}

/** K(z, s) for 0 < z < 1 by the trapezoidal rule in τ = ln w (see {@link discountedSurvivalIntegral}). */
function survivalIntegralByQuadrature(z: number, s: number): number {
  const softplus = (tau: number) => (tau > 0 ? tau + Math.log1p(Math.exp(-tau)) : Math.log1p(Math.exp(tau)));
  const logG = (tau: number) => tau - z * Math.exp(tau) - s * softplus(tau);
  // The slope 1 − z e^τ − s·e^τ/(1+e^τ) falls from 1 to −∞: bisect for the peak.
  let lo = -50;
  let hi = Math.log(50 / z) + 5;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (1 - z * Math.exp(mid) - s / (1 + Math.exp(-mid)) > 0) lo = mid;
    else hi = mid;
  }
  const peak = (lo + hi) / 2;
  const w = 1 / (1 + Math.exp(-peak));
  const curvature = z * Math.exp(peak) + s * w * (1 - w);
  const h = Math.min((Math.PI * Math.PI) / 40, 0.7 / Math.sqrt(curvature));
  const top = logG(peak);
  let sum = 1;
  for (const direction of [1, -1]) {
    let previous = 1;
    for (let k = 1; ; k++) {
      if (k > maxFractionTerms) return Number.NaN;
      const value = Math.exp(logG(peak + direction * k * h) - top);
      sum += value;
      const ratio = value / previous;
      previous = value;
      if (ratio < 1 && (value * ratio) / (1 - ratio) <= 1e-17 * sum) break;
    }
  }
  return Math.exp(top) * sum * h;
}

/**
 * {@link paretoNbdDert} without validation (NaN in → NaN out).
 * @internal
 */
export function paretoNbdDertUnchecked(params: ParetoNbdParams, x: number, tx: number, T: number, discountRate: number): number {
  const { r, alpha, s, beta } = params;
  const betaT = beta + T;
  // E[1/(δ + μ) | alive] with μ | alive ~ Gamma(s, β+T): (β+T)·K(δ(β+T), s); at δ = 0 it is (β+T)/(s−1).
  const survival = discountRate === 0 ? (s > 1 ? betaT / (s - 1) : Number.POSITIVE_INFINITY) : betaT * discountedSurvivalIntegral(discountRate * betaT, s);
  return paretoNbdProbabilityAliveUnchecked(params, x, tx, T) * ((r + x) / (alpha + T)) * survival;
}

/**
 * Discounted expected residual transactions (DERT) of a customer with history (x, tx, T) under
 * Pareto/NBD: the present value, at a continuously compounded `discountRate`, of all future purchases.
 *
 * @remarks
 * DERT(δ) = ∫₀^∞ e^(−δt) dE[Y(t) | x, tₓ, T] = P(alive) · (r+x)/(α+T) · (β+T) · K(δ(β+T), s) with
 * K(z, s) = ∫₀^∞ e^(−zw)(1+w)^−s dw = z^(s−1) e^z Γ(1−s, z) (Fader, Hardie & Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", JMR 42(4), eq. 2, where αʳβˢδ^(s−1)Γ(r+x+1)
 * Ψ(s, s; δ(β+T)) / (Γ(r)(α+T)^(r+x+1) L) is the same quantity written with Tricomi's Ψ): given that
 * the customer is alive, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T) independently, and the value is
 * E[λ]·E[1/(δ+μ)]. K is a continued fraction for δ(β+T) ≥ 1 and a trapezoidal quadrature below.
 * Multiply by a margin per purchase (and a spend model) for a CLV in money.
 * `discountRate` is per time unit of the parameters: 15% a year on weekly data is δ = ln(1.15)/52.
 * Edge cases: δ = 0 → the undiscounted E[Y(∞)] = P(alive)(r+x)(β+T)/((α+T)(s−1)) when s > 1, and +∞
 * when s ≤ 1 (the expected lifetime is then infinite); DERT falls as δ grows. O(series terms) for
 * P(alive) plus a few hundred nodes for K.
 *
 * @param params - Pareto/NBD parameters, in the time unit of the history.
 * @param history - Frequency x, recency tx and age T.
 * @param discountRate - The continuously compounded discount rate per time unit (≥ 0).
 * @returns The discounted expected number of future purchases.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` for an invalid history or a
 *   negative or non-finite discount rate.
 * @example
 * ```ts
 * import { paretoNbdDert } from 'relmark/clv';
 * // CDNOW parameters, 15% a year compounded continuously on a weekly axis.
 * paretoNbdDert({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { x: 2, tx: 30.43, T: 38.86 }, Math.log(1.15) / 52);
 * //=> 6.5005
 * ```
 * @category CLV
 */
export function paretoNbdDert(params: ParetoNbdParams, history: HistoryPoint, discountRate: number): number {
  const p = parseParams(ParetoNbdParamsSchema, params, 'paretoNbdDert');
  checkHistoryPoint(history, 'paretoNbdDert');
  if (!(Number.isFinite(discountRate) && discountRate >= 0)) {
    throw new RelmarkError('invalid_input', 'paretoNbdDert: invalid discountRate', {
      issues: [{ code: 'invalid_value', path: ['discountRate'], message: `discountRate must be finite and ≥ 0, received ${discountRate}` }],
    });
  }
  return paretoNbdDertUnchecked(p, history.x, history.tx, history.T, discountRate);
}
