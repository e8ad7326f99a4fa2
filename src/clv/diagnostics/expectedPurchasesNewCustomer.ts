import { type TransactionModelFit, transactionModelOf } from '../transactionModels.js';

/**
 * The expected number of repeat purchases of a NEW customer in the first `t` time units after the
 * first purchase (the unconditional E[X(t)]), for any fitted transaction model.
 *
 * @remarks Looks `fit.model` up in the table of transaction models (`clv/transactionModels.ts`) (`'bg-nbd'` → {@link bgNbdExpectedPurchasesNewCustomer},
 * Fader, Hardie & Lee 2005, eq. 9; `'pareto-nbd'` → {@link paretoNbdExpectedPurchasesNewCustomer};
 * `'mbg-nbd'` → {@link mbgNbdExpectedPurchasesNewCustomer}; `'bg-bb'` →
 * {@link bgBbExpectedPurchasesNewCustomer}, with t in opportunities); the formula, edge cases and cost are those of the model's
 * function. {@link trackRepeatPurchases} sums it over a cohort.
 * @param fit - A fitted transaction model.
 * @param t - The time since the first purchase, in `fit.timeUnit` (≥ 0).
 * @returns The expected number of repeat purchases in (0, t].
 * @throws {@link RelmarkError} `invalid_parameters`, `invalid_input` as the model's function; also
 *   `invalid_parameters` for an unknown model tag.
 * @example
 * ```ts
 * import { expectedPurchasesNewCustomer } from 'relmark/clv';
 * const fit = {
 *   model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week',
 *   logLikelihood: -9582.43, customers: 2357, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   diagnostics: { method: 'bfgs', iterations: 24, evaluations: 25, gradientNorm: 1e-10, reason: 'gradient' },
 * } as const;
 * expectedPurchasesNewCustomer(fit, 39);
 * //=> 1.1967
 * ```
 * @category CLV
 */
export function expectedPurchasesNewCustomer(fit: TransactionModelFit, t: number): number {
  return transactionModelOf(fit, 'expectedPurchasesNewCustomer').expectedPurchasesNewCustomer(fit.params, t);
}
