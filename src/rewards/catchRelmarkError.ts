import { isRelmarkError, type RelmarkError } from '../errors/RelmarkError.js';

/**
 * Runs `run` and returns the {@link RelmarkError} it throws, so that tests can assert its code and
 * issue paths; anything else (no error, another error) fails. Used by the rewards tests only.
 * @internal
 */
export function catchRelmarkError(run: () => unknown): RelmarkError {
  try {
    run();
  } catch (error) {
    if (isRelmarkError(error)) return error;
    throw error;
  }
  throw new Error('expected a RelmarkError, but nothing was thrown');
}
