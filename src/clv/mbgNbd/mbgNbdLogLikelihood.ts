import { type BgNbdData, prepareBgNbdData } from '../bgNbd/bgNbdData.js';
import { parseParams } from '../model/parseParams.js';
import { historyColumnsOf, type HistoryColumns } from '../historyColumns.js';
import { digamma } from '../../numeric/digamma.js';
import { NeumaierSum } from '../../internal/sum.js';
import { logGamma } from '../../numeric/logGamma.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';

/**
 * The weighted MBG/NBD log-likelihood Σ wᵢ ln Lᵢ and, when `gradient` is given, its derivatives with
 * respect to (r, α, a, b), written into `gradient`.
 *
 * @remarks
 * Per customer (Batislam, Denizel & Filiztekin 2007, eq. 6): ln L = A₁ + A₂ + ln(e^A₃ + e^A₄) with
 * A₁ = ln Γ(r+x) − ln Γ(r) + r ln α, A₂ = ln Γ(a+b) + ln Γ(b+x+1) − ln Γ(b) − ln Γ(a+b+x+1),
 * A₃ = −(r+x) ln(α+T), A₄ = ln a − ln(b+x) − (r+x) ln(α+tₓ): the BG/NBD form with the "dropped out
 * after the last purchase" branch present for x = 0 too. Derivatives term by term (ψ = digamma) with
 * the mixture weights w₄ = logistic(A₄ − A₃). Neumaier sum; customers with x = 0 (tₓ = 0) are summed
 * per distinct T (see {@link BgNbdData}).
 * @internal
 */
export function mbgNbdLogLikelihoodKernel(params: MbgNbdParams, data: BgNbdData, gradient?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const groups = data.frequencies;
  const k = groups.values.length;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const lgR = logGamma(r);
  const lgAB = logGamma(a + b);
  const lgB = logGamma(b);
  const total = new NeumaierSum();
  let dR = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  if (gradient) {
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let g = 0; g < k; g++) {
      const x = groups.values[g] as number;
      const w = groups.weightSums[g] as number;
      const psiABX = digamma(a + b + x + 1);
      dR += w * (digamma(r + x) - psiR + logAlpha);
      dA += w * (psiAB - psiABX);
      dB += w * (psiAB + digamma(b + x + 1) - psiB - psiABX);
    }
    dAlpha += (data.totalWeight * r) / alpha;
  }
  for (let g = 0; g < k; g++) {
    const x = groups.values[g] as number;
    const base = logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x + 1) - lgB - logGamma(a + b + x + 1);
    total.add((groups.weightSums[g] as number) * base);
  }
  // One customer's ln(e^A₃ + e^A₄) and the gradient of it.
  const mixture = (w: number, x: number, alphaT: number, alphaTx: number) => {
    const rx = r + x;
    const logAlphaT = Math.log(alphaT);
    const logAlphaTx = Math.log(alphaTx);
    const a3 = -rx * logAlphaT;
    const a4 = logA - Math.log(b + x) - rx * logAlphaTx;
    const diff = a4 - a3;
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
      dAlpha -= w * rx * (w3 / alphaT + w4 / alphaTx);
      dA += (w * w4) / a;
      dB -= (w * w4) / (b + x);
    }
  };
  for (let j = 0; j < data.zeroT.length; j++) mixture(data.zeroWeights[j] as number, 0, alpha + (data.zeroT[j] as number), alpha);
  for (let i = 0; i < data.x.length; i++) {
    mixture(data.weights[i] as number, data.x[i] as number, alpha + (data.positiveT[data.tIndex[i] as number] as number), alpha + (data.tx[i] as number));
  }
  if (gradient) {
    gradient[0] = dR;
    gradient[1] = dAlpha;
    gradient[2] = dA;
    gradient[3] = dB;
  }
  return total.value;
}

/**
 * The total MBG/NBD log-likelihood of a set of histories, on the caller's time axis.
 *
 * @remarks
 * Σᵢ wᵢ ln L(r, α, a, b | xᵢ, tₓᵢ, Tᵢ) with the likelihood of Batislam, Denizel & Filiztekin (2007,
 * eq. 6), in log space (log-gamma, log-sum-exp), summed with Neumaier compensation.
 * Edge cases: `[]` → 0; a customer with x = 0 and T = 0 contributes ln(b/(a+b) + a/(a+b)) = 0 (up to
 * rounding); unlike BG/NBD every customer, x = 0 included, carries the "dropped out at the last
 * purchase" branch. O(n).
 *
 * @param params - The MBG/NBD parameters.
 * @param histories - Histories (objects with x, tx, T) or {@link HistoryColumns} with optional weights.
 * @returns The total log-likelihood.
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is not finite and > 0;
 *   `invalid_input` if a history is invalid (every issue with its path).
 * @example
 * ```ts
 * import { mbgNbdLogLikelihood } from 'relmark/clv';
 * mbgNbdLogLikelihood({ r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }, [
 *   { x: 2, tx: 30.43, T: 38.86 },
 *   { x: 0, tx: 0, T: 38.86 },
 * ]);
 * //=> -10.0255
 * ```
 * @category CLV
 */
export function mbgNbdLogLikelihood(params: MbgNbdParams, histories: readonly HistoryPoint[] | HistoryColumns): number {
  const valid = parseParams(MbgNbdParamsSchema, params, 'mbgNbdLogLikelihood');
  const columns = historyColumnsOf(histories, 'mbgNbdLogLikelihood');
  return mbgNbdLogLikelihoodKernel(valid, prepareBgNbdData(columns));
}
