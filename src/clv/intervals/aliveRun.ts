/**
 * P(alive) for many draws of the parameters and many customers that share (x, T, covariates): the
 * parts of the formula that depend on (x, T) only are computed once per draw for the whole run.
 * @internal
 * @module
 */
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';
import { paretoNbdLogTail } from '../paretoNbd/paretoNbdTail.js';
import { aliveKernel, type ContinuousModel, type paramsOf } from './modelKernels.js';

type Params = ReturnType<typeof paramsOf>;

/**
 * One run of customers with the same (x, T, covariates) under `draws` parameter sets.
 * BG/NBD: ln odds(dead) = ln a − ln(b+x−1) + (r+x)·ln(α+T) − (r+x)·ln(α+tₓ): the first three terms
 * are shared. Pareto/NBD (Fader, Hardie & Lee 2005, eq. 22 in the form of
 * {@link paretoNbdLogOddsDead}): A = −(r+x) ln(α+T) − s ln(β+T) and the tail I(T) are shared; only
 * I(tₓ) is per customer. MBG/NBD uses its kernel as is.
 * @internal
 */
export class AliveRun {
  readonly #model: ContinuousModel;
  readonly #params: Params[];
  readonly #shared: Float64Array;
  readonly #tail: Float64Array;
  #x = 0;
  #T = 0;

  constructor(model: ContinuousModel, draws: number) {
    this.#model = model;
    this.#params = new Array<Params>(draws);
    this.#shared = new Float64Array(draws);
    this.#tail = new Float64Array(draws);
  }

  /** The parameters of draw d in the current run. */
  params(d: number): Params {
    return this.#params[d] as Params;
  }

  /** Starts a run: stores each draw's parameters and the shared parts for (x, T). */
  start(paramsFor: (d: number) => Params, x: number, T: number): void {
    this.#x = x;
    this.#T = T;
    for (let d = 0; d < this.#params.length; d++) {
      const p = paramsFor(d);
      this.#params[d] = p;
      if (this.#model === 'bg-nbd') {
        const { r, alpha, a, b } = p as BgNbdParams;
        this.#shared[d] = x === 0 ? 0 : Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log(alpha + T);
      } else if (this.#model === 'pareto-nbd') {
        const { r, alpha, s, beta } = p as ParetoNbdParams;
        this.#shared[d] = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        this.#tail[d] = paretoNbdLogTail(r, alpha, s, beta, x, T);
      }
    }
  }

  /** P(alive) of a customer of the run with recency tₓ, per draw, into `out`. */
  fill(tx: number, out: Float64Array): void {
    const x = this.#x;
    const T = this.#T;
    const n = this.#params.length;
    if (this.#model === 'bg-nbd') {
      if (x === 0) {
        out.fill(1, 0, n);
        return;
      }
      for (let d = 0; d < n; d++) {
        const { r, alpha } = this.#params[d] as BgNbdParams;
        out[d] = 1 / (1 + Math.exp((this.#shared[d] as number) - (r + x) * Math.log(alpha + tx)));
      }
      return;
    }
    if (this.#model === 'pareto-nbd') {
      for (let d = 0; d < n; d++) {
        const { r, alpha, s, beta } = this.#params[d] as ParetoNbdParams;
        const c = this.#tail[d] as number;
        const b = tx === T ? c : paretoNbdLogTail(r, alpha, s, beta, x, tx);
        if (Number.isNaN(b) || Number.isNaN(c)) out[d] = Number.NaN;
        else if (!(c < b)) out[d] = 1;
        else out[d] = 1 / (1 + Math.exp(Math.log(s) + b + Math.log(-Math.expm1(c - b)) - (this.#shared[d] as number)));
      }
      return;
    }
    for (let d = 0; d < n; d++) out[d] = aliveKernel(this.#model, this.#params[d] as Params, x, tx, T);
  }
}
