import { NeumaierSum } from '../../internal/sum.js';
import { digamma } from '../../numeric/digamma.js';
import { logGamma } from '../../numeric/logGamma.js';
import { type FrequencyGroups, groupByFrequency } from '../frequencyGroups.js';
import type { GammaGammaParams } from './gammaGammaParams.js';

/** Repeat buyers as columns: x ≥ 1 and mean spend z̄ > 0 per row, optional weights. @category CLV */
export interface SpendColumns {
  readonly x: Float64Array;
  readonly monetaryMean: Float64Array;
  readonly weights?: Float64Array;
}

/**
 * The weighted Gamma-Gamma log-likelihood and, when `gradient` is given, its derivatives with
 * respect to (p, q, v).
 *
 * @remarks
 * Per customer (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value", eq. 4, for the mean
 * z̄ of x values): ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x
 * − (px+q) ln(v + x z̄). Terms that depend only on x are computed once per distinct x. Rows need x ≥ 1
 * and z̄ > 0. Neumaier-summed. O(n + k).
 * @internal
 */
export function gammaGammaLogLikelihoodKernel(
  params: GammaGammaParams,
  columns: SpendColumns,
  gradient?: Float64Array,
  groups: FrequencyGroups = groupByFrequency(columns.x, columns.weights),
): number {
  const { p, q, v } = params;
  const k = groups.values.length;
  const base = new Float64Array(k);
  const dBaseP = new Float64Array(k);
  const dBaseQ = new Float64Array(k);
  const lgQ = logGamma(q);
  const psiQ = digamma(q);
  const logV = Math.log(v);
  for (let g = 0; g < k; g++) {
    const x = groups.values[g] as number;
    base[g] = logGamma(p * x + q) - logGamma(p * x) - lgQ + q * logV + p * x * Math.log(x);
    if (gradient) {
      const psiPxQ = digamma(p * x + q);
      dBaseP[g] = x * (psiPxQ - digamma(p * x) + Math.log(x));
      dBaseQ[g] = psiPxQ - psiQ + logV;
    }
  }
  const logLikelihood = new NeumaierSum();
  let dP = 0;
  let dQ = 0;
  let dV = 0;
  const n = columns.x.length;
  for (let i = 0; i < n; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    if (w === 0) continue;
    const x = columns.x[i] as number;
    const z = columns.monetaryMean[i] as number;
    const logZ = Math.log(z);
    const total = v + x * z;
    const logTotal = Math.log(total);
    const shape = p * x + q;
    logLikelihood.add(w * ((p * x - 1) * logZ - shape * logTotal));
    if (gradient) {
      dP += w * x * (logZ - logTotal);
      dQ -= w * logTotal;
      dV -= (w * shape) / total;
    }
  }
  let weightSum = 0;
  for (let g = 0; g < k; g++) {
    const wg = groups.weightSums[g] as number;
    weightSum += wg;
    logLikelihood.add(wg * (base[g] as number));
    dP += wg * (dBaseP[g] as number);
    dQ += wg * (dBaseQ[g] as number);
  }
  if (gradient) {
    gradient[0] = dP;
    gradient[1] = dQ;
    gradient[2] = dV + (weightSum * q) / v;
  }
  return logLikelihood.value;
}
