import { sampleExponential, sampleGamma } from '../../internal/samplers.js';
import { simulateHistories } from '../model/simulationFrame.js';
import type { HistoryColumns } from '../historyColumns.js';
import { type ParetoNbdParams, ParetoNbdParamsSchema } from './paretoNbdParams.js';

/** What {@link simulateParetoNbd} takes. @category CLV */
export interface SimulateParetoNbdOptions {
  /** The true parameters (α and β per time unit of T). */
  readonly params: ParetoNbdParams;
  /** How many customers to simulate (an integer ≥ 0). */
  readonly customers: number;
  /** Each customer's observation length after the first purchase: one number for all, or one per customer. */
  readonly T: number | readonly number[];
  /** The seed of the random stream (an integer): the same seed gives the same histories. */
  readonly seed: number;
}

/**
 * Simulates purchase histories from the Pareto/NBD model exactly, with a seeded random stream.
 *
 * @remarks
 * Per customer (Schmittlein, Morrison & Colombo 1987, assumptions): λ ~ Gamma(r, rate α) and
 * μ ~ Gamma(s, rate β); the lifetime τ is exponential with rate μ; from the first purchase at time 0,
 * purchases follow a Poisson process with rate λ while alive. Purchases in (0, min(τ, T)] are counted:
 * x is their number, tx the time of the last one (0 if none). Times are exact, not rounded.
 * Samplers: Marsaglia & Tsang (2000) gamma and exponential by inversion, fed by `createRandom(seed)`.
 * Output order: customer 0, 1, …; identical options give identical columns. O(customers + purchases).
 *
 * @param options - Parameters, number of customers, T and seed.
 * @returns {@link HistoryColumns} x, tx, T (no weights).
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params; `invalid_options` for a
 *   non-integer or negative `customers`, a negative or non-finite T, a T array of the wrong length or
 *   a non-integer seed.
 * @example
 * ```ts
 * import { simulateParetoNbd } from 'relmark/clv';
 * const sim = simulateParetoNbd({ params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, customers: 3, T: 39, seed: 42 });
 * [sim.x.length, Array.from(sim.T)];
 * //=> [3, [39, 39, 39]]
 * ```
 * @category CLV
 */
export function simulateParetoNbd(options: SimulateParetoNbdOptions): Required<Omit<HistoryColumns, 'weights'>> {
  return simulateHistories(options, ParetoNbdParamsSchema, 'simulateParetoNbd', ({ r, alpha, s, beta }, end, random, out) => {
    const lambda = sampleGamma(r, alpha, random);
    const mu = sampleGamma(s, beta, random);
    const observed = Math.min(end, sampleExponential(random) / mu);
    let t = 0;
    for (;;) {
      t += sampleExponential(random) / lambda;
      if (!(t <= observed)) break;
      out.count++;
      out.last = t;
    }
  });
}
