import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { BgBbFitSchema } from './bgBb/bgBbFit.js';
import { BgNbdFitSchema } from './bgNbd/bgNbdFit.js';
import { MbgCnbdKFitSchema } from './mbgCnbdK/mbgCnbdKFit.js';
import { MbgNbdFitSchema } from './mbgNbd/mbgNbdFit.js';
import { ParetoNbdFitSchema } from './paretoNbd/paretoNbdFit.js';

/**
 * Any fitted transaction model, tagged by `model`: `'bg-nbd'` ({@link fitBgNbd}), `'pareto-nbd'`
 * ({@link fitParetoNbd}), `'mbg-nbd'` ({@link fitMbgNbd}), `'mbg-cnbd-k'` ({@link fitMbgCnbdK}) or the discrete-time `'bg-bb'` ({@link fitBgBb}, which has
 * no `timeUnit`: its times count transaction opportunities). The generic functions
 * ({@link expectedPurchases}, {@link probabilityAlive}, {@link customerLifetimeValue}) switch on the tag,
 * so a saved fit of any of them can be parsed and used without knowing which model it is.
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
export const TransactionModelFitSchema = z.discriminatedUnion('model', [BgNbdFitSchema, ParetoNbdFitSchema, MbgNbdFitSchema, BgBbFitSchema, MbgCnbdKFitSchema]);

/** A fitted transaction model (see {@link TransactionModelFitSchema}). @category CLV */
export type TransactionModelFit = z.output<typeof TransactionModelFitSchema>;

/** Throws `invalid_parameters` for a fit whose model tag is not known (the `default` of a switch). @internal */
export function unknownModel(fit: never, where: string): never {
  const model = (fit as { model?: unknown } | null)?.model;
  throw new RelmarkError('invalid_parameters', `${where}: unknown model`, {
    issues: [{ code: 'unknown_model', path: ['fit', 'model'], message: `Unknown model ${JSON.stringify(model)}; expected one of 'bg-nbd', 'pareto-nbd', 'mbg-nbd', 'bg-bb', 'mbg-cnbd-k'` }],
  });
}
