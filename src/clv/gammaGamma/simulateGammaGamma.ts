import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';
import { createRandom } from '../../internal/random.js';
import { parseParams } from '../model/parseParams.js';
import { sampleLogGamma } from '../../internal/samplers.js';
import { type GammaGammaParams, GammaGammaParamsSchema } from './gammaGammaParams.js';

/** What {@link simulateGammaGamma} takes. @category CLV */
export interface SimulateGammaGammaOptions {
  /** The true parameters. */
  readonly params: GammaGammaParams;
  /** Each customer's number of repeat purchases (integers ≥ 0), e.g. `simulateBgNbd(…).x`. */
  readonly x: ArrayLike<number>;
  /** The seed of the random stream (an integer). */
  readonly seed: number;
}

const OptionsSchema = z
  .object({ params: z.unknown(), x: z.custom<ArrayLike<number>>((v) => typeof v === 'object' && v !== null && 'length' in v), seed: z.number().int() })
  .strict();

/**
 * Simulates each customer's mean repeat-purchase value under the Gamma-Gamma model, with a seeded
 * random stream.
 *
 * @remarks
 * Per customer (Fader & Hardie 2013): ν ~ Gamma(q, rate v); the x transaction values are
 * Gamma(p, rate ν), so their sum is Gamma(p·x, rate ν) and z̄ = sum / x (0 when x = 0). Gamma variates
 * by Marsaglia & Tsang (2000), fed by `createRandom(seed)`. Output order: input order; identical
 * options give identical values. O(n).
 *
 * @param options - Parameters, repeat-purchase counts and seed.
 * @returns The mean spend z̄ of each customer.
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_options` for a non-integer seed or an x
 *   that is not an integer ≥ 0 (path `['x', i]`).
 * @example
 * ```ts
 * import { simulateGammaGamma } from 'relmark/clv';
 * const spend = simulateGammaGamma({ params: { p: 6.25, q: 3.74, v: 15.44 }, x: [0, 2, 5], seed: 1 });
 * [spend.length, spend[0], (spend[1] ?? 0) > 0];
 * //=> [3, 0, true]
 * ```
 * @category CLV
 */
export function simulateGammaGamma(options: SimulateGammaGammaOptions): Float64Array {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'simulateGammaGamma: invalid options', { code: 'invalid_options' });
  const { p, q, v } = parseParams(GammaGammaParamsSchema, options.params, 'simulateGammaGamma');
  const { x, seed } = parsed.data;
  const issues = [];
  for (let i = 0; i < x.length && issues.length < 1000; i++) {
    const xi = x[i] as number;
    if (!(Number.isInteger(xi) && xi >= 0)) issues.push({ code: 'invalid_value', path: ['x', i], message: `x must be an integer ≥ 0, received ${xi}` });
  }
  if (issues.length > 0) throw new RelmarkError('invalid_options', 'simulateGammaGamma: invalid x', { issues });
  const random = createRandom(seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const logNu = sampleLogGamma(q, random) - Math.log(v);
    if (xi === 0) continue;
    out[i] = Math.exp(sampleLogGamma(p * xi, random) - logNu) / xi;
  }
  return out;
}
