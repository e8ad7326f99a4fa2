import * as z from 'zod';

const positive = z.number().positive();

/**
 * The two sBG parameters (Fader & Hardie 2007): each subscriber's churn probability per period
 * θ ~ Beta(`alpha`, `beta`).
 *
 * @remarks Both must be finite and > 0. The mean churn probability is α/(α+β).
 * @example
 * ```ts
 * import { SbgParamsSchema } from 'relmark/clv';
 * SbgParamsSchema.safeParse({ alpha: 0.668, beta: 3.806 }).success;
 * //=> true
 * ```
 * @category CLV
 */
export const SbgParamsSchema = z.object({ alpha: positive, beta: positive });

/** sBG parameters (see {@link SbgParamsSchema}). @category CLV */
export type SbgParams = z.output<typeof SbgParamsSchema>;
