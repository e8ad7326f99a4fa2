import * as z from 'zod';

const positive = z.number().positive();

/**
 * The four BG/BB parameters (Fader, Hardie & Shang 2010): the transaction probability per
 * opportunity p ~ Beta(`alpha`, `beta`) and the dropout probability per opportunity θ ~ Beta(`gamma`, `delta`).
 *
 * @remarks All four must be finite and > 0. They carry no time unit: BG/BB counts discrete
 * opportunities (a yearly donation drive, an event), not elapsed time.
 * @example
 * ```ts
 * import { BgBbParamsSchema } from 'relmark/clv';
 * BgBbParamsSchema.safeParse({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).success;
 * //=> true
 * BgBbParamsSchema.safeParse({ alpha: 1.204, beta: 0.75, gamma: 0, delta: 2.783 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const BgBbParamsSchema = z.object({ alpha: positive, beta: positive, gamma: positive, delta: positive });

/** BG/BB parameters (see {@link BgBbParamsSchema}). @category CLV */
export type BgBbParams = z.output<typeof BgBbParamsSchema>;
