import { bgBbExpectedPurchasesNewCustomer } from '../bgBb/bgBbExpectedPurchases.js';
import { bgNbdExpectedPurchasesNewCustomer } from '../bgNbd/bgNbdExpectedPurchasesNewCustomer.js';
import { mbgCnbdKExpectedPurchasesNewCustomer } from '../mbgCnbdK/mbgCnbdKExpectedPurchasesNewCustomer.js';
import { mbgNbdExpectedPurchasesNewCustomer } from '../mbgNbd/mbgNbdExpectedPurchasesNewCustomer.js';
import { paretoNbdExpectedPurchasesNewCustomer } from '../paretoNbd/paretoNbdExpectedPurchasesNewCustomer.js';
import { type TransactionModelFit, unknownModel } from '../transactionModelFit.js';

/**
 * The expected number of repeat purchases of a NEW customer in the first `t` time units after the
 * first purchase (the unconditional E[X(t)]), for any fitted transaction model.
 *
 * @remarks Dispatches on `fit.model` (`'bg-nbd'` → {@link bgNbdExpectedPurchasesNewCustomer},
 * Fader, Hardie & Lee 2005, eq. 9; `'pareto-nbd'` → {@link paretoNbdExpectedPurchasesNewCustomer};
 * `'mbg-nbd'` → {@link mbgNbdExpectedPurchasesNewCustomer}; `'mbg-cnbd-k'` → {@link mbgCnbdKExpectedPurchasesNewCustomer}; `'bg-bb'` →
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
  switch (fit.model) {
    case 'bg-nbd':
      return bgNbdExpectedPurchasesNewCustomer(fit.params, t);
    case 'pareto-nbd':
      return paretoNbdExpectedPurchasesNewCustomer(fit.params, t);
    case 'mbg-nbd':
      return mbgNbdExpectedPurchasesNewCustomer(fit.params, t);
    case 'mbg-cnbd-k':
      return mbgCnbdKExpectedPurchasesNewCustomer(fit.params, t);
    case 'bg-bb':
      // Discrete time: t counts opportunities.
      return bgBbExpectedPurchasesNewCustomer(fit.params, t);
    default:
      return unknownModel(fit, 'expectedPurchasesNewCustomer');
  }
}
