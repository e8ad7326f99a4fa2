import * as z from 'zod';

const positive = z.number().positive();

/**
 * The four BG/NBD parameters (Fader, Hardie & Lee 2005): the purchase rate λ ~ Gamma(shape `r`,
 * rate `alpha`) and the dropout probability after each purchase p ~ Beta(`a`, `b`).
 *
 * @remarks `alpha` is a rate per time unit of the fit: it is in weeks when times are in weeks.
 * All four must be finite and > 0.
 * @example
 * ```ts
 * import { BgNbdParamsSchema } from 'relmark/clv';
 * BgNbdParamsSchema.safeParse({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).success;
 * //=> true
 * BgNbdParamsSchema.safeParse({ r: 0.243, alpha: 4.414, a: 0, b: 2.426 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const BgNbdParamsSchema = z.object({ r: positive, alpha: positive, a: positive, b: positive });

/** BG/NBD parameters. @category CLV */
export type BgNbdParams = z.output<typeof BgNbdParamsSchema>;
