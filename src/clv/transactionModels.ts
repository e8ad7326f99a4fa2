/**
 * THE table of transaction models: the one place that lists them. The generic functions
 * (expectedPurchases, probabilityAlive, probabilityOfPurchases, expectedPurchasesNewCustomer,
 * conditionalProbabilityOfPurchases, customerLifetimeValue, compareModels/candidateModels, the CLI's
 * `--model`) look a fit's tag up here; adding a model is one folder with a descriptor and one row below
 * (plus its fit schema in {@link TransactionModelFitSchema}).
 * @internal
 * @module
 */
import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { bgBbModel } from './bgBb/bgBbModel.js';
import { bgNbdModel } from './bgNbd/bgNbdModel.js';
import { mbgCnbdKModel } from './mbgCnbdK/mbgCnbdKModel.js';
import { mbgNbdModel } from './mbgNbd/mbgNbdModel.js';
import type { AnyTransactionModel } from './model/transactionModel.js';
import { paretoNbdModel } from './paretoNbd/paretoNbdModel.js';

/**
 * Every transaction model by tag, in the order they are listed to users (candidates, `--model`).
 * @internal
 */
export const transactionModels = {
  'bg-nbd': bgNbdModel,
  'pareto-nbd': paretoNbdModel,
  'mbg-nbd': mbgNbdModel,
  'mbg-cnbd-k': mbgCnbdKModel,
  'bg-bb': bgBbModel,
} as const;

/** A model tag of the table. @internal */
export type TransactionModelTag = keyof typeof transactionModels;

/** The tags of the continuous-time models (their fits carry a `timeUnit`). @internal */
export type ContinuousModelTag = { [K in TransactionModelTag]: (typeof transactionModels)[K]['clock'] extends 'continuous' ? K : never }[TransactionModelTag];

/**
 * Any fitted transaction model, tagged by `model`: `'bg-nbd'` ({@link fitBgNbd}), `'pareto-nbd'`
 * ({@link fitParetoNbd}), `'mbg-nbd'` ({@link fitMbgNbd}) or the discrete-time `'bg-bb'` ({@link fitBgBb}, which has
 * no `timeUnit`: its times count transaction opportunities). The generic functions
 * ({@link expectedPurchases}, {@link probabilityAlive}, {@link customerLifetimeValue}) look the tag up in the
 * table of models, so a saved fit of any of them can be parsed and used without knowing which model it is.
 * @example
 * ```ts
 * import { TransactionModelFitSchema } from 'relmark/clv';
 * TransactionModelFitSchema.safeParse({ model: 'pareto-nbd' }).success;
 * //=> false
 * TransactionModelFitSchema.parse({
 *   model: 'pareto-nbd', params: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, timeUnit: 'week',
 *   logLikelihood: -9594.97, customers: 2357, standardErrors: { r: 0.0476, alpha: 0.843, s: 0.187, beta: 6.21 },
 *   diagnostics: { method: 'bfgs', iterations: 30, evaluations: 40, gradientNorm: 1e-10, reason: 'gradient' },
 * }).model;
 * //=> 'pareto-nbd'
 * ```
 * @category CLV
 */
export const TransactionModelFitSchema = z.discriminatedUnion('model', [
  transactionModels['bg-nbd'].fitSchema,
  transactionModels['pareto-nbd'].fitSchema,
  transactionModels['mbg-nbd'].fitSchema,
  transactionModels['mbg-cnbd-k'].fitSchema,
  transactionModels['bg-bb'].fitSchema,
]);

/** A fitted transaction model (see {@link TransactionModelFitSchema}). @category CLV */
export type TransactionModelFit = z.output<typeof TransactionModelFitSchema>;

/** A fit of a continuous-time model: one with a `timeUnit`. @internal */
export type ContinuousTransactionModelFit = Extract<TransactionModelFit, { readonly model: ContinuousModelTag }>;

/** The descriptors in table order. @internal */
export const transactionModelList: readonly AnyTransactionModel[] = Object.values(transactionModels);

/** The continuous-time descriptors in table order (the candidates of `compareModels` and `--model`). @internal */
export const continuousTransactionModels: readonly AnyTransactionModel[] = transactionModelList.filter((m) => m.clock === 'continuous');

/**
 * The descriptor of a fit's model. Throws `invalid_parameters` (issue code `unknown_model`, path
 * `fit.model`) when the tag is not in the table; reads no inherited key.
 * @internal
 */
export function transactionModelOf(fit: unknown, where: string): AnyTransactionModel {
  const tag = (fit as { model?: unknown } | null | undefined)?.model;
  if (typeof tag === 'string' && Object.hasOwn(transactionModels, tag)) return transactionModels[tag as TransactionModelTag] as AnyTransactionModel;
  const known = Object.keys(transactionModels)
    .map((t) => `'${t}'`)
    .join(', ');
  throw new RelmarkError('invalid_parameters', `${where}: unknown model`, {
    issues: [{ code: 'unknown_model', path: ['fit', 'model'], message: `Unknown model ${JSON.stringify(tag)}; expected one of ${known}` }],
  });
}

/**
 * Throws `invalid_parameters` (issue code `unsupported_model`) for a model that lacks what `what` needs.
 * @internal
 */
export function unsupportedModel(model: AnyTransactionModel, where: string, what: string): never {
  const supported = transactionModelList.filter((m) => m[what as keyof AnyTransactionModel] !== undefined).map((m) => `'${m.tag}'`);
  throw new RelmarkError('invalid_parameters', `${where}: not available for ${model.label}`, {
    issues: [{ code: 'unsupported_model', path: ['fit', 'model'], message: `${where} has no published expression for '${model.tag}'; available for ${supported.join(', ')}` }],
  });
}
