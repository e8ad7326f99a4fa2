import type { RelmarkIssue } from './RelmarkError.js';

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
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (identifier.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * Builds the message of a {@link RelmarkError}: the summary with the issue count, then each issue as
 * `✖ message` and `→ at path`, capped at {@link maxIssuesInMessage} issues.
 *
 * @example
 * ```ts
 * import { formatIssues } from 'relmark';
 * formatIssues('parse: invalid input', [{ code: 'too_small', path: ['rows', 0, 'amount'], message: 'Too small' }]);
 * //=> 'parse: invalid input (1 issue)\n✖ Too small\n  → at rows[0].amount'
 * ```
 * @category Errors
 */
export function formatIssues(summary: string, issues: readonly RelmarkIssue[]): string {
  if (issues.length === 0) return summary;
  const lines = [`${summary} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'})`];
  for (const issue of issues.slice(0, maxIssuesInMessage)) {
    lines.push(`✖ ${issue.message}`, `  → at ${formatPath(issue.path)}`);
  }
  if (issues.length > maxIssuesInMessage) {
    lines.push(`… and ${issues.length - maxIssuesInMessage} more (see error.issues for the full list)`);
  }
  return lines.join('\n');
}
