import type * as z from 'zod';
import { modelFitSchema } from '../model/modelFitSchema.js';
import { MbgNbdParamsSchema } from './mbgNbdParams.js';
import { ParameterCovarianceSchema } from '../covariates/covariateFit.js';

/**
 * A fitted MBG/NBD model as plain data: what {@link fitMbgNbd} returns, and what `JSON.parse` of a
 * saved fit gives back after `MbgNbdFitSchema.parse`.
 *
 * @remarks
 * - `params`: the maximum-likelihood estimates; `alpha` is a rate per `timeUnit`.
 * - `timeUnit`: the unit of the histories' times the fit was made in.
 * - `logLikelihood`: the TOTAL log-likelihood on the caller's time axis.
 * - `customers`: the number of customers (the sum of the weights).
 * - `standardErrors`: from the observed information at the optimum (delta method from log-parameters).
 * @example
 * ```ts
 * import { MbgNbdFitSchema } from 'relmark/clv';
 * const saved = JSON.stringify({
 *   model: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week',
 *   logLikelihood: -9582.13, customers: 2357, standardErrors: { r: 0.05, alpha: 0.6, a: 0.15, b: 0.4 },
 *   diagnostics: { method: 'bfgs', iterations: 30, evaluations: 40, gradientNorm: 1e-10, reason: 'gradient' },
 * });
 * MbgNbdFitSchema.parse(JSON.parse(saved)).model;
 * //=> 'mbg-nbd'
 * ```
 * @category CLV
 */
export const MbgNbdFitSchema = modelFitSchema('mbg-nbd', MbgNbdParamsSchema).extend({
  /** The covariance of the log-parameters, for prediction intervals. */
  covariance: ParameterCovarianceSchema.optional(),
});

/** A fitted MBG/NBD model (see {@link MbgNbdFitSchema}). @category CLV */
export type MbgNbdFit = z.output<typeof MbgNbdFitSchema>;
