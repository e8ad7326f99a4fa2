/**
 * One error class for the whole library, with stable codes and the path of every bad field.
 * @module errors
 */
export { RelmarkError, isRelmarkError } from './RelmarkError.js';
export type { RelmarkErrorCode, RelmarkIssue, RelmarkErrorInit } from './RelmarkError.js';
export { formatIssues, formatPath, maxIssuesInMessage } from './formatIssues.js';
export { fromZodError, issuesFromZod } from './fromZodError.js';
