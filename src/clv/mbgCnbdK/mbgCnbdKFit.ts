import * as z from 'zod';
import { TimeUnitSchema } from '../../models/primitives.js';
import { FitDiagnosticsSchema, penaltyShape } from '../model/modelFitSchema.js';
import { MbgCnbdKParamsSchema } from './mbgCnbdKParams.js';
import { ParameterCovarianceSchema } from '../covariates/covariateFit.js';

const positive = z.number().nonnegative();

/**
 * A fitted MBG/CNBD-k model as plain data: what {@link fitMbgCnbdK} returns, and what `JSON.parse`
 * of a saved fit gives back after `MbgCnbdKFitSchema.parse`.
 *
 * @remarks
 * - `params`: k (the regularity chosen by likelihood, or the one asked for) and the
 *   maximum-likelihood (r, alpha, a, b) at that k; `alpha` is a rate per `timeUnit`.
 * - `timeUnit`: the unit of the histories' times the fit was made in.
 * - `logLikelihood`: the TOTAL log-likelihood on the caller's time axis, the term of the log
 *   inter-purchase times included (as BTYDplus' `mbgcnbd.cbs.LL`), so it compares across k and with
 *   MBG/NBD fits of the same data plus (k−1)·Σ litt − Σ x·ln((k−1)!).
 * - `customers`: the number of customers (the sum of the weights).
 * - `standardErrors`: of r, alpha, a, b at the chosen k (k is held fixed), from the observed
 *   information at the optimum by the delta method from log-parameters.
 * - `kProfile`: the log-likelihood at each k tried, in the order tried.
 * @example
 * ```ts
 * import { MbgCnbdKFitSchema } from 'relmark/clv';
 * const saved = JSON.stringify({
 *   model: 'mbg-cnbd-k', params: { k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }, timeUnit: 'week',
 *   logLikelihood: -5000.5, customers: 1000, standardErrors: { r: 0.1, alpha: 0.4, a: 0.1, b: 0.5 },
 *   diagnostics: { method: 'bfgs', iterations: 30, evaluations: 40, gradientNorm: 1e-10, reason: 'gradient' },
 *   kProfile: [{ k: 1, logLikelihood: -5100.2 }, { k: 2, logLikelihood: -5000.5 }],
 * });
 * MbgCnbdKFitSchema.parse(JSON.parse(saved)).params.k;
 * //=> 2
 * ```
 * @category CLV
 */
export const MbgCnbdKFitSchema = z.object({
  model: z.literal('mbg-cnbd-k'),
  params: MbgCnbdKParamsSchema,
  timeUnit: TimeUnitSchema,
  logLikelihood: z.number(),
  customers: z.number().nonnegative(),
  standardErrors: z.object({ r: positive, alpha: positive, a: positive, b: positive }),
  diagnostics: FitDiagnosticsSchema,
  kProfile: z.array(z.object({ k: z.number().int().min(1), logLikelihood: z.number() })),
  ...penaltyShape,
  /** The covariance of the log-parameters (r, α, a, b) at the chosen k, as the other fits carry it. */
  covariance: ParameterCovarianceSchema.optional(),
});

/** A fitted MBG/CNBD-k model (see {@link MbgCnbdKFitSchema}). @category CLV */
export type MbgCnbdKFit = z.output<typeof MbgCnbdKFitSchema>;
