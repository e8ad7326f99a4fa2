import * as z from 'zod';

const positive = z.number().positive();

/**
 * The Gamma-Gamma spend model's parameters (Fader & Hardie 2013; Colombo & Jiang 1999): each
 * transaction's value is Gamma(shape `p`, rate ν), and across customers ν ~ Gamma(shape `q`, rate `v`).
 *
 * @remarks `v` is in money units (it scales with the currency); `p` and `q` are unit-free. The mean
 * spend of the population, v·p/(q − 1), exists only when q > 1.
 * @example
 * ```ts
 * import { GammaGammaParamsSchema } from 'relmark/clv';
 * GammaGammaParamsSchema.safeParse({ p: 6.25, q: 3.74, v: 15.44 }).success;
 * //=> true
 * ```
 * @category CLV
 */
export const GammaGammaParamsSchema = z.object({ p: positive, q: positive, v: positive });

/** Gamma-Gamma parameters. @category CLV */
export type GammaGammaParams = z.output<typeof GammaGammaParamsSchema>;
