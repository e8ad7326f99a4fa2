import * as z from 'zod';
import { FitDiagnosticsSchema, penaltyShape } from '../model/modelFitSchema.js';
import { SbgParamsSchema } from './sbgParams.js';

/**
 * A fitted shifted-beta-geometric model as plain data: what {@link fitSbg} returns, and what
 * `JSON.parse` of a saved fit gives back after `SbgFitSchema.parse`.
 *
 * @remarks
 * - `model`: always `'sbg'` (a contractual model: it is not a member of the transaction-model union).
 * - `params`: the maximum-likelihood estimates of α and β.
 * - `logLikelihood`: the TOTAL log-likelihood of the cohort (Fader & Hardie 2007, eq. B3).
 * - `customers`: the cohort size (the count at period 0).
 * - `periods`: the number of renewal periods observed (the survival counts after period 0).
 * - `standardErrors`: from the observed information at the optimum (delta method from log-parameters).
 * - `diagnostics`: how the optimiser converged.
 * @example
 * ```ts
 * import { SbgFitSchema } from 'relmark/clv';
 * const fit = SbgFitSchema.parse({
 *   model: 'sbg', params: { alpha: 0.668, beta: 3.806 }, logLikelihood: -1611.16, customers: 1000, periods: 7,
 *   standardErrors: { alpha: 0.1, beta: 0.6 },
 *   diagnostics: { method: 'bfgs', iterations: 12, evaluations: 15, gradientNorm: 1e-10, reason: 'gradient' },
 * });
 * fit.periods;
 * //=> 7
 * ```
 * @category CLV
 */
export const SbgFitSchema = z.object({
  model: z.literal('sbg'),
  params: SbgParamsSchema,
  logLikelihood: z.number(),
  customers: z.number().positive(),
  periods: z.number().int().positive(),
  standardErrors: SbgParamsSchema,
  diagnostics: FitDiagnosticsSchema,
  ...penaltyShape,
});

/** A fitted sBG model (see {@link SbgFitSchema}). @category CLV */
export type SbgFit = z.output<typeof SbgFitSchema>;
