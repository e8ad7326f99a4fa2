import type { TimeUnit } from '../../models/primitives.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import { continuousTransactionModels, type TransactionModelFit } from '../transactionModels.js';

/**
 * A function that fits one transaction model to calibration histories, as {@link compareModels}
 * calls it: the histories (x, tx, T) and the time unit they are in.
 * @category CLV
 */
export type CandidateFitter = (calibration: readonly HistoryPoint[], options: { readonly timeUnit: TimeUnit }) => TransactionModelFit;

/**
 * The transaction models that {@link compareModels} knows by name, each with the fitter it calls.
 *
 * @remarks Built from the table of transaction models (`clv/transactionModels.ts`): every
 * continuous-time model, in table order — today `'bg-nbd'` ({@link fitBgNbd}), `'pareto-nbd'`
 * ({@link fitParetoNbd}), `'mbg-nbd'` ({@link fitMbgNbd}) and `'mbg-cnbd-k'` ({@link fitMbgCnbdK}) — so a model added to the table is a
 * candidate without further edits. BG/BB's discrete histories cannot be compared with them on the same
 * data; any other fitter can be compared by passing `{ name, fit }` to {@link compareModels} instead of a name.
 * @example
 * ```ts
 * import { candidateModels } from 'relmark/clv';
 * Object.keys(candidateModels);
 * //=> ['bg-nbd', 'pareto-nbd', 'mbg-nbd', 'mbg-cnbd-k']
 * ```
 * @category CLV
 */
export const candidateModels: Readonly<Record<CandidateModelName, CandidateFitter>> = Object.freeze(
  Object.fromEntries(continuousTransactionModels.map((model) => [model.tag, (calibration: readonly HistoryPoint[], options: { readonly timeUnit: TimeUnit }) => model.fit(calibration, { timeUnit: options.timeUnit }) as TransactionModelFit])) as Record<CandidateModelName, CandidateFitter>,
);

/** The name of a model in {@link candidateModels}. @category CLV */
export type CandidateModelName = Extract<TransactionModelFit, { readonly timeUnit: unknown }>['model'];
