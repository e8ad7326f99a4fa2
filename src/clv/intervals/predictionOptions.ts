import { RelmarkError } from '../../errors/RelmarkError.js';
import type { IntervalOptions } from './intervalOptions.js';

/** Options of {@link expectedPurchases} and {@link probabilityAlive}. @category CLV */
export interface PredictionOptions {
  /**
   * Prediction intervals (a seeded parametric bootstrap, see {@link IntervalOptions}): the call then
   * returns `{ value, lower, upper }` instead of a number.
   */
  readonly intervals?: IntervalOptions | undefined;
}

/**
 * Throws `invalid_options` unless `options` is an object with no key other than `intervals`.
 * @internal
 */
export function checkPredictionOptions(options: unknown, where: string): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RelmarkError('invalid_options', `${where}: invalid options`, { issues: [{ code: 'invalid_type', path: [], message: 'Expected an options object { intervals? }' }] });
  }
  const unknown = Object.keys(options).filter((key) => key !== 'intervals');
  if (unknown.length > 0) {
    throw new RelmarkError('invalid_options', `${where}: invalid options`, {
      issues: unknown.map((key) => ({ code: 'unrecognized_keys', path: [key], message: `Unknown option "${key}"; expected intervals` })),
    });
  }
}
