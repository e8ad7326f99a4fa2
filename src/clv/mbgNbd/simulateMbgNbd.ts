import { sampleBeta, sampleExponential, sampleGamma } from '../../internal/samplers.js';
import { simulateHistories } from '../model/simulationFrame.js';
import type { HistoryColumns } from '../historyColumns.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';

/** What {@link simulateMbgNbd} takes. @category CLV */
export interface SimulateMbgNbdOptions {
  /** The true parameters (α per time unit of T). */
  readonly params: MbgNbdParams;
  /** How many customers to simulate (an integer ≥ 0). */
  readonly customers: number;
  /** Each customer's observation length after the first purchase: one number for all, or one per customer. */
  readonly T: number | readonly number[];
  /** The seed of the random stream (an integer): the same seed gives the same histories. */
  readonly seed: number;
}

/**
 * Simulates purchase histories from the MBG/NBD model exactly, with a seeded random stream.
 *
 * @remarks
 * Per customer (Batislam, Denizel & Filiztekin 2007, assumptions): λ ~ Gamma(r, rate α) and
 * p ~ Beta(a, b); at the first purchase (time 0) and after each repeat purchase the customer drops
 * out with probability p; while alive, purchases follow a Poisson process with rate λ. Purchases in
 * (0, T] are counted: x is their number, tx the time of the last one (0 if none). Times are exact.
 * Samplers as {@link simulateBgNbd}, fed by `createRandom(seed)`. Output order: customer 0, 1, …;
 * identical options give identical columns. O(customers + purchases).
 *
 * @param options - Parameters, number of customers, T and seed.
 * @returns {@link HistoryColumns} x, tx, T (no weights).
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params; `invalid_options` for a
 *   non-integer or negative `customers`, a negative or non-finite T, a T array of the wrong length or
 *   a non-integer seed.
 * @example
 * ```ts
 * import { simulateMbgNbd } from 'relmark/clv';
 * const sim = simulateMbgNbd({ params: { r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, customers: 3, T: 39, seed: 42 });
 * [sim.x.length, Array.from(sim.T)];
 * //=> [3, [39, 39, 39]]
 * ```
 * @category CLV
 */
export function simulateMbgNbd(options: SimulateMbgNbdOptions): Required<Omit<HistoryColumns, 'weights'>> {
  return simulateHistories(options, MbgNbdParamsSchema, 'simulateMbgNbd', ({ r, alpha, a, b }, end, random, out) => {
    const lambda = sampleGamma(r, alpha, random);
    const p = sampleBeta(a, b, random);
    let t = 0;
    // The dropout chance at the first purchase comes before any repeat purchase.
    while (!(random() < p)) {
      t += sampleExponential(random) / lambda;
      if (!(t <= end)) break;
      out.count++;
      out.last = t;
    }
  });
}
