/**
 * How relmark writes one text cell of CSV: quoted when it holds the delimiter, a quote or a line
 * break (quotes doubled, RFC 4180), and prefixed with `'` when a spreadsheet would run it as a formula
 * (it starts with `=`, `+`, `-`, `@`, tab or carriage return; OWASP "CSV injection").
 * @internal
 * @module
 */

/** Text a spreadsheet would run as a formula. @internal */
export const formulaStart = /^[=+\-@\t\r]/;

/** One text cell as CSV. @internal */
export function csvText(text: string, delimiter: string, escapeFormulas: boolean): string {
  const safe = escapeFormulas && formulaStart.test(text) ? `'${text}` : text;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
