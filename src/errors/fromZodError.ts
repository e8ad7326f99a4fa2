import type * as z from 'zod';
import { RelmarkError, type RelmarkErrorCode, type RelmarkIssue } from './RelmarkError.js';

/**
 * Turns the issues of a zod error into {@link RelmarkIssue}s, with a path prefix.
 *
 * @remarks Keeps zod's issue code and message; symbol keys in paths become their description.
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { issuesFromZod } from 'relmark';
 * const result = z.object({ amount: z.number() }).safeParse({ amount: 'x' });
 * issuesFromZod(result.error!, ['rows', 3]).map((issue) => issue.path);
 * //=> [['rows', 3, 'amount']]
 * ```
 * @category Errors
 */
export function issuesFromZod(error: z.ZodError, pathPrefix: readonly (string | number)[] = []): RelmarkIssue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: [...pathPrefix, ...issue.path.map((key) => (typeof key === 'symbol' ? (key.description ?? String(key)) : key))],
    message: issue.message,
  }));
}

/**
 * Wraps a zod error in a {@link RelmarkError}, keeping it as `cause`.
 *
 * @param error - The zod error.
 * @param where - The summary line, naming the function (`'scoreRfm: invalid input'`).
 * @param options - The path prefix of every issue and the code (`invalid_input` unless said).
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { fromZodError } from 'relmark';
 * const result = z.number().min(2).safeParse(1);
 * const error = fromZodError(result.error!, 'scoreRfm: invalid options', { pathPrefix: ['bins'], code: 'invalid_options' });
 * [error.code, error.issues[0]?.path];
 * //=> ['invalid_options', ['bins']]
 * ```
 * @category Errors
 */
export function fromZodError(
  error: z.ZodError,
  where: string,
  options: { readonly pathPrefix?: readonly (string | number)[]; readonly code?: RelmarkErrorCode } = {},
): RelmarkError {
  return new RelmarkError(options.code ?? 'invalid_input', where, {
    issues: issuesFromZod(error, options.pathPrefix),
    cause: error,
  });
}
