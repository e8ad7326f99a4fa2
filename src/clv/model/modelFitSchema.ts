/**
 * The schema every fitted CLV model shares: a `model` tag, the parameters and their standard errors,
 * the log-likelihood, the number of customers, the optimiser's diagnostics and the optional penalty.
 * @internal
 * @module
 */
import * as z from 'zod';
import { TimeUnitSchema } from '../../models/primitives.js';

/** The diagnostics of a fit, as JSON. @internal */
export const FitDiagnosticsSchema = z.object({
  method: z.enum(['bfgs', 'nelder-mead']),
  iterations: z.number().int().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  gradientNorm: z.number().nonnegative(),
  reason: z.enum(['gradient', 'objective', 'simplex', 'max_iterations', 'max_evaluations', 'line_search_failed', 'stalled', 'non_finite']),
});

/**
 * The fields a fit made with a `penalizer` > 0 carries (absent without one): the coefficient and
 * the penalty `penalizer · Σ (ln θ)²` at the optimum (added to the negative MEAN log-likelihood
 * during the fit; `logLikelihood` stays unpenalised).
 * @internal
 */
export const penaltyShape = {
  penalizer: z.number().nonnegative().optional(),
  penalty: z.number().nonnegative().optional(),
};

// The fit fields in the order the fitters return them: model, params, [timeUnit,] logLikelihood, …
// (JSON of a parsed fit keeps it). Return types are inferred, so that documentation and declarations
// show the schema's structure rather than an internal alias.
const fitTail = <P extends z.ZodType>(params: P) => ({
  logLikelihood: z.number(),
  customers: z.number().nonnegative(),
  standardErrors: params,
  diagnostics: FitDiagnosticsSchema,
  ...penaltyShape,
});

/**
 * The fit schema of a continuous-time transaction model: `{ model: tag, params, timeUnit,
 * logLikelihood, customers, standardErrors, diagnostics, penalizer?, penalty? }`, with `params` and
 * `standardErrors` both of the model's parameter schema. A new model's fit schema is one line:
 * `export const FooFitSchema = modelFitSchema('foo', FooParamsSchema);`.
 * @internal
 */
export function modelFitSchema<Tag extends string, P extends z.ZodType>(tag: Tag, params: P) {
  return z.object({ model: z.literal(tag), params, timeUnit: TimeUnitSchema, ...fitTail(params) });
}

/**
 * {@link modelFitSchema} for a model whose clock counts opportunities (BG/BB): the same fields
 * without `timeUnit`.
 * @internal
 */
export function opportunityModelFitSchema<Tag extends string, P extends z.ZodType>(tag: Tag, params: P) {
  return z.object({ model: z.literal(tag), params, ...fitTail(params) });
}
