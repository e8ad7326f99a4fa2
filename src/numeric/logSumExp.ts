/**
 * log(eᵃ + eᵇ) without overflow or underflow.
 * @internal
 * @module
 */

/**
 * log(eᵃ + eᵇ), computed as max + log1p(e^(min − max)) (the max-shift log-sum-exp for two terms).
 *
 * @remarks Special cases: NaN in either → NaN; both −∞ → −∞; one +∞ → +∞.
 * @internal
 */
export function logAddExp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const max = a > b ? a : b;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * log Σ exp(values[i]) with the max shift, so that no term overflows and the largest never underflows.
 *
 * @remarks Special cases: empty → −∞; any NaN → NaN; any +∞ → +∞.
 * @internal
 */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) return Number.NaN;
    if (v > max) max = v;
  }
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}
