import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { BgNbdFitSchema } from './bgNbd/bgNbdFit.js';

/**
 * Any fitted transaction model, tagged by `model`. Only `'bg-nbd'` exists today; Pareto/NBD, MBG/NBD
 * and BG/BB join this union later, and the generic functions ({@link expectedPurchases},
 * {@link probabilityAlive}, {@link customerLifetimeValue}) switch on the tag.
 * @example
 * ```ts
 * import { TransactionModelFitSchema } from 'relmark/clv';
 * TransactionModelFitSchema.safeParse({ model: 'pareto-nbd' }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const TransactionModelFitSchema = z.discriminatedUnion('model', [BgNbdFitSchema]);

/** A fitted transaction model (see {@link TransactionModelFitSchema}). @category CLV */
export type TransactionModelFit = z.output<typeof TransactionModelFitSchema>;

/** Throws `invalid_parameters` for a fit whose model tag is not known (the `default` of a switch). @internal */
export function unknownModel(fit: never, where: string): never {
  const model = (fit as { model?: unknown } | null)?.model;
  throw new RelmarkError('invalid_parameters', `${where}: unknown model`, {
    issues: [{ code: 'unknown_model', path: ['fit', 'model'], message: `Unknown model ${JSON.stringify(model)}; expected 'bg-nbd'` }],
  });
}
