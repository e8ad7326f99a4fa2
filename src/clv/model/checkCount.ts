/**
 * The check of a purchase count argument.
 * @internal
 * @module
 */
import { RelmarkError } from '../../errors/RelmarkError.js';

/** Throws `invalid_input` unless `n` is a safe integer ≥ 0. @internal */
export function checkCount(n: number, where: string, name = 'n'): void {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RelmarkError('invalid_input', `${where}: invalid ${name}`, {
      issues: [{ code: 'invalid_value', path: [name], message: `${name} must be an integer ≥ 0, received ${n}` }],
    });
  }
}
