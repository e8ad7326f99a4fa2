import { historyColumnsOf, type HistoryColumns } from '../historyColumns.js';
import { digamma } from '../../numeric/digamma.js';
import { NeumaierSum } from '../../internal/sum.js';
import { logGamma } from '../../numeric/logGamma.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type BgNbdData, prepareBgNbdData } from './bgNbdData.js';
import { parseParams } from '../model/parseParams.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';

/**
 * The weighted BG/NBD log-likelihood Σ wᵢ ln Lᵢ and, when `gradient` is given, its derivatives with
 * respect to (r, α, a, b), written into `gradient`.
 *
 * @remarks
 * Per customer (Fader, Hardie & Lee 2005, eq. 6, in the log form of Hardie's note 027):
 * ln L = A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄) with A₁ = ln Γ(r+x) − ln Γ(r) + r ln α,
 * A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x), A₃ = −(r+x) ln(α+T),
 * A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ). The derivatives follow term by term (ψ = digamma), with
 * the weights w₃ = e^A₃/(e^A₃ + e^A₄) and w₄ = 1 − w₃ of the mixture. The total is a Neumaier sum.
 * O(n₊ + k + m) for n₊ customers with repeat purchases, k distinct x and m distinct T (customers
 * with x = 0 are summed per distinct T, see {@link BgNbdData}).
 * @internal
 */
export function bgNbdLogLikelihoodKernel(params: BgNbdParams, data: BgNbdData, gradient?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const groups = data.frequencies;
  const k = groups.values.length;
  const logAlpha = Math.log(alpha);
  const lgR = logGamma(r);
  const lgAB = logGamma(a + b);
  const lgB = logGamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const logA = Math.log(a);

  // Per-group constants: ln of the x-only part, ln a − ln(b+x−1), and the x-only gradient parts.
  const base = new Float64Array(k);
  const logOdds = new Float64Array(k);
  const inverseBx1 = new Float64Array(k);
  const dBaseR = new Float64Array(k);
  const dBaseA = new Float64Array(k);
  const dBaseB = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    const x = groups.values[g] as number;
    base[g] = logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    if (x > 0) {
      logOdds[g] = logA - Math.log(b + x - 1);
      inverseBx1[g] = 1 / (b + x - 1);
    }
    if (gradient) {
      const psiABX = digamma(a + b + x);
      dBaseR[g] = digamma(r + x) - psiR + logAlpha;
      dBaseA[g] = psiAB - psiABX;
      dBaseB[g] = psiAB + digamma(b + x) - psiB - psiABX;
    }
  }

  const total = new NeumaierSum();
  let dR = 0;
  let dAlpha = 0;
  // Customers with x = 0, by distinct T: each contributes −r·ln(α+T).
  for (let j = 0; j < data.zeroT.length; j++) {
    const w = data.zeroWeights[j] as number;
    const alphaT = alpha + (data.zeroT[j] as number);
    const logAlphaT = Math.log(alphaT);
    total.add(-w * r * logAlphaT);
    if (gradient) {
      dR -= w * logAlphaT;
      dAlpha -= (w * r) / alphaT;
    }
  }

  // ln(α+T) and 1/(α+T) once per distinct T of the customers with repeat purchases.
  const m = data.positiveT.length;
  const logAlphaTs = new Float64Array(m);
  const inverseAlphaTs = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const alphaT = alpha + (data.positiveT[j] as number);
    logAlphaTs[j] = Math.log(alphaT);
    inverseAlphaTs[j] = 1 / alphaT;
  }
  const { x: xs, tx: txs, weights, group, tIndex } = data;
  const n = xs.length;
  // Per-group sums of w·w₄ (the weight on the "dropped out after the last purchase" branch).
  const w4Sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const g = group[i] as number;
    const j = tIndex[i] as number;
    const w = weights[i] as number;
    const rx = r + (xs[i] as number);
    const logAlphaT = logAlphaTs[j] as number;
    const alphaTx = alpha + (txs[i] as number);
    const logAlphaTx = Math.log(alphaTx);
    const a3 = -rx * logAlphaT;
    const a4 = (logOdds[g] as number) - rx * logAlphaTx;
    const diff = a4 - a3;
    // ln(e^A₃ + e^A₄) and w₄ = logistic(A₄ − A₃), computed on the side that cannot overflow.
    let term: number;
    let w4: number;
    if (diff > 0) {
      const e = Math.exp(-diff);
      term = a4 + Math.log1p(e);
      w4 = 1 / (1 + e);
    } else {
      const e = Math.exp(diff);
      term = a3 + Math.log1p(e);
      w4 = e / (1 + e);
    }
    total.add(w * term);
    if (gradient) {
      const w3 = 1 - w4;
      dR -= w * (w3 * logAlphaT + w4 * logAlphaTx);
      dAlpha -= w * rx * (w3 * (inverseAlphaTs[j] as number) + w4 / alphaTx);
      w4Sums[g] = (w4Sums[g] as number) + w * w4;
    }
  }
  for (let g = 0; g < k; g++) {
    total.add((groups.weightSums[g] as number) * (base[g] as number));
  }
  if (gradient) {
    let dA = 0;
    let dB = 0;
    for (let g = 0; g < k; g++) {
      const wg = groups.weightSums[g] as number;
      dR += wg * (dBaseR[g] as number);
      dA += wg * (dBaseA[g] as number) + (w4Sums[g] as number) / a;
      dB += wg * (dBaseB[g] as number) - (w4Sums[g] as number) * (inverseBx1[g] as number);
    }
    dAlpha += (data.totalWeight * r) / alpha;
    gradient[0] = dR;
    gradient[1] = dAlpha;
    gradient[2] = dA;
    gradient[3] = dB;
  }
  return total.value;
}

/**
 * The total BG/NBD log-likelihood of a set of histories, on the caller's time axis.
 *
 * @remarks
 * Σᵢ wᵢ ln L(r, α, a, b | xᵢ, tₓᵢ, Tᵢ) with the likelihood of Fader, Hardie & Lee (2005, eq. 6),
 * computed in log space (log-gamma, log-sum-exp) and summed with Neumaier compensation. This is the
 * number that papers report (−9582.4 on CDNOW), not lifetimes' per-customer mean on a rescaled axis.
 * Edge cases: `[]` → 0; a customer with T = 0 and x = 0 contributes 0. O(n).
 *
 * @param params - The BG/NBD parameters.
 * @param histories - Histories (objects with x, tx, T) or {@link HistoryColumns} with optional weights.
 * @returns The total log-likelihood.
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if a history is invalid (every issue with its path).
 * @example
 * ```ts
 * import { bgNbdLogLikelihood } from 'relmark/clv';
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [
 *   { x: 2, tx: 30.43, T: 38.86 },
 *   { x: 0, tx: 0, T: 38.86 },
 * ]);
 * //=> -10.0133
 * ```
 * @category CLV
 */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly HistoryPoint[] | HistoryColumns): number {
  const valid = parseParams(BgNbdParamsSchema, params, 'bgNbdLogLikelihood');
  const columns = historyColumnsOf(histories, 'bgNbdLogLikelihood');
  return bgNbdLogLikelihoodKernel(valid, prepareBgNbdData(columns));
}
