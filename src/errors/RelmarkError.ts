import { formatIssues } from './formatIssues.js';

/**
 * The stable codes of {@link RelmarkError}. New codes may be added in minor versions; existing
 * codes never change meaning.
 *
 * - `invalid_input`: schema or cross-field problems in data (a negative amount, recency > T, NaN).
 * - `invalid_options`: bad option values (bins < 2, a negative discount rate, a missing `asOf`).
 * - `empty_input`: the operation needs at least one record (model fits).
 * - `duplicate_id`: ids that must be unique repeat.
 * - `future_date`: an event lies after `asOf`.
 * - `invalid_parameters`: model parameters outside their domain (a ≤ 0).
 * - `not_converged`: an optimiser failed; `details` carries its diagnostics and the budget it hit.
 * - `degenerate_data`: the data cannot identify the model (nobody made a repeat purchase, every
 *   customer has the same history, every spend is equal…); found before any search, with a hint in
 *   `details.hint` (for example: fit it on purpose with a `penalizer`).
 *
 * @category Errors
 */
export type RelmarkErrorCode =
  | 'invalid_input'
  | 'invalid_options'
  | 'empty_input'
  | 'duplicate_id'
  | 'future_date'
  | 'invalid_parameters'
  | 'not_converged'
  | 'degenerate_data';

/**
 * One problem found in an input, with the path of the field it concerns.
 *
 * @remarks
 * `code` is either a relmark code (`duplicate_id`, `future_date`, `refund_exceeds_purchase`, …) or
 * the code of the zod issue it came from (`too_small`, `invalid_type`, …).
 * `path` is made of object keys and array indices, outermost first: `['rows', 12, 'amount']`.
 *
 * @category Errors
 */
export interface RelmarkIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What {@link RelmarkError}'s constructor takes besides the code and the summary. @category Errors */
export interface RelmarkErrorInit {
  /** Every problem found, each with its path. @defaultValue [] */
  readonly issues?: readonly RelmarkIssue[];
  /** Diagnostics for the caller (an optimiser's iterations, last parameters, …). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The error this one wraps, for example a `ZodError`. */
  readonly cause?: unknown;
}

// A registry symbol, so that two copies of this module (an ESM and a CJS build loaded side by side,
// or two installs) still recognise each other's errors.
const brand = Symbol.for('relmark.error');

/**
 * The one error class of relmark: a stable {@link RelmarkErrorCode}, every issue with its path, and
 * a readable message that lists the first issues.
 *
 * @remarks
 * The message is capped (the first 10 issues, then a count) so that a million-row failure stays
 * readable; the full list is always in `issues`. `instanceof RelmarkError` works across duplicated
 * copies of the library (ESM and CJS both loaded), because it checks a registered brand rather than
 * the prototype chain. `toJSON()` gives a plain object for logs and HTTP responses.
 *
 * @example
 * ```ts
 * import { RelmarkError } from 'relmark';
 * const error = new RelmarkError('invalid_options', 'scoreRfm: invalid options', {
 *   issues: [{ code: 'too_small', path: ['bins'], message: 'bins must be at least 2, received 1' }],
 * });
 * error.code;
 * //=> 'invalid_options'
 * error.issues[0]?.path;
 * //=> ['bins']
 * error instanceof RelmarkError;
 * //=> true
 * ```
 * @category Errors
 */
export class RelmarkError extends Error {
  override readonly name = 'RelmarkError';
  /** The stable code; branch on this, never on the message. */
  readonly code: RelmarkErrorCode;
  /** Every issue found, each with its path. */
  readonly issues: readonly RelmarkIssue[];
  /** Diagnostics, for example an optimiser's state when it gave up. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: RelmarkErrorCode, summary: string, init: RelmarkErrorInit = {}) {
    const issues = init.issues ?? [];
    super(formatIssues(summary, issues), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.issues = issues;
    this.details = init.details;
    Object.defineProperty(this, brand, { value: true });
  }

  /** Recognises relmark errors from any copy of the library, not only this one. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** A plain, JSON-serialisable view: name, code, message, issues and details. */
  toJSON(): {
    name: 'RelmarkError';
    code: RelmarkErrorCode;
    message: string;
    issues: readonly RelmarkIssue[];
    details: Readonly<Record<string, unknown>> | undefined;
  } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues, details: this.details };
  }
}

/**
 * Tells whether a value is a {@link RelmarkError}, from this or any other copy of the library.
 *
 * @example
 * ```ts
 * import { isRelmarkError, RelmarkError } from 'relmark';
 * isRelmarkError(new RelmarkError('empty_input', 'fitBgNbd: no customers'));
 * //=> true
 * isRelmarkError(new Error('other'));
 * //=> false
 * ```
 * @category Errors
 */
export function isRelmarkError(value: unknown): value is RelmarkError {
  return value instanceof RelmarkError;
}
