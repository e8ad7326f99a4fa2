/**
 * Seeded simulation of Pareto/NBD histories with time-invariant covariates, for tests and
 * benchmarks of the covariate fit.
 * @internal
 * @module
 */
import { createRandom } from '../../internal/random.js';
import { sampleExponential, sampleGamma, sampleNormal } from '../../internal/samplers.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';

/** A simulated history with its covariates. @internal */
export interface SimulatedCovariateHistory {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly covariates: Record<string, number>;
}

/**
 * `customers` Pareto/NBD histories observed for T each: covariates `c0, c1, …` (c0 a 0/1 indicator
 * with probability ½, the others standard normal), λᵢ ~ Gamma(r, α₀·e^(−γₚᵀxᵢ)), μᵢ ~ Gamma(s,
 * β₀·e^(−γ_dᵀxᵢ)), exponential lifetime and purchase gaps. Deterministic in `seed`.
 * @internal
 */
export function simulateParetoNbdWithCovariates(options: {
  readonly params: ParetoNbdParams;
  readonly purchase: readonly number[];
  readonly dropout: readonly number[];
  readonly customers: number;
  readonly T: number | ((i: number) => number);
  readonly seed: number;
}): SimulatedCovariateHistory[] {
  const random = createRandom(options.seed);
  const k = Math.max(options.purchase.length, options.dropout.length);
  const out: SimulatedCovariateHistory[] = [];
  for (let i = 0; i < options.customers; i++) {
    const covariates: Record<string, number> = {};
    const values: number[] = [];
    for (let j = 0; j < k; j++) {
      const value = j === 0 ? (random() < 0.5 ? 1 : 0) : sampleNormal(random);
      values.push(value);
      covariates[`c${j}`] = value;
    }
    const dot = (gamma: readonly number[]) => gamma.reduce((sum, g, j) => sum + g * (values[j] as number), 0);
    const T = typeof options.T === 'number' ? options.T : options.T(i);
    const lambda = sampleGamma(options.params.r, options.params.alpha * Math.exp(-dot(options.purchase)), random);
    const mu = sampleGamma(options.params.s, options.params.beta * Math.exp(-dot(options.dropout)), random);
    const end = Math.min(T, sampleExponential(random) / mu);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += sampleExponential(random) / lambda;
      if (!(t <= end)) break;
      x++;
      last = t;
    }
    out.push({ customerId: String(i), x, tx: last, T, covariates });
  }
  return out;
}
