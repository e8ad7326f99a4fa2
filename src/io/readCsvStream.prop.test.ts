import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv.js';
import { readCsvStream } from './readCsvStream.js';

// Cells include malformed ones (a stray quote, text after a closing quote) and a character outside the BMP,
// whose surrogate pair a string split may cut.
const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,5}$/), fc.constantFrom('"q,"', '"a""b"', '"x\ny"', '"x\r\ny"', 'é', '日本', '𝄞', 'a"b', '"c"d', '""'));
const csvText = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
  .map(([width, rows, eol, bom, finalEol]) => {
    const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const body = rows.map((r) => r.join(','));
    return `${bom ? '\ufeff' : ''}${[header, ...body].join(eol)}${finalEol ? eol : ''}`;
  });

async function collect(chunks: (string | Uint8Array)[]) {
  const items = [];
  for await (const item of readCsvStream(chunks)) items.push(item);
  return items;
}

describe('readCsvStream', () => {
  it('gives what parseCsv gives on the whole text, for any split into string or byte chunks', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (text, cuts, asBytes) => {
        const whole = parseCsv(text);
        const source = asBytes ? new TextEncoder().encode(text) : text;
        const points = [...new Set(cuts.map((c) => c % (source.length + 1)))].sort((a, b) => a - b);
        const chunks: (string | Uint8Array)[] = [];
        let at = 0;
        for (const p of [...points, source.length]) {
          chunks.push(source.slice(at, p));
          at = p;
        }
        const items = await collect(chunks);
        expect(items[0]).toEqual({ kind: 'header', header: whole.header });
        expect(items.filter((i) => i.kind === 'record').map((i) => (i.kind === 'record' ? { line: i.record.line, fields: { ...i.record.fields } } : null))).toEqual(
          whole.records.map((r) => ({ line: r.line, fields: { ...r.fields } })),
        );
        expect(items.filter((i) => i.kind === 'rejected').map((i) => (i.kind === 'rejected' ? i.row : null))).toEqual(whole.rejected);
      }),
    );
  });

  it('throws for a text with no header, after yielding nothing', async () => {
    await expect(collect(['', '\n'])).rejects.toMatchObject({ code: 'invalid_input', issues: [{ code: 'missing_header' }] });
  });
});
