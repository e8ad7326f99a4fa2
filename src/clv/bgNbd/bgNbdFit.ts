import type * as z from 'zod';
import { modelFitSchema } from '../model/modelFitSchema.js';
import { BgNbdParamsSchema } from './bgNbdParams.js';
import { FitCovariatesSchema, ParameterCovarianceSchema } from '../covariates/covariateFit.js';

/**
 * A fitted BG/NBD model as plain data: what {@link fitBgNbd} returns, and what `JSON.parse` of a
 * saved fit gives back after `BgNbdFitSchema.parse`.
 *
 * @remarks
 * - `params`: the maximum-likelihood estimates; `alpha` is a rate per `timeUnit`.
 * - `timeUnit`: the unit of x's times (tx, T) the fit was made in; predictions and
 *   {@link customerLifetimeValue} convert horizons through it.
 * - `logLikelihood`: the TOTAL log-likelihood on the caller's time axis (comparable with published values).
 * - `customers`: the number of customers (the sum of the weights).
 * - `standardErrors`: from the observed information (the Hessian of the log-likelihood) at the
 *   optimum, by the delta method from log-parameters (of the penalised objective when penalised).
 * - `penalizer`, `penalty`: only on fits made with a `penalizer` > 0 (see {@link fitBgNbd}).
 * @example
 * ```ts
 * import { BgNbdFitSchema } from 'relmark/clv';
 * const saved = JSON.stringify({
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.4, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 30, evaluations: 40, gradientNorm: 1e-10, reason: 'gradient' },
 * });
 * BgNbdFitSchema.parse(JSON.parse(saved)).params.alpha;
 * //=> 4.414
 * ```
 * @category CLV
 */
export const BgNbdFitSchema = modelFitSchema('bg-nbd', BgNbdParamsSchema).extend({
  /** Present for fits made with the `covariates` option: the coefficients with standard errors. */
  covariates: FitCovariatesSchema.optional(),
  /** The covariance of the estimates (log-parameters, then coefficients), for prediction intervals. */
  covariance: ParameterCovarianceSchema.optional(),
});

/** A fitted BG/NBD model (see {@link BgNbdFitSchema}). @category CLV */
export type BgNbdFit = z.output<typeof BgNbdFitSchema>;
