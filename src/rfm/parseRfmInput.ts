import type * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';
import { parseBatch, requireAllValid } from '../models/parse.js';

/**
 * The boundary checks shared by the checked RFM functions: options fail with `invalid_options`,
 * rows with `invalid_input` (or `duplicate_id`), each listing every issue with its path.
 * @internal
 * @module
 */

/** Parses an options object; throws `invalid_options` with every issue. @internal */
export function parseRfmOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  const result = schema.safeParse(options);
  if (!result.success) throw fromZodError(result.error, `${where}: invalid options`, { code: 'invalid_options' });
  return result.data;
}

/** Parses rows that must all be valid, with ids unique when `uniqueKey` is given. @internal */
export function parseRfmRows<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  where: string,
  pathName: string,
  uniqueKey?: (row: z.output<S>) => string,
): z.output<S>[] {
  return requireAllValid(parseBatch(schema, rows, { pathName, ...(uniqueKey ? { uniqueKey } : {}) }), where);
}
