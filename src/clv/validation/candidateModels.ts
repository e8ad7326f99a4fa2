import type { TimeUnit } from '../../models/primitives.js';
import { fitBgNbd } from '../bgNbd/fitBgNbd.js';
import { fitMbgCnbdK } from '../mbgCnbdK/fitMbgCnbdK.js';
import { fitMbgNbd } from '../mbgNbd/fitMbgNbd.js';
import { fitParetoNbd } from '../paretoNbd/fitParetoNbd.js';
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
 * @remarks `'bg-nbd'` ({@link fitBgNbd}), `'pareto-nbd'` ({@link fitParetoNbd}), `'mbg-nbd'`
 * ({@link fitMbgNbd}) and `'mbg-cnbd-k'` ({@link fitMbgCnbdK}, k chosen by likelihood; its calibration
 * histories must carry `litt`: split with `splitCalibrationHoldout(…, { litt: true })`, else the
 * comparison stops with `invalid_input`): the continuous-time models of the {@link TransactionModelFit} union (BG/BB's
 * discrete histories cannot be compared with them on the same data); any other fitter can be compared by passing
 * `{ name, fit }` to {@link compareModels} instead of a name.
 * @example
 * ```ts
 * import { candidateModels } from 'relmark/clv';
 * Object.keys(candidateModels);
 * //=> ['bg-nbd', 'pareto-nbd', 'mbg-nbd', 'mbg-cnbd-k']
 * ```
 * @category CLV
 */
export const candidateModels = {
  /** BG/NBD (Fader, Hardie & Lee 2005), fitted by {@link fitBgNbd}. */
  'bg-nbd': (calibration, options) => fitBgNbd(calibration, { timeUnit: options.timeUnit }),
  /** Pareto/NBD (Schmittlein, Morrison & Colombo 1987), fitted by {@link fitParetoNbd}. */
  'pareto-nbd': (calibration, options) => fitParetoNbd(calibration, { timeUnit: options.timeUnit }),
  /** MBG/NBD (Batislam, Denizel & Filiztekin 2007), fitted by {@link fitMbgNbd}. */
  'mbg-nbd': (calibration, options) => fitMbgNbd(calibration, { timeUnit: options.timeUnit }),
  /** MBG/CNBD-k (Platzer & Reutterer 2016), fitted by {@link fitMbgCnbdK}; the histories need `litt`. */
  'mbg-cnbd-k': (calibration, options) => fitMbgCnbdK(calibration, { timeUnit: options.timeUnit }),
} as const satisfies Readonly<Record<string, CandidateFitter>>;

/** The name of a model in {@link candidateModels}. @category CLV */
export type CandidateModelName = keyof typeof candidateModels;
