import type { HistoryPoint } from './purchaseHistory.js';
import { type TransactionModelFit, transactionModelOf, unsupportedModel } from './transactionModels.js';

/**
 * The probability that a customer with the given history makes exactly `n` purchases in the next `t`
 * time units (in `fit.timeUnit`), for any fitted transaction model that has a published expression.
 *
 * @remarks Looks `fit.model` up in the table of transaction models (`clv/transactionModels.ts`):
 * `'bg-nbd'` → {@link bgNbdConditionalProbabilityOfPurchases}, `'pareto-nbd'` →
 * {@link paretoNbdConditionalProbabilityOfPurchases} (Fader & Hardie's note 028), `'mbg-nbd'` →
 * {@link mbgNbdConditionalProbabilityOfPurchases}. Each is P(alive) times the new-customer distribution
 * at the posterior parameters, plus the mass at 0 of a customer who left. Laws (tested): Σₙ P = 1 and
 * Σₙ n · P = {@link expectedPurchases}(fit, history, t). {@link probabilityOfPurchases} is the same for a
 * customer without history (a new one).
 * Edge cases: t = 0 → 1 for n = 0, else 0.
 * @param fit - A fitted transaction model.
 * @param history - Frequency x, recency tₓ and age T, in `fit.timeUnit`.
 * @param n - The number of future purchases, an integer ≥ 0.
 * @param t - The horizon in `fit.timeUnit` (≥ 0).
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters` for invalid parameters, an unknown model tag, or a
 *   model without the expression (issue code `unsupported_model`, e.g. `'bg-bb'`); `invalid_input` for an
 *   invalid history, n or t.
 * @example
 * ```ts
 * import { conditionalProbabilityOfPurchases } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.2425929, alpha: 4.413532, a: 0.792886, b: 2.425752 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * [0, 1, 2].map((n) => conditionalProbabilityOfPurchases(fit, { x: 2, tx: 30.43, T: 38.86 }, n, 39));
 * //=> [0.4454, 0.2393, 0.1442]
 * ```
 * @category CLV
 */
export function conditionalProbabilityOfPurchases(fit: TransactionModelFit, history: HistoryPoint, n: number, t: number): number {
  const model = transactionModelOf(fit, 'conditionalProbabilityOfPurchases');
  if (model.conditionalProbabilityOfPurchases === undefined) return unsupportedModel(model, 'conditionalProbabilityOfPurchases', 'conditionalProbabilityOfPurchases');
  return model.conditionalProbabilityOfPurchases(fit.params, history, n, t);
}
