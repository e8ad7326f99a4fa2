import { RelmarkError } from '../../errors/RelmarkError.js';
import { logGamma } from '../../numeric/logGamma.js';
import { NeumaierSum } from '../../internal/sum.js';
import { type BgNbdData, prepareBgNbdData } from '../bgNbd/bgNbdData.js';
import { parseParams } from '../model/parseParams.js';
import { historyColumnsOf, type HistoryColumnsWithLitt } from '../historyColumns.js';
import { digamma } from '../../numeric/digamma.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';

/** The four continuous parameters, k held fixed. @internal */
export interface MbgCnbdKRates {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The Erlang survival sum of one customer and what its derivatives need: with m = r + k·x and
 * q = (T − tₓ)/(α + T), S = Σ_{j<k} Γ(m+j)/(Γ(m) j!) qʲ (the chance, mixed over λ, that an active
 * customer made no purchase in (tₓ, T], relative to the j = 0 term). Returns ln S, and with the
 * weights πⱼ = termⱼ/S: Σ πⱼ·Σ_{i<j} 1/(m+i) (d ln S/dr) and Σ πⱼ·j (−(α+T)·d ln S/dα).
 * Summed in log space with a max shift, so m in the millions stays finite. k = 1 → S = 1.
 * @internal
 */
export function erlangSurvivalSum(k: number, m: number, q: number, out: ErlangSurvival): void {
  out.logS = 0;
  out.dR = 0;
  out.dJ = 0;
  if (k === 1 || !(q > 0)) {
    if (Number.isNaN(q) || Number.isNaN(m)) out.logS = Number.NaN;
    return;
  }
  const logQ = Math.log(q);
  const logTerms = out.logTerms;
  const harmonics = out.harmonics;
  // ln termⱼ and Σ_{i<j} 1/(m+i), for j = 0 … k−1 (k ≤ 100, so a small fixed loop).
  let logTerm = 0;
  let harmonic = 0;
  let max = 0;
  logTerms[0] = 0;
  harmonics[0] = 0;
  for (let j = 1; j < k; j++) {
    logTerm += Math.log((m + j - 1) / j) + logQ;
    harmonic += 1 / (m + j - 1);
    logTerms[j] = logTerm;
    harmonics[j] = harmonic;
    if (logTerm > max) max = logTerm;
  }
  let sum = 0;
  let sumR = 0;
  let sumJ = 0;
  for (let j = 0; j < k; j++) {
    const e = Math.exp((logTerms[j] as number) - max);
    sum += e;
    sumR += e * (harmonics[j] as number);
    sumJ += e * j;
  }
  out.logS = max + Math.log(sum);
  out.dR = sumR / sum;
  out.dJ = sumJ / sum;
}

/** The result and scratch space of {@link erlangSurvivalSum}. @internal */
export interface ErlangSurvival {
  logS: number;
  dR: number;
  dJ: number;
  readonly logTerms: Float64Array;
  readonly harmonics: Float64Array;
}

/** Fresh result and scratch space for {@link erlangSurvivalSum} at regularity k. @internal */
export function erlangSurvival(k: number): ErlangSurvival {
  return { logS: 0, dR: 0, dJ: 0, logTerms: new Float64Array(k), harmonics: new Float64Array(k) };
}

/**
 * The weighted MBG/CNBD-k log-likelihood WITHOUT the term of the log inter-purchase times (which does
 * not depend on r, α, a, b), and its gradient with respect to (r, α, a, b) when `gradient` is given.
 *
 * @remarks
 * Per customer (Platzer & Reutterer 2016; BTYDplus `mbgcnbd.LL` without its P1):
 * ln L = ln Γ(r+kx) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b) + ln(e^A₃ + e^A₄) with
 * A₃ = −(r+kx) ln(α+T) + ln S (S from {@link erlangSurvivalSum}: still active, no purchase since tₓ)
 * and A₄ = ln a − ln(b+x) − (r+kx) ln(α+tₓ) (dropped out at the last purchase). k = 1 gives the
 * MBG/NBD kernel term for term. Neumaier sum; x = 0 customers summed per distinct T.
 * @internal
 */
export function mbgCnbdKCoreKernel(k: number, params: MbgCnbdKRates, data: BgNbdData, gradient?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const groups = data.frequencies;
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
    for (let g = 0; g < groups.values.length; g++) {
      const x = groups.values[g] as number;
      const w = groups.weightSums[g] as number;
      const psiABX = digamma(a + b + x + 1);
      dR += w * (digamma(r + k * x) - psiR + logAlpha);
      dA += w * (psiAB - psiABX);
      dB += w * (psiAB + digamma(b + x + 1) - psiB - psiABX);
    }
    dAlpha += (data.totalWeight * r) / alpha;
  }
  for (let g = 0; g < groups.values.length; g++) {
    const x = groups.values[g] as number;
    const base = logGamma(r + k * x) - lgR + r * logAlpha + lgAB + logGamma(b + x + 1) - lgB - logGamma(a + b + x + 1);
    total.add((groups.weightSums[g] as number) * base);
  }
  const survival = erlangSurvival(k);
  const mixture = (w: number, x: number, T: number, tx: number) => {
    const m = r + k * x;
    const alphaT = alpha + T;
    const alphaTx = alpha + tx;
    const logAlphaT = Math.log(alphaT);
    const logAlphaTx = Math.log(alphaTx);
    erlangSurvivalSum(k, m, (T - tx) / alphaT, survival);
    const a3 = -m * logAlphaT + survival.logS;
    const a4 = logA - Math.log(b + x) - m * logAlphaTx;
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
      dR -= w * (w3 * (logAlphaT - survival.dR) + w4 * logAlphaTx);
      dAlpha -= w * (w3 * (m + survival.dJ) / alphaT + (w4 * m) / alphaTx);
      dA += (w * w4) / a;
      dB -= (w * w4) / (b + x);
    }
  };
  for (let j = 0; j < data.zeroT.length; j++) mixture(data.zeroWeights[j] as number, 0, data.zeroT[j] as number, 0);
  for (let i = 0; i < data.x.length; i++) {
    mixture(data.weights[i] as number, data.x[i] as number, data.positiveT[data.tIndex[i] as number] as number, data.tx[i] as number);
  }
  if (gradient) {
    gradient[0] = dR;
    gradient[1] = dAlpha;
    gradient[2] = dA;
    gradient[3] = dB;
  }
  return total.value;
}

/** Σ w·litt and Σ w·x of columns (weights default to 1); `littSum` is NaN when the column is missing. @internal */
export function regularityTotals(columns: HistoryColumnsWithLitt): { littSum: number; weightedX: number } {
  const litt = new NeumaierSum();
  let weightedX = 0;
  for (let i = 0; i < columns.x.length; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    if (w === 0) continue;
    weightedX += w * (columns.x[i] as number);
    litt.add(w * (columns.litt === undefined ? Number.NaN : (columns.litt[i] as number)));
  }
  return { littSum: columns.x.length === 0 ? 0 : litt.value, weightedX };
}

/** The term of the log inter-purchase times: (k−1)·Σ w·litt − Σ w·x·ln((k−1)!); exactly 0 for k = 1. @internal */
export function regularityTerm(k: number, totals: { littSum: number; weightedX: number }): number {
  return k === 1 ? 0 : (k - 1) * totals.littSum - totals.weightedX * logGamma(k);
}

/** Throws `invalid_input` (path `['litt']`) when k > 1 and the histories carry no `litt`. @internal */
export function requireLitt(columns: HistoryColumnsWithLitt, where: string, why: string): void {
  if (columns.litt !== undefined) return;
  throw new RelmarkError('invalid_input', `${where}: the histories carry no litt (sum of log inter-purchase times)`, {
    issues: [{ code: 'missing_litt', path: ['litt'], message: `${why}; summarize with summarizeHistories(transactions, { asOf, litt: true })` }],
  });
}

/**
 * The total MBG/CNBD-k log-likelihood of a set of histories, on the caller's time axis.
 *
 * @remarks
 * Σᵢ wᵢ ln L(k, r, α, a, b | xᵢ, tₓᵢ, Tᵢ, littᵢ) with, per customer (Platzer & Reutterer 2016, as
 * BTYDplus' `mbgcnbd.LL` computes it): ln L = (k−1)·litt − x·ln((k−1)!) + ln Γ(r+kx) − ln Γ(r)
 * + r ln α + ln B(a, b+x+1) − ln B(a, b) − (r+kx) ln(α+T) + ln(a/(b+x)·((α+T)/(α+tₓ))^(r+kx) + S),
 * S = Σ_{j<k} Γ(r+kx+j)/(Γ(r+kx) j!) ((T−tₓ)/(α+T))ʲ, where litt is the sum of the logs of the
 * customer's x inter-purchase times (the Erlang-k density's Π τ^(k−1) factor). In log space
 * (log-gamma, log-sum-exp), summed with Neumaier compensation.
 * Edge cases: `[]` → 0; k = 1 → the MBG/NBD log-likelihood (litt is then not needed); a customer
 * with x = 0 and T = 0 contributes 0 (up to rounding). O(n·k).
 *
 * @param params - The MBG/CNBD-k parameters.
 * @param histories - Histories (objects with x, tx, T and, for k > 1, litt) or {@link HistoryColumnsWithLitt}
 *   with optional weights and a `litt` column.
 * @returns The total log-likelihood.
 * @throws {@link RelmarkError} `invalid_parameters` if a parameter is out of its domain;
 *   `invalid_input` if a history is invalid (every issue with its path) or, for k > 1, litt is missing.
 * @example
 * ```ts
 * import { mbgCnbdKLogLikelihood } from 'relmark/clv';
 * mbgCnbdKLogLikelihood({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, [
 *   { x: 3, tx: 20, T: 30, litt: 5.1 },
 *   { x: 0, tx: 0, T: 30, litt: 0 },
 * ]);
 * //=> -11.8283
 * ```
 * @category CLV
 */
export function mbgCnbdKLogLikelihood(params: MbgCnbdKParams, histories: readonly HistoryPoint[] | HistoryColumnsWithLitt): number {
  const valid = parseParams(MbgCnbdKParamsSchema, params, 'mbgCnbdKLogLikelihood');
  const columns = historyColumnsOf(histories, 'mbgCnbdKLogLikelihood');
  if (valid.k > 1) requireLitt(columns, 'mbgCnbdKLogLikelihood', `k = ${valid.k} needs each customer's litt`);
  return mbgCnbdKCoreKernel(valid.k, valid, prepareBgNbdData(columns)) + regularityTerm(valid.k, regularityTotals(columns));
}
