import { requireString } from '../internal/guards.js';
import type { RejectedRow } from '../models/parse.js';
import type { SourceRecord } from './csvRecord.js';

/** The result of {@link parseNdjson}. @category IO */
export interface ParsedNdjson {
  readonly records: SourceRecord[];
  /** Lines that are not JSON objects, with their line number and the parser's reason. */
  readonly rejected: RejectedRow[];
}

/**
 * Parses newline-delimited JSON (one object per line; blank lines skipped) into records with their
 * line numbers. A line that is not valid JSON, or not an object, is returned in `rejected`, never
 * dropped.
 *
 * @remarks `index` counts the non-blank lines. Objects are copied without prototype, so a key named
 * `__proto__` is just a key. Runs in O(size of the text).
 * @param text - The NDJSON text.
 * @returns The records and the rejected lines.
 * @throws {@link RelmarkError} `invalid_input` when `text` is not a string (bytes must be decoded
 *   first, for example with `TextDecoder`).
 * @example
 * ```ts
 * import { parseNdjson } from 'relmark/io';
 * const { records, rejected } = parseNdjson('{"customerId":1}\n\n{oops\n[1]\n');
 * [records.length, rejected.map((r) => [r.line, r.issues[0]?.code])];
 * //=> [1, [[3, 'invalid_json'], [4, 'not_an_object']]]
 * ```
 * @category IO
 */
export function parseNdjson(text: string): ParsedNdjson {
  requireString('parseNdjson', ['text'], text);
  const records: SourceRecord[] = [];
  const rejected: RejectedRow[] = [];
  let index = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const at = index++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      rejected.push({ index: at, line, input: raw, issues: [{ code: 'invalid_json', path: ['rows', at], message: `Line ${line} is not valid JSON: ${(cause as Error).message}` }] });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rejected.push({ index: at, line, input: raw, issues: [{ code: 'not_an_object', path: ['rows', at], message: `Line ${line} is JSON but not an object` }] });
      return;
    }
    records.push({ line, fields: Object.assign(Object.create(null) as Record<string, unknown>, value) });
  });
  return { records, rejected };
}
