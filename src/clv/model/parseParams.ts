/**
 * Parameter checking shared by every CLV model.
 * @internal
 * @module
 */
import type * as z from 'zod';
import { issuesFromZod } from '../../errors/fromZodError.js';
import { RelmarkError } from '../../errors/RelmarkError.js';

/** Validates model parameters, throwing `invalid_parameters` with every issue under `path`. @internal */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown, where: string, path: readonly (string | number)[] = ['params']): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  throw new RelmarkError('invalid_parameters', `${where}: invalid parameters`, {
    issues: issuesFromZod(result.error, path),
    cause: result.error,
  });
}
