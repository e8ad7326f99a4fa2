import type { TimeUnit } from '../../models/primitives.js';
import { fitBgNbd } from '../bgNbd/fitBgNbd.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { TransactionModelFit } from '../transactionModelFit.js';

/**
 * A function that fits one transaction model to calibration histories, as {@link compareModels}
 * calls it: the histories (x, tx, T) and the time unit they are in.
 * @category CLV
 */
export type CandidateFitter = (calibration: readonly HistoryPoint[], options: { readonly timeUnit: TimeUnit }) => TransactionModelFit;

/**
 * The transaction models that {@link compareModels} knows by name, each with the fitter it calls.
 *
 * @remarks Today: `'bg-nbd'` ({@link fitBgNbd}). Models join this registry as they join the
 * {@link TransactionModelFit} union; any other fitter can be compared by passing
 * `{ name, fit }` to {@link compareModels} instead of a name.
 * @example
 * ```ts
 * import { candidateModels } from 'relmark/clv';
 * Object.keys(candidateModels);
 * //=> ['bg-nbd']
 * ```
 * @category CLV
 */
export const candidateModels = {
  /** BG/NBD (Fader, Hardie & Lee 2005), fitted by {@link fitBgNbd}. */
  'bg-nbd': (calibration, options) => fitBgNbd(calibration, { timeUnit: options.timeUnit }),
} as const satisfies Readonly<Record<string, CandidateFitter>>;

/** The name of a model in {@link candidateModels}. @category CLV */
export type CandidateModelName = keyof typeof candidateModels;
