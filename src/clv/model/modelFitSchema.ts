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

/**
 * The fit schema of a continuous-time transaction model: `{ model: tag, params, timeUnit,
 * logLikelihood, customers, standardErrors, diagnostics, penalizer?, penalty? }`, with `params` and
 * `standardErrors` both of the model's parameter schema. A new model's fit schema is one line:
 * `export const FooFitSchema = modelFitSchema('foo', FooParamsSchema);`. Models whose clock counts
 * opportunities (BG/BB) pass `{ timeUnit: false }`, and have no `timeUnit` field.
 * @internal
 */
export function modelFitSchema<Tag extends string, P extends z.ZodType>(tag: Tag, params: P): z.ZodObject<ModelFitShape<Tag, P> & { timeUnit: typeof TimeUnitSchema }>;
export function modelFitSchema<Tag extends string, P extends z.ZodType>(tag: Tag, params: P, options: { readonly timeUnit: false }): z.ZodObject<ModelFitShape<Tag, P>>;
export function modelFitSchema<Tag extends string, P extends z.ZodType>(tag: Tag, params: P, options: { readonly timeUnit?: boolean } = {}) {
  // Key order as the fitters return them: model, params, timeUnit, logLikelihood, … (JSON of a parsed fit keeps it).
  const head = { model: z.literal(tag), params };
  const tail = { logLikelihood: z.number(), customers: z.number().nonnegative(), standardErrors: params, diagnostics: FitDiagnosticsSchema, ...penaltyShape };
  return options.timeUnit === false ? z.object({ ...head, ...tail }) : z.object({ ...head, timeUnit: TimeUnitSchema, ...tail });
}

/** The fields of {@link modelFitSchema} without `timeUnit`. @internal */
export type ModelFitShape<Tag extends string, P extends z.ZodType> = {
  model: z.ZodLiteral<Tag>;
  params: P;
  logLikelihood: z.ZodNumber;
  customers: z.ZodNumber;
  standardErrors: P;
  diagnostics: typeof FitDiagnosticsSchema;
} & typeof penaltyShape;
