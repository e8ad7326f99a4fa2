import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { createRandom } from '../../internal/random.js';
import type { HistoryColumns } from '../historyColumns.js';
import { sampleBeta, sampleExponential, sampleGamma, type UniformSource } from '../../internal/samplers.js';
import { type BgNbdParams, BgNbdParamsSchema, parseParams } from './bgNbdParams.js';

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

/** The options schema shared by the seeded simulators (params are checked separately). @internal */
export const SimulateOptionsSchema = z
  .object({
    params: z.unknown(),
    customers: z.number().int().nonnegative().max(2 ** 31 - 1),
    T: z.union([z.number().nonnegative(), z.array(z.number().nonnegative())]),
    seed: z.number().int(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (Array.isArray(o.T) && o.T.length !== o.customers) {
      ctx.addIssue({ code: 'custom', path: ['T'], message: `T has ${o.T.length} entries but customers is ${o.customers}` });
    }
  });

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

/** One simulated customer: the number of repeat purchases and the time of the last one (0 if none). @internal */
export interface SimulatedCustomer {
  count: number;
  last: number;
}

/**
 * The frame shared by the seeded simulators: validates the options (`invalid_options`) and the
 * params (`invalid_parameters`), then asks `drawCustomer` for customer 0, 1, … in order, with one
 * `createRandom(seed)` stream and `out` reset to zero purchases, and returns the columns x, tx, T.
 * @internal
 */
export function simulateHistories<P>(
  options: unknown,
  schema: z.ZodType<P>,
  where: string,
  drawCustomer: (params: P, end: number, random: UniformSource, out: SimulatedCustomer) => void,
): Required<Omit<HistoryColumns, 'weights'>> {
  const parsed = SimulateOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  const params = parseParams(schema, (options as { params: unknown }).params, where);
  const { customers, T: horizon, seed } = parsed.data;
  const random = createRandom(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  const out: SimulatedCustomer = { count: 0, last: 0 };
  for (let i = 0; i < customers; i++) {
    const end = typeof horizon === 'number' ? horizon : (horizon[i] as number);
    out.count = 0;
    out.last = 0;
    drawCustomer(params, end, random, out);
    x[i] = out.count;
    tx[i] = out.last;
    T[i] = end;
  }
  return { x, tx, T };
}
