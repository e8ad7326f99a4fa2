import type * as z from 'zod';
import { fromZodError } from '../errors/fromZodError.js';

/**
 * Parses an options object with its schema, or throws `invalid_options` with every issue (paths
 * relative to the options object). @internal
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, `${where}: invalid options`, { code: 'invalid_options' });
  return parsed.data;
}
