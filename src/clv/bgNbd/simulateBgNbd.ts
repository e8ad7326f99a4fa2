import { sampleBeta, sampleExponential, sampleGamma } from '../../internal/samplers.js';
import type { HistoryColumns } from '../historyColumns.js';
import { simulateHistories } from '../model/simulationFrame.js';
import { type BgNbdParams, BgNbdParamsSchema } from './bgNbdParams.js';

/** What {@link simulateBgNbd} takes. @category CLV */
export interface SimulateBgNbdOptions {
  /** The true parameters (α per time unit of T). */
  readonly params: BgNbdParams;
  /** How many customers to simulate (an integer ≥ 0). */
  readonly customers: number;
  /** Each customer's observation length after the first purchase: one number for all, or one per customer. */
  readonly T: number | readonly number[];
  /** The seed of the random stream (an integer): the same seed gives the same histories. */
  readonly seed: number;
}

/**
 * Simulates purchase histories from the BG/NBD model exactly, with a seeded random stream.
 *
 * @remarks
 * Per customer (Fader, Hardie & Lee 2005, assumptions i–v): λ ~ Gamma(r, rate α) and p ~ Beta(a, b);
 * from the first purchase at time 0, purchases follow a Poisson process with rate λ (exponential
 * gaps), and after each repeat purchase the customer drops out with probability p. Purchases in
 * (0, T] are counted: x is their number, tx the time of the last one (0 if none). Times are exact
 * (not rounded to whole periods, which is what biases lifetimes' generator: r ≈ 0.27 instead of 0.243).
 * Samplers: Marsaglia & Tsang (2000) for gamma, beta as a ratio of gammas, exponential by inversion,
 * all fed by `createRandom(seed)`. Output order: customer 0, 1, …; identical options give identical
 * columns. O(customers + purchases).
 *
 * @param options - Parameters, number of customers, T and seed.
 * @returns {@link HistoryColumns} x, tx, T (no weights).
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params; `invalid_options` for a
 *   non-integer or negative `customers`, a negative or non-finite T, a T array of the wrong length or
 *   a non-integer seed.
 * @example
 * ```ts
 * import { simulateBgNbd } from 'relmark/clv';
 * const sim = simulateBgNbd({ params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers: 3, T: 39, seed: 42 });
 * [sim.x.length, Array.from(sim.T)];
 * //=> [3, [39, 39, 39]]
 * ```
 * @category CLV
 */
export function simulateBgNbd(options: SimulateBgNbdOptions): Required<Omit<HistoryColumns, 'weights'>> {
  return simulateHistories(options, BgNbdParamsSchema, 'simulateBgNbd', ({ r, alpha, a, b }, end, random, out) => {
    const lambda = sampleGamma(r, alpha, random);
    const p = sampleBeta(a, b, random);
    let t = 0;
    for (;;) {
      t += sampleExponential(random) / lambda;
      if (!(t <= end)) break;
      out.count++;
      out.last = t;
      if (random() < p) break;
    }
  });
}
