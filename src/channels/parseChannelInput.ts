/**
 * Boundary checks shared by the channel functions: option fields that recur, interaction rows
 * checked against `asOf`, and the one error that lists every issue.
 * @internal
 * @module
 */
import * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkErrorCode, type RelmarkIssue } from '../errors/RelmarkError.js';
import { OutcomeSchema } from '../models/channel.js';
import { type Interaction, type InteractionInput, InteractionSchema } from '../models/interaction.js';
import { parseBatch } from '../models/parse.js';
import { InstantSchema } from '../models/primitives.js';
import { type InteractionColumns, toInteractionColumns } from './toInteractionColumns.js';

/** A half-life in days: a positive number, or `Infinity` for no decay. @internal */
export const HalfLifeDaysSchema = z.union([z.number().positive(), z.literal(Number.POSITIVE_INFINITY)], {
  error: 'Expected a half-life in days: a positive number, or Infinity for no decay',
});

/** Outcome → non-negative, finite weight. @internal */
export const OutcomeWeightsSchema = z.partialRecord(OutcomeSchema, z.number().nonnegative());

/** Parses options with a zod schema; returns the data or the issues (paths relative to the options). @internal */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  options: unknown,
): { readonly data: z.output<S> | undefined; readonly issues: readonly RelmarkIssue[] } {
  if (typeof options !== 'object' || options === null) {
    return { data: undefined, issues: [{ code: 'invalid_type', path: [], message: 'Expected an options object with at least `asOf`' }] };
  }
  const result = schema.safeParse(options);
  return result.success ? { data: result.data, issues: [] } : { data: undefined, issues: issuesFromZod(result.error) };
}

/**
 * The epoch milliseconds of `options.asOf` when it alone is valid, so that future dates are still
 * checked while other options are wrong; `undefined` otherwise. @internal
 */
export function asOfOf(options: unknown): number | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const parsed = InstantSchema.safeParse((options as { asOf?: unknown }).asOf);
  return parsed.success ? parsed.data.getTime() : undefined;
}

/**
 * Parses interaction rows: each against InteractionSchema, ids unique (`duplicate_id`) and, when
 * `asOfMs` is known, no row after it (`future_date`). Issue paths start with `interactions`.
 * @internal
 */
export function parseInteractions(
  rows: readonly InteractionInput[],
  asOfMs: number | undefined,
): { readonly valid: Interaction[]; readonly issues: readonly RelmarkIssue[] } {
  const batch = parseBatch(InteractionSchema, rows, {
    pathName: 'interactions',
    uniqueKey: (row) => row.id,
    crossCheck: (valid) =>
      asOfMs === undefined
        ? []
        : valid
            .filter(({ value }) => value.at.getTime() > asOfMs)
            .map(({ index, value }) => ({
              index,
              issue: {
                code: 'future_date',
                path: ['interactions', index, 'at'],
                message: `Interaction at ${value.at.toISOString()} is after asOf ${new Date(asOfMs).toISOString()}`,
              },
            })),
  });
  return { valid: batch.valid, issues: batch.rejected.flatMap((row) => row.issues) };
}

/**
 * The boundary of a checked channel function: parses the options and the interaction rows (with
 * future dates checked against `asOf`), throws one error with every issue, and returns the
 * interactions as columns with the parsed options.
 * @internal
 */
export function parseChannelCall<S extends z.ZodType<{ asOf: Date }>>(
  where: string,
  schema: S,
  interactions: readonly InteractionInput[],
  options: unknown,
): { readonly columns: InteractionColumns; readonly options: z.output<S> } {
  const parsedOptions = parseOptions(schema, options);
  const asOfMs = parsedOptions.data === undefined ? asOfOf(options) : (parsedOptions.data as { asOf: Date }).asOf.getTime();
  const parsedInteractions = parseInteractions(interactions, asOfMs);
  throwIfIssues(where, parsedInteractions.issues, parsedOptions.issues);
  return { columns: toInteractionColumns(parsedInteractions.valid), options: parsedOptions.data as z.output<S> };
}

/**
 * Throws one {@link RelmarkError} with every issue, if there are any. The code is `duplicate_id` or
 * `future_date` when every input issue has it and the options are fine, `invalid_options` when only
 * the options are wrong, and `invalid_input` otherwise.
 * @internal
 */
export function throwIfIssues(where: string, inputIssues: readonly RelmarkIssue[], optionIssues: readonly RelmarkIssue[]): void {
  if (inputIssues.length === 0 && optionIssues.length === 0) return;
  let code: RelmarkErrorCode = 'invalid_input';
  if (inputIssues.length === 0) code = 'invalid_options';
  else if (optionIssues.length === 0) {
    const codes = new Set(inputIssues.map((issue) => issue.code));
    const only = codes.size === 1 ? [...codes][0] : undefined;
    if (only === 'duplicate_id' || only === 'future_date') code = only;
  }
  const summary = code === 'invalid_options' ? `${where}: invalid options` : `${where}: invalid input`;
  throw new RelmarkError(code, summary, { issues: [...inputIssues, ...optionIssues] });
}
