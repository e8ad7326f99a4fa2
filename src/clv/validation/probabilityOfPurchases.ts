import { bgBbProbabilityOfPurchases } from '../bgBb/bgBbProbabilityOfPurchases.js';
import { bgNbdProbabilityOfPurchases } from '../bgNbd/bgNbdProbabilityOfPurchases.js';
import { mbgCnbdKProbabilityOfPurchases } from '../mbgCnbdK/mbgCnbdKProbabilityOfPurchases.js';
import { mbgNbdProbabilityOfPurchases } from '../mbgNbd/mbgNbdProbabilityOfPurchases.js';
import { paretoNbdProbabilityOfPurchases } from '../paretoNbd/paretoNbdProbabilityOfPurchases.js';
import { type TransactionModelFit, unknownModel } from '../transactionModelFit.js';

/**
 * The probability that a NEW customer makes exactly `n` repeat purchases in (0, t], for any fitted
 * transaction model.
 *
 * @remarks Dispatches on `fit.model` (`'bg-nbd'` → {@link bgNbdProbabilityOfPurchases}, Fader,
 * Hardie & Lee 2005, eq. 8; `'pareto-nbd'` → {@link paretoNbdProbabilityOfPurchases}; `'mbg-nbd'` →
 * {@link mbgNbdProbabilityOfPurchases}; `'mbg-cnbd-k'` → {@link mbgCnbdKProbabilityOfPurchases}; `'bg-bb'` → {@link bgBbProbabilityOfPurchases}, with t in opportunities); the formula, edge cases and cost are those of the model's function.
 * {@link calibrationFrequencyCheck} sums it over customers.
 * @param fit - A fitted transaction model.
 * @param n - The number of repeat purchases (an integer ≥ 0).
 * @param t - The time since the first purchase, in `fit.timeUnit` (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_input` as the model's function; also
 *   `invalid_parameters` for an unknown model tag.
 * @example
 * ```ts
 * import { probabilityOfPurchases } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * probabilityOfPurchases(fit, 0, 39);
 * //=> 0.5738
 * ```
 * @category CLV
 */
export function probabilityOfPurchases(fit: TransactionModelFit, n: number, t: number): number {
  switch (fit.model) {
    case 'bg-nbd':
      return bgNbdProbabilityOfPurchases(fit.params, n, t);
    case 'pareto-nbd':
      return paretoNbdProbabilityOfPurchases(fit.params, n, t);
    case 'mbg-nbd':
      return mbgNbdProbabilityOfPurchases(fit.params, n, t);
    case 'mbg-cnbd-k':
      return mbgCnbdKProbabilityOfPurchases(fit.params, n, t);
    case 'bg-bb':
      // Discrete time: t counts opportunities.
      return bgBbProbabilityOfPurchases(fit.params, n, t);
    default:
      return unknownModel(fit, 'probabilityOfPurchases');
  }
}
