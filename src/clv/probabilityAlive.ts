import type { HistoryPoint } from './purchaseHistory.js';
import { type TransactionModelFit, transactionModelOf } from './transactionModels.js';

/**
 * The probability that a customer with the given history is still active, for any fitted
 * transaction model.
 *
 * @remarks Looks `fit.model` up in the table of transaction models (`clv/transactionModels.ts`): `'bg-nbd'` → {@link bgNbdProbabilityAlive} (exactly 1 when
 * x = 0), `'pareto-nbd'` → {@link paretoNbdProbabilityAlive}, `'mbg-nbd'` →
 * {@link mbgNbdProbabilityAlive} (both below 1 for x = 0 once T > 0).
 * @param fit - A fitted transaction model.
 * @param history - Frequency x, recency tx and age T, in `fit.timeUnit`.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_input` as the model's function; also
 *   `invalid_parameters` for an unknown model tag.
 * @example
 * ```ts
 * import { probabilityAlive } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * probabilityAlive(fit, { x: 2, tx: 30.43, T: 38.86 });
 * //=> 0.7266
 * ```
 * @category CLV
 */
export function probabilityAlive(fit: TransactionModelFit, history: HistoryPoint): number {
  return transactionModelOf(fit, 'probabilityAlive').probabilityAlive(fit.params, history);
}
