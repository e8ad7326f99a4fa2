import { RelmarkError } from '../../errors/RelmarkError.js';
import { logBeta } from '../../numeric/logGamma.js';
import { parseParams } from '../model/parseParams.js';
import { checkHorizon } from '../model/checkHistory.js';
import { purchaseCountMixture } from '../bgNbd/bgNbdProbabilityOfPurchases.js';
import { type MbgNbdParams, MbgNbdParamsSchema } from './mbgNbdParams.js';

/**
 * The probability that a new customer makes exactly `n` repeat purchases in (0, t], under MBG/NBD.
 *
 * @remarks
 * In MBG/NBD a customer may drop out with probability p right after every purchase, the first one
 * included (Batislam, Denizel & Filiztekin 2007). Given λ and p, X(t) = n means surviving the first
 * n purchases and then either dropping out after the n-th (once N(t) ≥ n) or making no more purchase
 * (N(t) = n), N being the Poisson count of an alive customer. Mixing λ ~ gamma(r, α) and
 * p ~ beta(a, b) gives
 * P(X(t) = n) = B(a, b+n+1)/B(a, b) · NB(n) + B(a+1, b+n)/B(a, b) · P(N ≥ n),
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. This is BG/NBD's eq. 8 (Fader, Hardie & Lee
 * 2005) with the drop-out chance moved one purchase earlier; the tail is summed as there.
 * Edge cases: t = 0 → 1 for n = 0, else 0; n = 0 → a/(a+b) + b/(a+b) · (α/(α+t))^r, which stays
 * above a/(a+b) for every t. Σₙ P(X(t) = n) = 1 and its mean is
 * {@link mbgNbdExpectedPurchasesNewCustomer}. O(n) (plus the tail sum).
 *
 * @param params - MBG/NBD parameters.
 * @param n - The number of repeat purchases, an integer ≥ 0.
 * @param t - The time since the first purchase (≥ 0), in the unit of the parameters.
 * @returns A probability in [0, 1].
 * @throws {@link RelmarkError} `invalid_parameters`; `invalid_input` if n is not an integer ≥ 0 or t
 *   is negative or not finite.
 * @example
 * ```ts
 * import { mbgNbdProbabilityOfPurchases } from 'relmark/clv';
 * mbgNbdProbabilityOfPurchases({ r: 0.5248377, alpha: 6.182988, a: 0.8913563, b: 1.614 }, 0, 39);
 * //=> 0.5826
 * ```
 * @category CLV
 */
export function mbgNbdProbabilityOfPurchases(params: MbgNbdParams, n: number, t: number): number {
  const p = parseParams(MbgNbdParamsSchema, params, 'mbgNbdProbabilityOfPurchases');
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RelmarkError('invalid_input', 'mbgNbdProbabilityOfPurchases: invalid n', {
      issues: [{ code: 'invalid_value', path: ['n'], message: `n must be an integer ≥ 0, received ${n}` }],
    });
  }
  checkHorizon(t, 'mbgNbdProbabilityOfPurchases');
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const logB = logBeta(a, b);
  return purchaseCountMixture(r, alpha, t, n, logBeta(a, b + n + 1) - logB, logBeta(a + 1, b + n) - logB);
}
