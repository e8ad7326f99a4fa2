import { RelmarkError } from '../errors/RelmarkError.js';
import { requireOptions, wrongType } from '../internal/guards.js';

/** Options for {@link toCsv}. @category IO */
export interface ToCsvOptions {
  /** The columns, in order. @defaultValue the keys of the rows, in order of first appearance */
  readonly columns?: readonly string[];
  /** The field delimiter. @defaultValue ',' */
  readonly delimiter?: string;
  /**
   * Whether text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
   * tab or carriage return) are prefixed with `'`. Numbers are never changed.
   * @defaultValue true
   */
  readonly escapeFormulas?: boolean;
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * Writes rows as CSV text (RFC 4180): a header line, then one line per row, `\r\n` line ends,
 * fields quoted when they hold the delimiter, a quote or a line break.
 *
 * @remarks
 * Text cells that begin with `=`, `+`, `-`, `@`, tab or carriage return are prefixed with a single
 * quote, so that opening the file in a spreadsheet cannot run a formula (OWASP, "CSV Injection").
 * Header cells get the same escaping as text cells. Numbers (including negative ones) are written
 * as numbers. Dates are written as ISO-8601 in UTC (an invalid date as an empty cell); `null` and
 * `undefined` as empty cells; arrays and objects as JSON. Only a row's own properties are read, so
 * a column named `__proto__` or `constructor` is empty in a row that lacks it. Runs in O(total size).
 *
 * @param rows - The rows; never mutated.
 * @param options - Columns, delimiter and formula escaping.
 * @returns The CSV text, ending with a line break (or just the header when there is no row).
 * @throws {@link RelmarkError} `invalid_input` when `rows` is not an array of objects (path
 *   `rows[i]`), or a cell holds a value JSON cannot write: cyclic, nested too deep, holding a BigInt,
 *   a function or a symbol (path `rows[i].column`); `invalid_options` for options of the wrong type.
 * @example
 * ```ts
 * import { toCsv } from 'relmark/io';
 * toCsv([{ customerId: 'c1', note: '=HYPERLINK("x")', delta: -5 }, { customerId: 'c2', note: 'a, b' }]);
 * //=> 'customerId,note,delta\r\nc1,"\'=HYPERLINK(""x"")",-5\r\nc2,"a, b",\r\n'
 * ```
 * @category IO
 */
export function toCsv(rows: readonly Readonly<Record<string, unknown>>[], options: ToCsvOptions = {}): string {
  checkArguments(rows, options);
  const delimiter = options.delimiter ?? ',';
  const escapeFormulas = options.escapeFormulas ?? true;
  const columns = options.columns ?? columnsOf(rows);
  const quote = (text: string) => (text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const text = (value: string) => quote(escapeFormulas && formulaStart.test(value) ? `'${value}` : value);
  const format = (value: unknown, path: readonly (string | number)[]): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
    return text(typeof value === 'string' ? value : toJson(value, path));
  };
  // Header cells are text a spreadsheet reads too, so they get the same formula escaping as values.
  const lines = [columns.map((c) => text(c)).join(delimiter)];
  rows.forEach((row, i) => {
    lines.push(columns.map((c) => format(Object.hasOwn(row, c) ? row[c] : undefined, ['rows', i, c])).join(delimiter));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function checkArguments(rows: unknown, options: unknown): asserts rows is readonly Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(rows)) throw wrongType('toCsv', ['rows'], 'an array of rows', rows);
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw wrongType('toCsv', ['rows', i], 'an object (a row)', row);
  }
  requireOptions('toCsv', options);
  const { columns, delimiter } = (options ?? {}) as { columns?: unknown; delimiter?: unknown };
  if (columns !== undefined && !(Array.isArray(columns) && columns.every((c) => typeof c === 'string'))) {
    throw wrongType('toCsv', ['options', 'columns'], 'an array of strings', columns, 'invalid_options');
  }
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter === '')) {
    throw wrongType('toCsv', ['options', 'delimiter'], 'a non-empty string', delimiter, 'invalid_options');
  }
}

/** JSON text of an array or object cell; a value JSON cannot write (cyclic, too deep, a BigInt, a function) is an error naming the cell. */
function toJson(value: unknown, path: readonly (string | number)[]): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new RelmarkError('invalid_input', 'toCsv: a cell cannot be written as JSON', {
      issues: [{ code: 'unserializable', path, message: `The value cannot be written as JSON (${cause instanceof Error ? cause.message : String(cause)})` }],
      cause,
    });
  }
  if (json === undefined) {
    throw new RelmarkError('invalid_input', 'toCsv: a cell cannot be written as text', {
      issues: [{ code: 'unserializable', path, message: `A ${typeof value} cannot be written as a CSV cell` }],
    });
  }
  return json;
}

function columnsOf(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
