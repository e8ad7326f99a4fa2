import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { createRandom } from '../../internal/random.js';
import { sampleBeta } from '../../internal/samplers.js';
import { parseParams } from '../model/parseParams.js';
import type { BgBbColumns } from './bgBbHistory.js';
import { BgBbParamsSchema, type BgBbParams } from './bgBbParams.js';

/** What {@link simulateBgBb} takes. @category CLV */
export interface SimulateBgBbOptions {
  /** The true parameters. */
  readonly params: BgBbParams;
  /** How many customers to simulate (an integer ≥ 0). */
  readonly customers: number;
  /** The opportunities observed after the first purchase: one integer for all, or one per customer. */
  readonly n: number | readonly number[];
  /** The seed of the random stream (an integer): the same seed gives the same histories. */
  readonly seed: number;
}

const count = z.number().int().nonnegative().max(2 ** 31 - 1);
const OptionsSchema = z
  .object({ params: z.unknown(), customers: count, n: z.union([count, z.array(count)]), seed: z.number().int() })
  .strict()
  .superRefine((o, ctx) => {
    if (Array.isArray(o.n) && o.n.length !== o.customers) {
      ctx.addIssue({ code: 'custom', path: ['n'], message: `n has ${o.n.length} entries but customers is ${o.customers}` });
    }
  });

/**
 * Simulates histories from the BG/BB model exactly, with a seeded random stream.
 *
 * @remarks
 * Per customer (Fader, Hardie & Shang 2010, §2): p ~ Beta(α, β) and θ ~ Beta(γ, δ); at each
 * opportunity t = 1 … n a customer still alive first drops out with probability θ and, if still
 * alive, transacts with probability p. x counts the transactions and tx is the last opportunity
 * with one (0 if none). Beta draws are ratios of Marsaglia–Tsang gammas fed by `createRandom(seed)`.
 * Output order: customer 0, 1, …; identical options give identical columns. O(customers × n).
 *
 * @param options - Parameters, number of customers, n and seed.
 * @returns {@link BgBbColumns} x, tx, n (no weights).
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params; `invalid_options` for a
 *   non-integer or negative `customers` or n, an n array of the wrong length or a non-integer seed.
 * @example
 * ```ts
 * import { simulateBgBb } from 'relmark/clv';
 * const sim = simulateBgBb({ params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, customers: 3, n: 6, seed: 42 });
 * [sim.x.length, Array.from(sim.n)];
 * //=> [3, [6, 6, 6]]
 * ```
 * @category CLV
 */
export function simulateBgBb(options: SimulateBgBbOptions): Required<Omit<BgBbColumns, 'weights'>> {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'simulateBgBb: invalid options', { code: 'invalid_options' });
  const { alpha, beta, gamma, delta } = parseParams(BgBbParamsSchema, options.params, 'simulateBgBb');
  const { customers, n: opportunities, seed } = parsed.data;
  const random = createRandom(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const n = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const end = typeof opportunities === 'number' ? opportunities : (opportunities[i] as number);
    const p = sampleBeta(alpha, beta, random);
    const theta = sampleBeta(gamma, delta, random);
    let count = 0;
    let last = 0;
    for (let t = 1; t <= end; t++) {
      if (random() < theta) break;
      if (random() < p) {
        count++;
        last = t;
      }
    }
    x[i] = count;
    tx[i] = last;
    n[i] = end;
  }
  return { x, tx, n };
}
