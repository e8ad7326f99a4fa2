import * as z from 'zod';

const positive = z.number().positive();

/**
 * The four MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007): the purchase rate
 * λ ~ Gamma(shape `r`, rate `alpha`) and the dropout probability p ~ Beta(`a`, `b`), applied at every
 * purchase INCLUDING the first (in BG/NBD only after repeat purchases).
 *
 * @remarks `alpha` is a rate per time unit of the fit. All four must be finite and > 0.
 * @example
 * ```ts
 * import { MbgNbdParamsSchema } from 'relmark/clv';
 * MbgNbdParamsSchema.safeParse({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).success;
 * //=> true
 * MbgNbdParamsSchema.safeParse({ r: 0.525, alpha: 6.183, a: 0.891 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const MbgNbdParamsSchema = z.object({ r: positive, alpha: positive, a: positive, b: positive });

/** MBG/NBD parameters (see {@link MbgNbdParamsSchema}). @category CLV */
export type MbgNbdParams = z.output<typeof MbgNbdParamsSchema>;
