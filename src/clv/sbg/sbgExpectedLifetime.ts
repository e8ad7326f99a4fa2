import { RelmarkError } from '../../errors/RelmarkError.js';
import { parseParams } from '../model/parseParams.js';
import { type SbgParams, SbgParamsSchema } from './sbgParams.js';

/** Options of {@link sbgExpectedLifetime}. @category CLV */
export interface SbgExpectedLifetimeOptions {
  /** Count only the first `horizon` periods (an integer ≥ 0): the expected periods subscribed within them. @defaultValue unlimited */
  readonly horizon?: number;
}

/**
 * The expected lifetime of a new subscriber, in periods (the first period included), under sBG.
 *
 * @remarks
 * E[T] = Σ_{t≥0} S(t) = E[1/θ] = (α+β−1)/(α−1) for α > 1; for α ≤ 1 it diverges (the Beta mixture
 * puts so much mass near θ = 0; Fader & Hardie 2007, eq. 3 and 4), and without a horizon that is an
 * `invalid_parameters` error (issue code `no_finite_mean`) rather than `Infinity`. With
 * a `horizon` h, the truncated mean Σ_{t=0}^{h−1} S(t) is returned, which is always finite; it uses
 * the ratio S(t+1)/S(t) = (β+t)/(α+β+t). Edge cases: horizon 0 → 0. O(1), or O(h) with a horizon.
 *
 * @param params - sBG parameters.
 * @param options - An optional horizon.
 * @returns The expected number of periods subscribed (finite).
 * @throws {@link RelmarkError} `invalid_parameters` (also for α ≤ 1 without a horizon: no finite mean); `invalid_options` for a horizon that is not an integer ≥ 0.
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from 'relmark/clv';
 * [sbgExpectedLifetime({ alpha: 2, beta: 3 }), sbgExpectedLifetime({ alpha: 0.668, beta: 3.806 }, { horizon: 2 })];
 * //=> [4, 1.8507]
 * ```
 * @category CLV
 */
export function sbgExpectedLifetime(params: SbgParams, options: SbgExpectedLifetimeOptions = {}): number {
  const p = parseParams(SbgParamsSchema, params, 'sbgExpectedLifetime');
  const horizon = options?.horizon;
  if (horizon === undefined) {
    if (p.alpha > 1) return (p.alpha + p.beta - 1) / (p.alpha - 1);
    throw new RelmarkError('invalid_parameters', 'sbgExpectedLifetime: the expected lifetime is infinite for α ≤ 1', {
      issues: [{ code: 'no_finite_mean', path: ['params', 'alpha'], message: `α must exceed 1 for a finite mean lifetime, received ${p.alpha}; pass { horizon } for the mean over a finite window` }],
    });
  }
  if (!(Number.isSafeInteger(horizon) && horizon >= 0)) {
    throw new RelmarkError('invalid_options', 'sbgExpectedLifetime: invalid options', {
      issues: [{ code: 'invalid_value', path: ['horizon'], message: `horizon must be an integer ≥ 0, received ${horizon}` }],
    });
  }
  let survival = 1;
  let sum = 0;
  for (let t = 0; t < horizon; t++) {
    sum += survival;
    survival *= (p.beta + t) / (p.alpha + p.beta + t);
  }
  return sum;
}
