import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimiterOption, whitespaceToCsv } from '../../src/cli/delimitedText.js';

async function collect(chunks: readonly string[]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let out = '';
  for await (const piece of whitespaceToCsv(source())) out += piece;
  return out;
}

describe('delimiters', () => {
  it('detects comma, tab, semicolon and pipe before blanks, and blanks for CDNOW_master.txt', () => {
    expect(detectDelimiter('a,b c')).toEqual({ kind: 'char', char: ',' });
    expect(detectDelimiter('a\tb')).toEqual({ kind: 'char', char: '\t' });
    expect(detectDelimiter('a;b')).toEqual({ kind: 'char', char: ';' });
    expect(detectDelimiter(' customer_id  date number_of_cds  dollar_value')).toEqual({ kind: 'whitespace' });
    expect(detectDelimiter('customer')).toEqual({ kind: 'char', char: ',' });
  });

  it('reads the --delimiter names', () => {
    expect(parseDelimiterOption(undefined)).toBeUndefined();
    expect(parseDelimiterOption('auto')).toBeUndefined();
    expect(parseDelimiterOption('whitespace')).toEqual({ kind: 'whitespace' });
    expect(parseDelimiterOption('tab')).toEqual({ kind: 'char', char: '\t' });
    expect(parseDelimiterOption('|')).toEqual({ kind: 'char', char: '|' });
    expect(parseDelimiterOption('"')).toBeUndefined();
    expect(parseDelimiterOption('ab')).toBeUndefined();
  });

  it('turns blank-separated lines into CSV lines, keeping every line (CRLF, leading blanks, quotes)', async () => {
    expect(await collect([' a  b\tc\r\n 1 2  3\r\n\r\nx "y" z,w\r\n'])).toBe('a,b,c\n1,2,3\n\nx,"""y""","z,w"\n');
  });

  it('gives the same text for any split into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r\n', '7'), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), async (pieces, cuts) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((p, q) => p - q);
        const chunks = [0, ...points].map((start, i) => text.slice(start, [...points, text.length][i]));
        expect(await collect(chunks)).toBe(await collect([text]));
      }),
    );
  });
});
