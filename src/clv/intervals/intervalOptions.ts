import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';

/**
 * What a prediction with `intervals` returns in place of a number: the estimate and the bounds of
 * its interval.
 *
 * @remarks `value` is the prediction at the estimated parameters (the number the call returns
 * without `intervals`); `lower` and `upper` are the (1 − level)/2 and (1 + level)/2 quantiles of
 * the prediction over parameter sets drawn from the estimates' asymptotic normal distribution
 * (see {@link IntervalOptions}). `value` may fall outside [lower, upper] when the prediction is a
 * strongly non-linear function of the parameters; the bounds are never swapped.
 * @category CLV
 */
export interface Interval {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Options of a prediction interval: a parametric bootstrap.
 *
 * @remarks
 * `draws` parameter sets are drawn from the asymptotic normal distribution of the estimates: the
 * log-parameters (ln r, ln α, …) and the covariate coefficients, with the fit's `covariance` (the
 * inverse observed information at the optimum); a fit without `covariance` (saved before it
 * existed) uses its standard errors as independent log-scale normals (SE(ln p) = SE(p)/p), which
 * ignores the correlations. The prediction is recomputed for every draw and the interval is the
 * pair of its empirical (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation, R's type
 * 7). The stream comes from `seed` alone: the same fit, data and options give the same bounds. The
 * interval reflects parameter uncertainty, not the randomness of a customer's future purchases.
 * @category CLV
 */
export interface IntervalOptions {
  /** The coverage level, strictly between 0 and 1 (0.9 for a 90% interval). */
  readonly level: number;
  /** The number of parameter draws (an integer from 2 to 100,000). */
  readonly draws: number;
  /** The seed of the draws (an integer). */
  readonly seed: number;
}

const IntervalOptionsSchema = z
  .object({
    level: z.number().gt(0).lt(1),
    draws: z.number().int().min(2).max(100_000),
    seed: z.number().int(),
  })
  .strict();

/**
 * Validates `intervals` options; errors carry paths under `['intervals', …]`.
 * @throws {@link RelmarkError} `invalid_options`.
 * @internal
 */
export function parseIntervalOptions(options: unknown, where: string): IntervalOptions {
  const parsed = IntervalOptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid intervals option`, { code: 'invalid_options', pathPrefix: ['intervals'] });
  return parsed.data;
}
