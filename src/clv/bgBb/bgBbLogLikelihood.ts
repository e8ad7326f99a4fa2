import { NeumaierSum } from '../../internal/sum.js';
import { logGamma } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { digamma } from '../../numeric/digamma.js';
import { type BgBbColumns, bgBbColumnsOf, type BgBbHistory } from './bgBbHistory.js';
import { type BgBbParams, BgBbParamsSchema } from './bgBbParams.js';

/** Distinct (x, tx, n) patterns with their summed weights: the likelihood needs one term per pattern. @internal */
export interface BgBbPatterns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly weights: Float64Array;
  /** Σ w over all rows. */
  readonly totalWeight: number;
}

/**
 * Merges rows with the same (x, tx, n) and drops rows of weight 0. Patterns keep the order of
 * their first appearance, so the result is deterministic. O(rows) expected time.
 * @internal
 */
export function bgBbPatterns(columns: BgBbColumns): BgBbPatterns {
  const rowOf = new Map<number, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const n: number[] = [];
  const weights: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < columns.x.length; i++) {
    const w = columns.weights === undefined ? 1 : (columns.weights[i] as number);
    if (w === 0) continue;
    totalWeight += w;
    const xi = columns.x[i] as number;
    const ti = columns.tx[i] as number;
    const ni = columns.n[i] as number;
    // A collision-free numeric key for integer triples below 2^17 each; larger ones fall back to a string.
    const key = ni < 131072 ? (xi * 131072 + ti) * 131072 + ni : Number.NaN;
    const found = Number.isNaN(key) ? undefined : rowOf.get(key);
    if (found === undefined) {
      if (!Number.isNaN(key)) rowOf.set(key, x.length);
      x.push(xi);
      tx.push(ti);
      n.push(ni);
      weights.push(w);
    } else {
      weights[found] = (weights[found] as number) + w;
    }
  }
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), n: Float64Array.from(n), weights: Float64Array.from(weights), totalWeight };
}

/**
 * ln L of one pattern and, if `gradient` is given, d ln L / d(α, β, γ, δ) written into it.
 *
 * ln L = ln[e^F + Σ_{i=0}^{n−tx−1} e^{Sᵢ}] − ln B(α, β) − ln B(γ, δ), with
 * F = ln B(α+x, β+n−x) + ln B(γ, δ+n) (alive through all n opportunities) and
 * Sᵢ = ln B(α+x, β+tx−x+i) + ln B(γ+1, δ+tx+i) (dropped out at opportunity tx+i+1)
 * (Fader, Hardie & Shang 2010, eq. 5). Successive Sᵢ differ by logs of ratios, and their digamma
 * derivatives by reciprocals, so the sum costs O(n − tx) without further log-gamma calls. The
 * mixture is summed with a running max shift.
 * @internal
 */
export function bgBbPatternLogLikelihood(params: BgBbParams, x: number, tx: number, n: number, gradient?: Float64Array): number {
  const { alpha, beta, gamma, delta } = params;
  const withGradient = gradient !== undefined;
  // The final term F.
  const lgAx = logGamma(alpha + x);
  let max = lgAx + logGamma(beta + n - x) - logGamma(alpha + beta + n) + logGamma(gamma) + logGamma(delta + n) - logGamma(gamma + delta + n);
  let sum = 1;
  let gA = 0;
  let gB = 0;
  let gG = 0;
  let gD = 0;
  const psiAx = withGradient ? digamma(alpha + x) : 0;
  if (withGradient) {
    const psiAbn = digamma(alpha + beta + n);
    const psiGdn = digamma(gamma + delta + n);
    gA = psiAx - psiAbn;
    gB = digamma(beta + n - x) - psiAbn;
    gG = digamma(gamma) - psiGdn;
    gD = digamma(delta + n) - psiGdn;
  }
  if (tx < n) {
    // S₀ and its derivatives; then step i → i+1 by the recurrences Γ(z+1) = zΓ(z), ψ(z+1) = ψ(z) + 1/z.
    const m0 = beta + tx - x; // β + tx − x + i
    const ab0 = alpha + beta + tx; // α + β + tx + i
    const d0 = delta + tx; // δ + tx + i
    const gd0 = gamma + delta + 1 + tx; // γ + δ + 1 + tx + i
    let s = lgAx + logGamma(m0) - logGamma(ab0) + logGamma(gamma + 1) + logGamma(d0) - logGamma(gd0);
    let psiM = 0;
    let psiAb = 0;
    let psiD = 0;
    let psiGd = 0;
    const psiG1 = withGradient ? digamma(gamma + 1) : 0;
    if (withGradient) {
      psiM = digamma(m0);
      psiAb = digamma(ab0);
      psiD = digamma(d0);
      psiGd = digamma(gd0);
    }
    for (let i = 0; i < n - tx; i++) {
      if (i > 0) {
        const m = m0 + i - 1;
        const ab = ab0 + i - 1;
        const d = d0 + i - 1;
        const gd = gd0 + i - 1;
        s += Math.log(m / ab) + Math.log(d / gd);
        if (withGradient) {
          psiM += 1 / m;
          psiAb += 1 / ab;
          psiD += 1 / d;
          psiGd += 1 / gd;
        }
      }
      // Add e^s to the running sum Σ e^(term − max), rescaling when s is the new maximum.
      let weight: number;
      if (s > max) {
        const scale = Math.exp(max - s);
        sum *= scale;
        gA *= scale;
        gB *= scale;
        gG *= scale;
        gD *= scale;
        max = s;
        weight = 1;
      } else weight = Math.exp(s - max);
      sum += weight;
      if (withGradient) {
        gA += weight * (psiAx - psiAb);
        gB += weight * (psiM - psiAb);
        gG += weight * (psiG1 - psiGd);
        gD += weight * (psiD - psiGd);
      }
    }
  }
  const logNorm = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta) + logGamma(gamma) + logGamma(delta) - logGamma(gamma + delta);
  if (withGradient) {
    const psiAB = digamma(alpha + beta);
    const psiGD = digamma(gamma + delta);
    gradient[0] = gA / sum - (digamma(alpha) - psiAB);
    gradient[1] = gB / sum - (digamma(beta) - psiAB);
    gradient[2] = gG / sum - (digamma(gamma) - psiGD);
    gradient[3] = gD / sum - (digamma(delta) - psiGD);
  }
  return max + Math.log(sum) - logNorm;
}

/**
 * Σ w ln L over patterns (a Neumaier sum) and, if `gradient` is given, its derivatives with respect
 * to (α, β, γ, δ). O(Σ over patterns of (n − tx + 1)).
 * @internal
 */
export function bgBbLogLikelihoodKernel(params: BgBbParams, patterns: BgBbPatterns, gradient?: Float64Array): number {
  const total = new NeumaierSum();
  const one = gradient === undefined ? undefined : new Float64Array(4);
  if (gradient !== undefined) gradient.fill(0);
  for (let k = 0; k < patterns.x.length; k++) {
    const w = patterns.weights[k] as number;
    total.add(w * bgBbPatternLogLikelihood(params, patterns.x[k] as number, patterns.tx[k] as number, patterns.n[k] as number, one));
    if (gradient !== undefined && one !== undefined) for (let j = 0; j < 4; j++) gradient[j] = (gradient[j] as number) + w * (one[j] as number);
  }
  return total.value;
}

/**
 * The total BG/BB log-likelihood Σ wᵢ ln L(α, β, γ, δ | xᵢ, txᵢ, nᵢ) of a set of histories.
 *
 * @remarks
 * L = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ) + Σ_{i=0}^{n−tx−1} B(α+x, β+tx−x+i)/B(α, β) ·
 * B(γ+1, δ+tx+i)/B(γ, δ) (Fader, Hardie & Shang 2010, "Customer-base analysis in a
 * discrete-time noncontractual setting", Marketing Science 29(6), eq. 5), summed in log space
 * with a max shift and totalled with compensated (Neumaier) summation. Rows with the same
 * (x, tx, n) are evaluated once.
 * Edge cases: no customers → 0; a customer with n = 0 contributes ln 1 = 0; weight-0 rows are ignored.
 * O(rows + Σ over distinct patterns of (n − tx + 1)).
 *
 * @param params - BG/BB parameters.
 * @param histories - Histories as objects `{ x, tx, n }` or as {@link BgBbColumns} with weights.
 * @returns The total log-likelihood.
 * @throws {@link RelmarkError} `invalid_parameters` for parameters that are not finite and > 0;
 *   `invalid_input` for invalid histories (every issue with its path).
 * @example
 * ```ts
 * import { bgBbLogLikelihood } from 'relmark/clv';
 * bgBbLogLikelihood({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, [{ x: 6, tx: 6, n: 6 }]);
 * //=> -2.1822
 * ```
 * @category CLV
 */
export function bgBbLogLikelihood(params: BgBbParams, histories: readonly BgBbHistory[] | BgBbColumns): number {
  const p = parseParams(BgBbParamsSchema, params, 'bgBbLogLikelihood');
  return bgBbLogLikelihoodKernel(p, bgBbPatterns(bgBbColumnsOf(histories, 'bgBbLogLikelihood')));
}
