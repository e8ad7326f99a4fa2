/** @internal @module */
import { isRelmarkError, RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';

/**
 * The issue code of an amount total that leaves the doubles: a customer's (or a segment's) running
 * total of amounts went beyond ±`Number.MAX_VALUE` (≈ 1.8e308), so its sum would be `Infinity` and
 * its mean `NaN`. The bound is exact: totals up to `Number.MAX_VALUE` are summed as usual. @internal
 */
export const amountOverflowCode = 'amount_overflow';

/** One total that overflowed: whose it is (a customer id or a segment), and the path of the row where it did. @internal */
export interface AmountOverflow {
  readonly owner: string;
  readonly path: readonly (string | number)[];
}

/**
 * The `invalid_input` error for totals that overflowed: one `amount_overflow` issue per owner, whose
 * message names it, and `details.customerIds` (or `details.segments`) listing them. @internal
 */
export function amountOverflowError(where: string, overflows: readonly AmountOverflow[], owner: 'customer' | 'segment' = 'customer'): RelmarkError {
  const issues: RelmarkIssue[] = overflows.map(({ owner: name, path }) => ({
    code: amountOverflowCode,
    path,
    message: `${owner === 'customer' ? 'Customer' : 'Segment'} "${name}": the total of its amounts exceeds ±${Number.MAX_VALUE.toPrecision(4)} (Number.MAX_VALUE) here; express the amounts in a larger unit`,
  }));
  return new RelmarkError('invalid_input', `${where}: amounts too large to total`, {
    issues,
    details: owner === 'customer' ? { customerIds: overflows.map((o) => o.owner) } : { segments: overflows.map((o) => o.owner) },
  });
}

/**
 * Rethrows an amount-overflow error with each issue path passed through `map` (to name the caller's
 * rows: `['amount', i]` → `['transactions', index, 'amount']`); any other error is rethrown as is. @internal
 */
export function rethrowOverflowWithPaths(error: unknown, where: string, map: (path: readonly (string | number)[]) => readonly (string | number)[]): never {
  if (isRelmarkError(error) && error.issues.length > 0 && error.issues.every((issue) => issue.code === amountOverflowCode)) {
    throw new RelmarkError(error.code, `${where}: amounts too large to total`, {
      issues: error.issues.map((issue) => ({ ...issue, path: map(issue.path) })),
      ...(error.details === undefined ? {} : { details: error.details }),
    });
  }
  throw error;
}
