/** @internal @module */
import { RelmarkError, type RelmarkErrorCode } from '../errors/RelmarkError.js';
import { describeValue } from './describeValue.js';

/**
 * A `RelmarkError` for a value of the wrong type at `path`: `where: <path> must be <expected>`, with
 * one `invalid_type` issue. The guards below throw it at the top of public functions, so that input
 * of the wrong type never reaches code that would fail with a raw `TypeError`. @internal
 */
export function wrongType(
  where: string,
  path: readonly (string | number)[],
  expected: string,
  value: unknown,
  code: RelmarkErrorCode = 'invalid_input',
): RelmarkError {
  const at = path.length === 0 ? 'the input' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return new RelmarkError(code, `${where}: ${at} must be ${expected}`, {
    issues: [{ code: 'invalid_type', path, message: `Expected ${expected}, received ${describeValue(value)}` }],
  });
}

/** Throws {@link wrongType} unless `value` is an array. @internal */
export function requireArray(where: string, path: readonly (string | number)[], value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw wrongType(where, path, 'an array', value);
}

/** Throws {@link wrongType} unless `value` is a string. @internal */
export function requireString(where: string, path: readonly (string | number)[], value: unknown): asserts value is string {
  if (typeof value !== 'string') throw wrongType(where, path, 'a string', value);
}

/**
 * Throws {@link wrongType} (`invalid_options`) unless `value` is `undefined` or a non-null, non-array
 * object: the shape every options parameter must have. @internal
 */
export function requireOptions(where: string, value: unknown, name = 'options'): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw wrongType(where, [name], 'an object', value, 'invalid_options');
  }
}

/** Whether `value` is a non-null object (arrays included): something whose properties can be read. @internal */
export function isObjectLike(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/** Checks the options of the CSV readers: an object whose `delimiter`, if given, is a string. @internal */
export function checkCsvOptions(where: string, options: unknown): void {
  requireOptions(where, options);
  const delimiter = (options as { delimiter?: unknown } | undefined)?.delimiter;
  if (delimiter !== undefined && typeof delimiter !== 'string') throw wrongType(where, ['options', 'delimiter'], 'a string', delimiter, 'invalid_options');
}

/**
 * Checks that `chunks` is a (sync or async) iterable and not a string, and returns an async iterable
 * that yields its chunks, throwing a `RelmarkError` with the path `chunks[i]` at the first chunk that
 * is neither a string nor a `Uint8Array`. @internal
 */
export function checkedChunks(
  where: string,
  chunks: unknown,
): AsyncIterable<string | Uint8Array> {
  const iterable =
    typeof chunks === 'object' &&
    chunks !== null &&
    (typeof (chunks as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function' ||
      typeof (chunks as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function');
  if (!iterable) throw wrongType(where, ['chunks'], 'an iterable of text or byte chunks', chunks);
  return (async function* () {
    let i = 0;
    for await (const chunk of chunks as AsyncIterable<unknown> | Iterable<unknown>) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw wrongType(where, ['chunks', i], 'a string or a Uint8Array', chunk);
      yield chunk;
      i++;
    }
  })();
}

/** Throws {@link wrongType} (`invalid_input`, path `['sources']`) unless `sources` is a non-null, non-array object. @internal */
export function requireSources(where: string, sources: unknown): void {
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) throw wrongType(where, ['sources'], 'an object of row lists', sources);
}

/** Checks the options of the batch parsers: an object whose `pathName` is a string and whose hooks are functions. @internal */
export function checkBatchOptions(where: string, options: unknown): void {
  requireOptions(where, options);
  const { pathName, uniqueKey, crossCheck, lineOf } = (options ?? {}) as Record<string, unknown>;
  if (pathName !== undefined && typeof pathName !== 'string') throw wrongType(where, ['options', 'pathName'], 'a string', pathName, 'invalid_options');
  for (const [name, fn] of [['uniqueKey', uniqueKey], ['crossCheck', crossCheck], ['lineOf', lineOf]] as const) {
    if (fn !== undefined && typeof fn !== 'function') throw wrongType(where, ['options', name], 'a function', fn, 'invalid_options');
  }
}
