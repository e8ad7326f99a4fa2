import { RelmarkError, type RelmarkIssue } from '../../errors/RelmarkError.js';
import { parseParams } from '../model/parseParams.js';
import { type GammaGammaParams, GammaGammaParamsSchema } from './gammaGammaParams.js';

/** {@link gammaGammaExpectedSpend} without validation (NaN in → NaN out). @internal */
export function gammaGammaExpectedSpendUnchecked(params: GammaGammaParams, x: number, monetaryMean: number): number {
  const { p, q, v } = params;
  const direct = (p * (v + x * monetaryMean)) / (p * x + q - 1);
  if (Number.isFinite(direct) || Number.isNaN(direct)) return direct;
  // v + x·z̄ overflowed (z̄ near 1e300): the same mean as a weighted average of v and z̄, term by term.
  const denominator = p * x + q - 1;
  return (p / denominator) * v + ((p * x) / denominator) * monetaryMean;
}

/**
 * The expected value of a customer's future transactions given the mean z̄ of their x repeat
 * purchases, under the Gamma-Gamma model.
 *
 * @remarks
 * E[Z | x, z̄] = p(v + x z̄) / (px + q − 1) (Fader & Hardie 2013, eq. 5): a weighted mean of the
 * population mean v·p/(q − 1) and the customer's own z̄, with more weight on z̄ as x grows.
 * Edge cases: x = 0 (or no monetaryMean) → the population mean, which exists only when q > 1;
 * px + q ≤ 1 → `invalid_parameters` (the expectation is infinite). O(1).
 *
 * @param params - Gamma-Gamma parameters (in the money unit of z̄).
 * @param history - Repeat purchases x and their mean value monetaryMean (0 or absent when x = 0).
 * @returns The expected value of one future transaction.
 * @throws {@link RelmarkError} `invalid_parameters` for invalid params or px + q ≤ 1; `invalid_input`
 *   for a non-integer or negative x or a negative or non-finite monetaryMean, and (issue code
 *   `not_representable`) when the expected spend exceeds the range of doubles.
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from 'relmark/clv';
 * const params = { p: 6.248802, q: 3.744588, v: 15.44775 };
 * gammaGammaExpectedSpend(params, { x: 2, monetaryMean: 22.35 });
 * //=> 24.6586
 * gammaGammaExpectedSpend(params, { x: 0 });
 * //=> 35.1710
 * ```
 * @category CLV
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, history: { readonly x: number; readonly monetaryMean?: number | undefined }): number {
  const valid = parseParams(GammaGammaParamsSchema, params, 'gammaGammaExpectedSpend');
  const { x } = history;
  const z = history.monetaryMean ?? 0;
  const issues: RelmarkIssue[] = [];
  if (!(Number.isInteger(x) && x >= 0)) issues.push({ code: 'invalid_value', path: ['history', 'x'], message: `x must be an integer ≥ 0, received ${x}` });
  if (!(Number.isFinite(z) && z >= 0)) issues.push({ code: 'invalid_value', path: ['history', 'monetaryMean'], message: `monetaryMean must be finite and ≥ 0, received ${z}` });
  if (issues.length > 0) throw new RelmarkError('invalid_input', 'gammaGammaExpectedSpend: invalid history', { issues });
  if (!(valid.p * x + valid.q > 1)) {
    throw new RelmarkError('invalid_parameters', 'gammaGammaExpectedSpend: the expected spend is infinite', {
      issues: [{ code: 'no_finite_mean', path: ['params', 'q'], message: `p·x + q must exceed 1 for a finite mean, received ${valid.p * x + valid.q}` }],
    });
  }
  const spend = gammaGammaExpectedSpendUnchecked(valid, x, x === 0 ? 0 : z);
  if (!Number.isFinite(spend)) {
    throw new RelmarkError('invalid_input', 'gammaGammaExpectedSpend: the expected spend exceeds the range of doubles', {
      issues: [{ code: 'not_representable', path: ['history', 'monetaryMean'], message: `The expected spend for x = ${x} and monetaryMean = ${z} is beyond 1.8e308; use a larger money unit` }],
    });
  }
  return spend;
}
