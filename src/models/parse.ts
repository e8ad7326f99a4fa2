import * as z from 'zod';
import { fromZodError, issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { checkBatchOptions } from '../internal/guards.js';

/**
 * Parses a value with a zod schema and returns the parsed value, or throws a {@link RelmarkError}
 * (`invalid_input`) listing every issue with its path; the `ZodError` is kept as `cause`.
 *
 * @param schema - Any zod schema (relmark's, or one that extends them).
 * @param input - The value to parse; it is never mutated.
 * @param where - The summary line's subject, naming the caller (`'loadCustomers'`). @defaultValue 'parseWith'
 * @throws {@link RelmarkError} `invalid_input` with every issue.
 * @example
 * ```ts
 * import { parseWith, CustomerSchema } from 'relmark/models';
 * parseWith(CustomerSchema, { id: 1 }).id;
 * //=> '1'
 * ```
 * @category Parsing
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where = 'parseWith'): z.output<S> {
  const result = safeParseWith(schema, input, where);
  if (!result.success) throw result.error;
  return result.data;
}

/** The result of {@link safeParseWith}. @category Parsing */
export type SafeParseResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: RelmarkError };

/**
 * Like {@link parseWith}, but returns `{ success, data | error }` instead of throwing.
 *
 * @remarks An exception thrown inside a user's own refinement is caught and reported as an
 * `invalid_input` error (with the exception as `cause`), so this function never throws.
 * @example
 * ```ts
 * import { safeParseWith, TransactionSchema } from 'relmark/models';
 * const result = safeParseWith(TransactionSchema, { customerId: 'c', at: 'soon', amount: -1 }, 'import');
 * result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
 * //=> ['at', 'amount']
 * ```
 * @category Parsing
 */
export function safeParseWith<S extends z.ZodType>(schema: S, input: unknown, where = 'safeParseWith'): SafeParseResult<z.output<S>> {
  try {
    const result = schema.safeParse(input);
    if (result.success) return { success: true, data: result.data };
    return { success: false, error: fromZodError(result.error, `${where}: invalid input`) };
  } catch (cause) {
    return {
      success: false,
      error: new RelmarkError('invalid_input', `${where}: the schema threw while parsing`, {
        issues: [{ code: 'schema_exception', path: [], message: messageOf(cause) }],
        cause,
      }),
    };
  }
}

/**
 * A row that {@link parseBatch} rejected: its index in the input, its line in the source file when
 * known, the original input and every issue.
 * @category Parsing
 */
export interface RejectedRow {
  readonly index: number;
  readonly line?: number;
  readonly input: unknown;
  readonly issues: readonly RelmarkIssue[];
}

/**
 * The result of a batch parse: every input row is either in `valid` (with its index at the same
 * position of `validIndices`) or in `rejected`, never both and never neither.
 * @category Parsing
 */
export interface BatchResult<T> {
  readonly valid: T[];
  readonly validIndices: number[];
  readonly rejected: RejectedRow[];
}

/** A row that passed its schema, with its index in the input. @category Parsing */
export interface IndexedRow<T> {
  readonly index: number;
  readonly value: T;
}

/** A cross-row problem: the index of the row to reject and the issue (with an absolute path). @category Parsing */
export interface CrossRowIssue {
  readonly index: number;
  readonly issue: RelmarkIssue;
}

/** Options for {@link parseBatch}. @category Parsing */
export interface ParseBatchOptions<T> {
  /**
   * The name of the container in issue paths: `rows` gives `rows[12].amount`.
   * @defaultValue 'rows'
   */
  readonly pathName?: string;
  /**
   * A key that must be unique among valid rows (`(t) => t.id`); `undefined` keys are not checked.
   * The first row with a key is kept; each later one is rejected with `duplicate_id`.
   */
  readonly uniqueKey?: (row: T) => string | undefined;
  /** Checks across rows, run on the rows that passed the schema (and the uniqueness check). */
  readonly crossCheck?: (rows: readonly IndexedRow<T>[]) => readonly CrossRowIssue[];
  /** The source line of each row (for files), reported on rejected rows. */
  readonly lineOf?: (index: number) => number | undefined;
}

/**
 * Parses many rows with one schema and never drops a row: it returns the valid rows and every
 * rejected row with its index, its original input and all its issues.
 *
 * @remarks
 * Law (property-tested): `valid.length + rejected.length === rows.length`, and `validIndices` with
 * the rejected indices is a partition of `0 … rows.length − 1`; both lists keep input order. Each
 * hole of a sparse array is a rejected row (issue code `missing_row`), never a skipped one.
 * Uniqueness and cross-row checks run after the per-row schema and move rows to `rejected` with
 * the same shape of issue. Runs in O(n) plus the cost of the checks.
 *
 * @param schema - The schema of one row.
 * @param rows - The rows; the array and its rows are never mutated.
 * @param options - Path name, uniqueness key, cross-row checks and line numbers.
 * @returns `{ valid, validIndices, rejected }`.
 * @throws {@link RelmarkError} `invalid_input` only if `rows` is not an array; `invalid_options` if
 *   `options` is not an object of the documented fields.
 * @example
 * ```ts
 * import { parseBatch, TransactionSchema } from 'relmark/models';
 * const { valid, rejected } = parseBatch(TransactionSchema, [
 *   { customerId: 'a', at: '2024-01-01', amount: 10 },
 *   { customerId: 'b', at: '2024-01-02', amount: Number.NaN },
 * ]);
 * [valid.length, rejected[0]?.index, rejected[0]?.issues[0]?.path];
 * //=> [1, 1, ['rows', 1, 'amount']]
 * ```
 * @category Parsing
 */
export function parseBatch<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  options: ParseBatchOptions<z.output<S>> = {},
): BatchResult<z.output<S>> {
  if (!Array.isArray(rows)) {
    throw new RelmarkError('invalid_input', 'parseBatch: expected an array of rows', {
      issues: [{ code: 'invalid_type', path: [], message: `Expected an array of rows, received ${rows === null ? 'null' : typeof rows}` }],
    });
  }
  checkBatchOptions('parseBatch', options);
  const pathName = options.pathName ?? 'rows';
  const issuesByIndex = new Map<number, RelmarkIssue[]>();
  const addIssue = (index: number, issue: RelmarkIssue) => {
    const list = issuesByIndex.get(index);
    if (list) list.push(issue);
    else issuesByIndex.set(index, [issue]);
  };

  let passed: IndexedRow<z.output<S>>[] = [];
  // A plain loop, not forEach: forEach skips the holes of a sparse array, and a skipped hole would be a
  // row that is neither valid nor rejected.
  for (let index = 0; index < rows.length; index++) {
    if (!(index in rows)) {
      addIssue(index, { code: 'missing_row', path: [pathName, index], message: `Row ${index} is a hole in a sparse array (no value at all)` });
      continue;
    }
    const row: unknown = rows[index];
    try {
      const result = schema.safeParse(row);
      if (result.success) passed.push({ index, value: result.data });
      else for (const issue of issuesFromZod(result.error, [pathName, index])) addIssue(index, issue);
    } catch (cause) {
      addIssue(index, { code: 'schema_exception', path: [pathName, index], message: messageOf(cause) });
    }
  }

  if (options.uniqueKey) {
    const firstIndexOf = new Map<string, number>();
    const kept: IndexedRow<z.output<S>>[] = [];
    for (const row of passed) {
      const key = options.uniqueKey(row.value);
      const first = key === undefined ? undefined : firstIndexOf.get(key);
      if (key === undefined) kept.push(row);
      else if (first === undefined) {
        firstIndexOf.set(key, row.index);
        kept.push(row);
      } else {
        addIssue(row.index, {
          code: 'duplicate_id',
          path: [pathName, row.index],
          message: `Id "${key}" appears more than once (first at ${pathName}[${first}])`,
        });
      }
    }
    passed = kept;
  }

  if (options.crossCheck) {
    for (const { index, issue } of options.crossCheck(passed)) addIssue(index, issue);
  }

  const valid: z.output<S>[] = [];
  const validIndices: number[] = [];
  for (const row of passed) {
    if (!issuesByIndex.has(row.index)) {
      valid.push(row.value);
      validIndices.push(row.index);
    }
  }
  const rejected: RejectedRow[] = [...issuesByIndex.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const line = options.lineOf?.(index);
      return { index, ...(line === undefined ? {} : { line }), input: rows[index], issues: issuesByIndex.get(index) ?? [] };
    });
  return { valid, validIndices, rejected };
}

/**
 * Throws a {@link RelmarkError} with the issues of every rejected row if a batch rejected any; returns
 * the valid rows otherwise. For functions that need all of their input valid.
 *
 * @param batch - A result of {@link parseBatch}.
 * @param where - The caller's name for the summary line.
 * @param code - The error code. @defaultValue 'invalid_input'
 * @throws {@link RelmarkError} with every issue of every rejected row; `invalid_input` (path
 *   `['batch', …]`) when `batch` is not the shape {@link parseBatch} returns.
 * @example
 * ```ts
 * import { parseBatch, requireAllValid, TransactionSchema } from 'relmark/models';
 * const rows = requireAllValid(parseBatch(TransactionSchema, [{ customerId: 'a', at: 0, amount: 1 }]), 'load');
 * rows.length;
 * //=> 1
 * ```
 * @category Parsing
 */
export function requireAllValid<T>(batch: BatchResult<T>, where: string, code: RelmarkError['code'] = 'invalid_input'): T[] {
  checkBatch(batch);
  if (batch.rejected.length === 0) return batch.valid;
  const issues = batch.rejected.flatMap((row) => row.issues);
  // Name the more specific code when every issue shares one (all duplicates, or all future dates).
  const codes = new Set(issues.map((issue) => issue.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  const effective = only === 'duplicate_id' || only === 'future_date' ? only : code;
  throw new RelmarkError(effective, `${where}: ${batch.rejected.length} of ${batch.rejected.length + batch.valid.length} rows are invalid`, {
    issues,
  });
}

function checkBatch(batch: unknown): void {
  const fail = (path: readonly (string | number)[], expected: string) =>
    new RelmarkError('invalid_input', 'requireAllValid: expected a result of parseBatch', {
      issues: [{ code: 'invalid_type', path: ['batch', ...path], message: `Expected ${expected}` }],
    });
  if (typeof batch !== 'object' || batch === null) throw fail([], 'an object { valid, validIndices, rejected }');
  const { valid, rejected } = batch as { valid?: unknown; rejected?: unknown };
  if (!Array.isArray(valid)) throw fail(['valid'], 'an array');
  if (!Array.isArray(rejected)) throw fail(['rejected'], 'an array');
  for (let i = 0; i < rejected.length; i++) {
    const issues: unknown = (rejected[i] as { issues?: unknown } | null | undefined)?.issues;
    if (!Array.isArray(issues)) throw fail(['rejected', i, 'issues'], 'an array of issues');
    for (let j = 0; j < issues.length; j++) {
      const issue: unknown = issues[j];
      if (typeof issue !== 'object' || issue === null || typeof (issue as { code?: unknown }).code !== 'string') throw fail(['rejected', i, 'issues', j], 'an issue { code, path, message }');
    }
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}
