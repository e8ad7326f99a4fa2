import { RelmarkError } from '../errors/RelmarkError.js';

/** Runs `run` and returns the RelmarkError it throws; fails the test when it throws nothing or something else. */
export function captureError(run: () => unknown): RelmarkError {
  try {
    run();
  } catch (error) {
    if (error instanceof RelmarkError) return error;
    throw error;
  }
  throw new Error('expected a RelmarkError, but nothing was thrown');
}
