import type * as z from 'zod';
import { opportunityModelFitSchema } from '../model/modelFitSchema.js';
import { BgBbParamsSchema } from './bgBbParams.js';

/**
 * A fitted BG/BB model as plain data: what {@link fitBgBb} returns, and what `JSON.parse` of a
 * saved fit gives back after `BgBbFitSchema.parse`.
 *
 * @remarks
 * - `model`: always `'bg-bb'`, the tag of the union of transaction models.
 * - `params`: the maximum-likelihood estimates (no time unit: one period is one opportunity).
 * - `logLikelihood`: the TOTAL log-likelihood (comparable with published values, −33,225.6 on the
 *   donation data of Fader, Hardie & Shang 2010).
 * - `customers`: the number of customers (the sum of the weights).
 * - `standardErrors`: from the observed information (the Hessian of the log-likelihood) at the
 *   optimum, by the delta method from log-parameters.
 * - `diagnostics`: how the optimiser converged.
 * @example
 * ```ts
 * import { BgBbFitSchema } from 'relmark/clv';
 * const saved = JSON.stringify({
 *   model: 'bg-bb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
 *   logLikelihood: -33225.58, customers: 11104, standardErrors: { alpha: 0.09, beta: 0.05, gamma: 0.04, delta: 0.28 },
 *   diagnostics: { method: 'bfgs', iterations: 20, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * });
 * BgBbFitSchema.parse(JSON.parse(saved)).params.delta;
 * //=> 2.783
 * ```
 * @category CLV
 */
export const BgBbFitSchema = opportunityModelFitSchema('bg-bb', BgBbParamsSchema);

/** A fitted BG/BB model (see {@link BgBbFitSchema}). @category CLV */
export type BgBbFit = z.output<typeof BgBbFitSchema>;
