import * as z from 'zod';

const positive = z.number().positive();

/**
 * The four Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): the purchase rate
 * λ ~ Gamma(shape `r`, rate `alpha`) and the dropout rate μ ~ Gamma(shape `s`, rate `beta`).
 *
 * @remarks `alpha` and `beta` are rates per time unit of the fit (per week when times are in weeks).
 * All four must be finite and > 0. A customer's lifetime is exponential with rate μ, so unlike
 * BG/NBD a customer can drop out at any moment, also before the first repeat purchase.
 * @example
 * ```ts
 * import { ParetoNbdParamsSchema } from 'relmark/clv';
 * ParetoNbdParamsSchema.safeParse({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }).success;
 * //=> true
 * ParetoNbdParamsSchema.safeParse({ r: 0.553, alpha: 10.578, s: -1, beta: 11.669 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const ParetoNbdParamsSchema = z.object({ r: positive, alpha: positive, s: positive, beta: positive });

/** Pareto/NBD parameters (see {@link ParetoNbdParamsSchema}). @category CLV */
export type ParetoNbdParams = z.output<typeof ParetoNbdParamsSchema>;
