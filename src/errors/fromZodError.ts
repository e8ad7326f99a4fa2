import type * as z from 'zod';
import { RelmarkError, type RelmarkErrorCode, type RelmarkIssue } from './RelmarkError.js';

/**
 * Turns the issues of a zod error into {@link RelmarkIssue}s, with a path prefix.
 *
 * @remarks Keeps zod's issue code and message; symbol keys in paths become their description.
 * @throws {@link RelmarkError} `invalid_input` when `error` is not a ZodError or `pathPrefix` holds other than strings and integers.
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
  checkZodError('issuesFromZod', error, pathPrefix, ['pathPrefix']);
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
 * @throws {@link RelmarkError} `invalid_input` when `error` is not a ZodError, `where` not a string or `options.pathPrefix` malformed.
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
  if (typeof options !== 'object' || options === null) throw wrongArgument('fromZodError', ['options'], 'an options object', options);
  checkZodError('fromZodError', error, options.pathPrefix ?? [], ['options', 'pathPrefix']);
  if (typeof where !== 'string') throw wrongArgument('fromZodError', ['where'], 'a string', where);
  return new RelmarkError(options.code ?? 'invalid_input', where, {
    issues: issuesFromZod(error, options.pathPrefix),
    cause: error,
  });
}

/** Checks the arguments shared by both functions: a ZodError (its `issues` an array of objects with a path) and a path prefix of strings and integers. */
function checkZodError(where: string, error: unknown, prefix: unknown, prefixPath: readonly string[]): void {
  const issues = typeof error === 'object' && error !== null ? (error as { issues?: unknown }).issues : undefined;
  if (!Array.isArray(issues) || !issues.every((issue) => typeof issue === 'object' && issue !== null && Array.isArray((issue as { path?: unknown }).path))) {
    throw wrongArgument(where, ['error'], 'a ZodError', error);
  }
  // Array.from, not every: every skips the holes of a sparse prefix.
  if (!Array.isArray(prefix) || !Array.from(prefix as unknown[]).every((key) => typeof key === 'string' || Number.isSafeInteger(key))) {
    throw wrongArgument(where, prefixPath, 'an array of strings and integers', prefix);
  }
}

function wrongArgument(where: string, path: readonly string[], expected: string, value: unknown): RelmarkError {
  const received = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new RelmarkError('invalid_input', `${where}: ${path.join('.')} must be ${expected}`, {
    issues: [{ code: 'invalid_type', path, message: `Expected ${expected}, received ${received}` }],
  });
}
