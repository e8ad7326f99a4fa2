/**
 * The one validation boundary of relmark/contact: every checked function hands its raw arguments here
 * and gets typed values back, or one RelmarkError listing every issue of every argument.
 * @internal
 * @module
 */
import type * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkErrorCode, type RelmarkIssue } from '../errors/RelmarkError.js';
import { CustomerSchema, type Customer } from '../models/customer.js';
import { parseBatch, type CrossRowIssue, type IndexedRow } from '../models/parse.js';
import { InstantSchema } from '../models/primitives.js';
import { ContactCandidateSchema, ContactHistoryEntrySchema, type ContactCandidate, type ContactHistoryEntry } from './contactCandidate.js';
import { ContactPolicySchema, type ContactPolicy } from './contactPolicy.js';

/** Raw arguments; absent keys are not parsed. @internal */
export interface RawContactArgs {
  readonly customers?: unknown;
  readonly history?: unknown;
  readonly candidates?: unknown;
  readonly policy: unknown;
  readonly asOf: unknown;
}

/** Parsed arguments. @internal */
export interface ContactArgs {
  readonly customers: Customer[];
  readonly history: ContactHistoryEntry[];
  readonly candidates: ContactCandidate[];
  readonly policy: ContactPolicy;
  readonly asOf: Date;
}

interface Collector {
  readonly input: RelmarkIssue[];
  readonly options: RelmarkIssue[];
}

function parseOption<S extends z.ZodType>(schema: S, value: unknown, path: string, sink: Collector): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  sink.options.push(...issuesFromZod(result.error, [path]));
  return undefined;
}

function parseRows<S extends z.ZodType<{ readonly id: string }>>(
  schema: S,
  rows: unknown,
  name: string,
  sink: Collector,
  crossCheck?: (rows: readonly IndexedRow<z.output<S>>[]) => readonly CrossRowIssue[],
): z.output<S>[] {
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) {
    sink.input.push({ code: 'invalid_type', path: [name], message: `Expected an array of ${name}, received ${rows === null ? 'null' : typeof rows}` });
    return [];
  }
  const batch = parseBatch(schema, rows, {
    pathName: name,
    uniqueKey: (row: { id: string }) => row.id,
    ...(crossCheck ? { crossCheck } : {}),
  });
  for (const row of batch.rejected) sink.input.push(...row.issues);
  return batch.valid;
}

/**
 * Parses the arguments of a relmark/contact function and throws ONE RelmarkError with every issue:
 * `invalid_options` when only the policy or `asOf` are wrong, `duplicate_id` / `future_date` when
 * every issue is of that kind, `invalid_input` otherwise.
 * @internal
 */
export function parseContactArgs(where: string, raw: RawContactArgs, extraOptionIssues: readonly RelmarkIssue[] = []): ContactArgs {
  const sink: Collector = { input: [], options: [...extraOptionIssues] };
  const asOf = parseOption(InstantSchema, raw.asOf, 'asOf', sink);
  const policy = parseOption(ContactPolicySchema, raw.policy, 'policy', sink);
  const customers = parseRows(CustomerSchema, raw.customers, 'customers', sink, (rows) =>
    rows.flatMap(({ index, value }) =>
      (value.consents ?? []).flatMap((consent, j) =>
        asOf !== undefined && consent.at.getTime() > asOf.getTime()
          ? [{ index, issue: futureIssue(['customers', index, 'consents', j, 'at'], consent.at, asOf) }]
          : [],
      ),
    ),
  );
  const history = parseRows(ContactHistoryEntrySchema, raw.history, 'history', sink, (rows) =>
    rows.flatMap(({ index, value }) =>
      asOf !== undefined && value.at.getTime() > asOf.getTime() ? [{ index, issue: futureIssue(['history', index, 'at'], value.at, asOf) }] : [],
    ),
  );
  const known = new Set(customers.map((customer) => customer.id));
  const candidates = parseRows(ContactCandidateSchema, raw.candidates, 'candidates', sink, (rows) =>
    raw.customers === undefined
      ? []
      : rows.flatMap(({ index, value }) =>
          known.has(value.customerId)
            ? []
            : [{ index, issue: { code: 'unknown_customer', path: ['candidates', index, 'customerId'], message: `No customer with id "${value.customerId}" in customers` } }],
        ),
  );
  const issues = [...sink.options, ...sink.input];
  if (issues.length > 0 || asOf === undefined || policy === undefined) {
    throw new RelmarkError(errorCode(sink), `${where}: invalid ${sink.input.length === 0 ? 'options' : 'input'}`, { issues });
  }
  return { customers, history, candidates, policy, asOf };
}

function futureIssue(path: (string | number)[], at: Date, asOf: Date): RelmarkIssue {
  return { code: 'future_date', path, message: `${at.toISOString()} is after asOf ${asOf.toISOString()}` };
}

function errorCode(sink: Collector): RelmarkErrorCode {
  if (sink.input.length === 0) return 'invalid_options';
  if (sink.options.length > 0) return 'invalid_input';
  const codes = new Set(sink.input.map((issue) => issue.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  return only === 'duplicate_id' || only === 'future_date' ? only : 'invalid_input';
}
