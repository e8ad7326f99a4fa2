/**
 * The frame of the seeded simulators of the continuous-time transaction models: options checking,
 * one random stream, one customer after another.
 * @internal
 * @module
 */
import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { createRandom } from '../../internal/random.js';
import type { UniformSource } from '../../internal/samplers.js';
import type { HistoryColumns } from '../historyColumns.js';
import { parseParams } from './parseParams.js';

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
