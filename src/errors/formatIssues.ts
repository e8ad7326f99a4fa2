// A cycle with RelmarkError.ts, safe: each uses the other only inside functions.
import { RelmarkError, type RelmarkIssue } from './RelmarkError.js';

/** Text for any value, never throwing (a null-prototype object has no `toString`). */
function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function notAnArray(where: string, name: string, value: unknown): RelmarkError {
  const received = value === null ? 'null' : typeof value;
  return new RelmarkError('invalid_input', `${where}: ${name} must be an array`, {
    issues: [{ code: 'invalid_type', path: [name], message: `Expected an array, received ${received}` }],
  });
}

/**
 * How many issues an error message lists before it only counts the rest (the full list is always
 * in `error.issues`).
 * @example
 * ```ts
 * import { maxIssuesInMessage } from 'relmark';
 * maxIssuesInMessage;
 * //=> 10
 * ```
 * @category Errors
 */
export const maxIssuesInMessage = 10;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes an issue path the way it would be written in code: `rows[12].amount`, `attributes["a b"]`.
 *
 * @throws {@link RelmarkError} `invalid_input` when `path` is not an array; keys of other types are written in brackets.
 * @example
 * ```ts
 * import { formatPath } from 'relmark';
 * formatPath(['rows', 12, 'amount']);
 * //=> 'rows[12].amount'
 * formatPath([]);
 * //=> '(root)'
 * ```
 * @category Errors
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) throw notAnArray('formatPath', 'path', path);
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path as readonly unknown[]) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && identifier.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(typeof key === 'string' ? key : safeText(key))}]`;
  }
  return out;
}

/**
 * Builds the message of a {@link RelmarkError}: the summary with the issue count, then each issue as
 * `✖ message` and `→ at path`, capped at {@link maxIssuesInMessage} issues.
 *
 * @throws {@link RelmarkError} `invalid_input` when `issues` is not an array; a malformed issue is written as well as it can be, never thrown on.
 * @example
 * ```ts
 * import { formatIssues } from 'relmark';
 * formatIssues('parse: invalid input', [{ code: 'too_small', path: ['rows', 0, 'amount'], message: 'Too small' }]);
 * //=> 'parse: invalid input (1 issue)\n✖ Too small\n  → at rows[0].amount'
 * ```
 * @category Errors
 */
export function formatIssues(summary: string, issues: readonly RelmarkIssue[]): string {
  if (!Array.isArray(issues)) throw notAnArray('formatIssues', 'issues', issues);
  const head = typeof summary === 'string' ? summary : safeText(summary);
  if (issues.length === 0) return head;
  const lines = [`${head} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'})`];
  for (let i = 0; i < Math.min(issues.length, maxIssuesInMessage); i++) {
    // Never throw while formatting an error: a malformed issue is written as best it can be.
    const issue = issues[i] as Partial<RelmarkIssue> | null | undefined;
    const message = typeof issue?.message === 'string' ? issue.message : safeText(issue?.message);
    const path = Array.isArray(issue?.path) ? formatPath(issue.path) : '(unknown)';
    lines.push(`✖ ${message}`, `  → at ${path}`);
  }
  if (issues.length > maxIssuesInMessage) {
    lines.push(`… and ${issues.length - maxIssuesInMessage} more (see error.issues for the full list)`);
  }
  return lines.join('\n');
}
