import type * as z from 'zod';
import { modelFitSchema } from '../model/modelFitSchema.js';
import { ParetoNbdParamsSchema } from './paretoNbdParams.js';
import { FitCovariatesSchema, ParameterCovarianceSchema } from '../covariates/covariateFit.js';

/**
 * A fitted Pareto/NBD model as plain data: what {@link fitParetoNbd} returns, and what `JSON.parse`
 * of a saved fit gives back after `ParetoNbdFitSchema.parse`.
 *
 * @remarks
 * - `params`: the maximum-likelihood estimates; `alpha` and `beta` are rates per `timeUnit`.
 * - `timeUnit`: the unit of the histories' times the fit was made in.
 * - `logLikelihood`: the TOTAL log-likelihood on the caller's time axis (−9594.97 on CDNOW, as
 *   Fader, Hardie & Lee 2005 report).
 * - `customers`: the number of customers (the sum of the weights).
 * - `standardErrors`: from the observed information at the optimum (delta method from log-parameters).
 * @example
 * ```ts
 * import { ParetoNbdFitSchema } from 'relmark/clv';
 * const saved = JSON.stringify({
 *   model: 'pareto-nbd', params: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, timeUnit: 'week',
 *   logLikelihood: -9594.97, customers: 2357, standardErrors: { r: 0.0476, alpha: 0.843, s: 0.187, beta: 6.21 },
 *   diagnostics: { method: 'bfgs', iterations: 30, evaluations: 40, gradientNorm: 1e-10, reason: 'gradient' },
 * });
 * ParetoNbdFitSchema.parse(JSON.parse(saved)).params.s;
 * //=> 0.6061
 * ```
 * @category CLV
 */
export const ParetoNbdFitSchema = modelFitSchema('pareto-nbd', ParetoNbdParamsSchema).extend({
  /** Present for fits made with the `covariates` option: the coefficients with standard errors. */
  covariates: FitCovariatesSchema.optional(),
  /** The covariance of the estimates (log-parameters, then coefficients), for prediction intervals. */
  covariance: ParameterCovarianceSchema.optional(),
});

/** A fitted Pareto/NBD model (see {@link ParetoNbdFitSchema}). @category CLV */
export type ParetoNbdFit = z.output<typeof ParetoNbdFitSchema>;
