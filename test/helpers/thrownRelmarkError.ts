import { isRelmarkError, type RelmarkError } from '../../src/errors/RelmarkError.js';

/**
 * Test helper (not part of the package): runs `fn` and returns the {@link RelmarkError} it throws,
 * so that tests can assert its code and issue paths; fails when it throws nothing or something else.
 * @internal
 */
export function thrownRelmarkError(fn: () => unknown): RelmarkError {
  try {
    fn();
  } catch (error) {
    if (isRelmarkError(error)) return error;
    throw error;
  }
  throw new Error('expected a RelmarkError, but nothing was thrown');
}
