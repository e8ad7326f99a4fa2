import { fromZodError } from '../../errors/fromZodError.js';
import { createRandom } from '../../internal/random.js';
import { sampleBeta, sampleExponential, sampleGamma } from '../../internal/samplers.js';
import { parseParams } from '../model/parseParams.js';
import { SimulateOptionsSchema } from '../model/simulationFrame.js';
import type { HistoryColumnsWithLitt } from '../historyColumns.js';
import { type MbgCnbdKParams, MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';

/** What {@link simulateMbgCnbdK} takes. @category CLV */
export interface SimulateMbgCnbdKOptions {
  /** The true parameters (α per time unit of T). */
  readonly params: MbgCnbdKParams;
  /** How many customers to simulate (an integer ≥ 0). */
  readonly customers: number;
  /** Each customer's observation length after the first purchase: one number for all, or one per customer. */
  readonly T: number | readonly number[];
  /** The seed of the random stream (an integer): the same seed gives the same histories. */
  readonly seed: number;
}

/**
 * Simulates purchase histories from the MBG/CNBD-k model exactly, with a seeded random stream.
 *
 * @remarks
 * Per customer (Platzer & Reutterer 2016; as BTYDplus' `mbgcnbd.GenerateData`): λ ~ Gamma(r, rate α)
 * and p ~ Beta(a, b); at the first purchase (time 0) and after each repeat purchase the customer
 * drops out with probability p; while active, the gaps between purchases are Erlang-k with rate λ
 * (a sum of k exponential gaps). Purchases in (0, T] are counted: x is their number, tx the time of
 * the last one (0 if none) and litt the sum of the logs of the x gaps. Times are exact. Samplers as
 * {@link simulateBgNbd}, fed by `createRandom(seed)`. Output order: customer 0, 1, …; identical
 * options give identical columns. O(customers + k·purchases).
 *
 * @param options - Parameters, number of customers, T and seed.
 * @returns {@link HistoryColumnsWithLitt} x, tx, T and litt (no weights).
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params; `invalid_options` for a
 *   non-integer or negative `customers`, a negative or non-finite T, a T array of the wrong length or
 *   a non-integer seed.
 * @example
 * ```ts
 * import { simulateMbgCnbdK } from 'relmark/clv';
 * const sim = simulateMbgCnbdK({ params: { k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, customers: 3, T: 52, seed: 42 });
 * [sim.x.length, sim.litt.length, Array.from(sim.T)];
 * //=> [3, 3, [52, 52, 52]]
 * ```
 * @category CLV
 */
export function simulateMbgCnbdK(options: SimulateMbgCnbdKOptions): Required<Omit<HistoryColumnsWithLitt, 'weights'>> {
  const parsed = SimulateOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'simulateMbgCnbdK: invalid options', { code: 'invalid_options' });
  const { k, r, alpha, a, b } = parseParams(MbgCnbdKParamsSchema, (options as { params: unknown }).params, 'simulateMbgCnbdK');
  const { customers, T: horizon, seed } = parsed.data;
  const random = createRandom(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  const litt = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const end = typeof horizon === 'number' ? horizon : (horizon[i] as number);
    const lambda = sampleGamma(r, alpha, random);
    const p = sampleBeta(a, b, random);
    let t = 0;
    let count = 0;
    let last = 0;
    let logSum = 0;
    // The dropout chance at the first purchase comes before any repeat purchase.
    while (!(random() < p)) {
      let gap = 0;
      for (let j = 0; j < k; j++) gap += sampleExponential(random);
      gap /= lambda;
      t += gap;
      if (!(t <= end)) break;
      count++;
      last = t;
      logSum += Math.log(gap);
    }
    x[i] = count;
    tx[i] = last;
    T[i] = end;
    litt[i] = logSum;
  }
  return { x, tx, T, litt };
}
