import * as z from 'zod';
import { IdSchema } from '../../models/primitives.js';
import { FitDiagnosticsSchema, penaltyShape } from '../model/modelFitSchema.js';
import { GammaGammaParamsSchema } from './gammaGammaParams.js';

/**
 * Why a customer was left out of a Gamma-Gamma fit: no repeat purchase (x = 0), or a repeat spend
 * that is missing, zero or negative (the model needs positive values).
 * @example
 * ```ts
 * import { GammaGammaExclusionSchema } from 'relmark/clv';
 * GammaGammaExclusionSchema.parse({ customerId: 7, reason: 'no_repeat_purchases' });
 * //=> { customerId: '7', reason: 'no_repeat_purchases' }
 * ```
 * @category CLV
 */
export const GammaGammaExclusionSchema = z.object({
  customerId: IdSchema,
  reason: z.enum(['no_repeat_purchases', 'non_positive_spend']),
});

/** A customer left out of a Gamma-Gamma fit, with the reason. @category CLV */
export type GammaGammaExclusion = z.output<typeof GammaGammaExclusionSchema>;

/**
 * A fitted Gamma-Gamma spend model as plain data (what {@link fitGammaGamma} returns; parse a saved
 * one with this schema).
 *
 * @remarks `logLikelihood` is the total over the fitted customers, in the caller's money unit;
 * `customers` counts them; `excluded` lists everyone left out, with the reason, in input order.
 * @example
 * ```ts
 * import { GammaGammaFitSchema } from 'relmark/clv';
 * GammaGammaFitSchema.safeParse({
 *   model: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 }, logLikelihood: -4055.9, customers: 946,
 *   standardErrors: { p: 1.2, q: 0.3, v: 4.2 }, excluded: [{ customerId: '2', reason: 'no_repeat_purchases' }],
 *   diagnostics: { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-11, reason: 'gradient' },
 * }).success;
 * //=> true
 * ```
 * @category CLV
 */
export const GammaGammaFitSchema = z.object({
  model: z.literal('gamma-gamma'),
  params: GammaGammaParamsSchema,
  logLikelihood: z.number(),
  customers: z.number().nonnegative(),
  standardErrors: GammaGammaParamsSchema,
  excluded: z.array(GammaGammaExclusionSchema),
  diagnostics: FitDiagnosticsSchema,
  ...penaltyShape,
});

/** A fitted Gamma-Gamma model (see {@link GammaGammaFitSchema}). @category CLV */
export type GammaGammaFit = z.output<typeof GammaGammaFitSchema>;
