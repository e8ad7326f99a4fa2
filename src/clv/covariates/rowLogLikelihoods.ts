/**
 * One customer's log-likelihood with its gradient in the four model parameters: the building block
 * of the covariate fits, where every customer has its own α (and β, or a and b).
 * @internal
 * @module
 */
import { logBeta, logGamma } from '../../numeric/logGamma.js';
import { digamma } from '../../numeric/digamma.js';
import { paretoNbdLogTail } from '../paretoNbd/paretoNbdTail.js';

/**
 * ln Γ(r+x) − ln Γ(r) and ψ(r+x) − ψ(r) for one r and small integer x, memoised: every customer
 * shares r, so a likelihood evaluation computes them once per distinct x instead of once per row.
 * @internal
 */
export class GammaMemo {
  #r = Number.NaN;
  readonly #logGamma = new Float64Array(1024);
  readonly #digamma = new Float64Array(1024);
  readonly #filled = new Uint8Array(1024);
  #lgR = 0;
  #psiR = 0;

  /** Writes [ln Γ(r+x) − ln Γ(r), ψ(r+x) − ψ(r)] into `out`. */
  terms(r: number, x: number, out: Float64Array): void {
    if (r !== this.#r) {
      this.#r = r;
      this.#filled.fill(0);
      this.#lgR = logGamma(r);
      this.#psiR = digamma(r);
    }
    if (x < 1024 && this.#filled[x] === 1) {
      out[0] = this.#logGamma[x] as number;
      out[1] = this.#digamma[x] as number;
      return;
    }
    const lg = logGamma(r + x) - this.#lgR;
    const psi = digamma(r + x) - this.#psiR;
    if (x < 1024) {
      this.#logGamma[x] = lg;
      this.#digamma[x] = psi;
      this.#filled[x] = 1;
    }
    out[0] = lg;
    out[1] = psi;
  }
}

const gammaTerms = new Float64Array(2);
const dB = new Float64Array(4);
const dC = new Float64Array(4);

/**
 * ln L of one Pareto/NBD customer at (r, α, s, β) = `p`, writing ∂/∂(r, α, s, β) into `gradient`.
 *
 * @remarks Fader, Hardie & Lee (2005, "A note on deriving the Pareto/NBD model", eq. 22):
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(e^A + e^B − e^C) with
 * A = −(r+x) ln(α+T) − s ln(β+T), B = ln s + ln I(tₓ), C = ln s + ln I(T) (I from
 * {@link paretoNbdLogTail}, whose derivatives are term by term). NaN when the tail series fails.
 * @internal
 */
export function paretoNbdRowLogLikelihood(p: ArrayLike<number>, x: number, tx: number, T: number, gradient: Float64Array, memo: GammaMemo): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  const logAlphaT = Math.log(alpha + T);
  const logBetaT = Math.log(beta + T);
  const a = -(r + x) * logAlphaT - s * logBetaT;
  const logS = Math.log(s);
  const b = logS + paretoNbdLogTail(r, alpha, s, beta, x, tx, dB);
  const c = logS + (tx === T ? b - logS : paretoNbdLogTail(r, alpha, s, beta, x, T, dC));
  if (tx === T) dC.set(dB);
  const logDifference = c < b ? b + Math.log(-Math.expm1(c - b)) : Number.NEGATIVE_INFINITY;
  const max = Math.max(a, logDifference);
  const logBracket = max + Math.log1p(Math.exp(Math.min(a, logDifference) - max));
  const wA = Math.exp(a - logBracket);
  const wB = logDifference === Number.NEGATIVE_INFINITY ? 0 : Math.exp(b - logBracket);
  const wC = logDifference === Number.NEGATIVE_INFINITY ? 0 : Math.exp(c - logBracket);
  // ∂A, with ∂(ln s)/∂s = 1/s added to B and C.
  memo.terms(r, x, gammaTerms);
  gradient[0] = (gammaTerms[1] as number) + Math.log(alpha) + wA * -logAlphaT + wB * (dB[0] as number) - wC * (dC[0] as number);
  gradient[1] = r / alpha + (wA * -(r + x)) / (alpha + T) + wB * (dB[1] as number) - wC * (dC[1] as number);
  gradient[2] = Math.log(beta) + wA * -logBetaT + wB * ((dB[2] as number) + 1 / s) - wC * ((dC[2] as number) + 1 / s);
  gradient[3] = s / beta + (wA * -s) / (beta + T) + wB * (dB[3] as number) - wC * (dC[3] as number);
  return (gammaTerms[0] as number) + r * Math.log(alpha) + s * Math.log(beta) + logBracket;
}

/**
 * ln L of one BG/NBD customer at (r, α, a, b) = `p`, writing ∂/∂(r, α, a, b) into `gradient`.
 *
 * @remarks Fader, Hardie & Lee (2005, "Counting your customers the easy way", eq. 6):
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(e^P + [x > 0]·e^Q) with
 * P = −(r+x) ln(α+T), Q = ln a − ln(b+x−1) − (r+x) ln(α+tₓ). Derivatives through digamma.
 * @internal
 */
export function bgNbdRowLogLikelihood(p: ArrayLike<number>, x: number, tx: number, T: number, gradient: Float64Array, memo: GammaMemo): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const a = p[2] as number;
  const b = p[3] as number;
  const logAlphaT = Math.log(alpha + T);
  const P = -(r + x) * logAlphaT;
  let logBracket = P;
  let wP = 1;
  let wQ = 0;
  let logAlphaTx = 0;
  if (x > 0) {
    logAlphaTx = Math.log(alpha + tx);
    const Q = Math.log(a) - Math.log(b + x - 1) - (r + x) * logAlphaTx;
    const max = Math.max(P, Q);
    logBracket = max + Math.log1p(Math.exp(Math.min(P, Q) - max));
    wP = Math.exp(P - logBracket);
    wQ = Math.exp(Q - logBracket);
  }
  const psiABX = digamma(a + b + x);
  const psiAB = digamma(a + b);
  memo.terms(r, x, gammaTerms);
  gradient[0] = (gammaTerms[1] as number) + Math.log(alpha) - wP * logAlphaT - wQ * logAlphaTx;
  gradient[1] = r / alpha - (wP * (r + x)) / (alpha + T) - (x > 0 ? (wQ * (r + x)) / (alpha + tx) : 0);
  gradient[2] = psiAB - psiABX + (x > 0 ? wQ / a : 0);
  gradient[3] = digamma(b + x) - psiABX - digamma(b) + psiAB - (x > 0 ? wQ / (b + x - 1) : 0);
  return (gammaTerms[0] as number) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b) + logBracket;
}
