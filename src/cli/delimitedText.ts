/**
 * How the fields of a text file are separated: a character, or runs of blanks (spaces and tabs) as
 * in CDNOW_master.txt, whose lines may also start with blanks.
 */
export type Delimiter = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'whitespace' };

/** Reads the `--delimiter` option: `auto` (undefined), `comma`, `tab`, `semicolon`, `whitespace`, or one character. */
export function parseDelimiterOption(text: string | undefined): Delimiter | undefined {
  if (text === undefined || text === 'auto') return undefined;
  const named: Record<string, Delimiter> = {
    comma: { kind: 'char', char: ',' },
    tab: { kind: 'char', char: '\t' },
    '\\t': { kind: 'char', char: '\t' },
    semicolon: { kind: 'char', char: ';' },
    pipe: { kind: 'char', char: '|' },
    whitespace: { kind: 'whitespace' },
    space: { kind: 'whitespace' },
  };
  const found = named[text];
  if (found) return found;
  if ([...text].length === 1 && text !== '"' && text !== '\n' && text !== '\r') return { kind: 'char', char: text };
  return undefined;
}

/**
 * Guesses the delimiter from the first non-blank line: a comma, tab, semicolon or pipe if the line
 * holds one (in that order), otherwise blanks when the line has several blank-separated fields,
 * otherwise a comma (a one-column file).
 */
export function detectDelimiter(firstLine: string): Delimiter {
  for (const char of [',', '\t', ';', '|']) if (firstLine.includes(char)) return { kind: 'char', char };
  return /\S\s+\S/.test(firstLine.trim()) ? { kind: 'whitespace' } : { kind: 'char', char: ',' };
}

/**
 * Turns blank-separated text into comma-separated text, line by line, for the CSV reader: leading and
 * trailing blanks are dropped and each run of blanks becomes one comma. Lines are kept (blank ones
 * too), so line numbers stay those of the source. Fields must not contain commas or quotes (such a
 * file should be read as CSV); a field with a comma or quote is quoted so that it stays one field.
 */
export async function* whitespaceToCsv(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  const convert = (line: string) =>
    line
      .trim()
      .split(/[ \t]+/)
      .map((field) => (/[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field))
      .join(',');
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length > 0) yield `${lines.map((line) => convert(line.replace(/\r$/, ''))).join('\n')}\n`;
  }
  if (rest !== '') yield convert(rest.replace(/\r$/, ''));
}
