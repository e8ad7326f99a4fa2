import { describe, expect, it } from 'vitest';
import { readCsvStream, type CsvStreamItem } from './readCsvStream.js';

async function collect(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<CsvStreamItem[]> {
  const items: CsvStreamItem[] = [];
  for await (const item of readCsvStream(chunks)) items.push(item);
  return items;
}

const fieldsOf = (items: readonly CsvStreamItem[]) => items.flatMap((i) => (i.kind === 'record' ? [{ ...i.record.fields }] : []));

describe('readCsvStream', () => {
  it('joins a surrogate pair split between two string chunks', async () => {
    const items = await collect(['id,note\n1,a\ud834', '\udd1e\n']);
    expect(fieldsOf(items)).toEqual([{ id: '1', note: 'a𝄞' }]);
  });

  it('reads from an async iterable of byte chunks split inside characters and CRLF breaks', async () => {
    const bytes = new TextEncoder().encode('id,note\r\n1,"日本, ü"\r\n2,x\r\n');
    async function* source() {
      for (let at = 0; at < bytes.length; at += 3) yield bytes.slice(at, at + 3);
    }
    const items = await collect(source());
    expect(items.filter((i) => i.kind === 'record').map((i) => (i.kind === 'record' ? [i.record.line, { ...i.record.fields }] : null))).toEqual([
      [2, { id: '1', note: '日本, ü' }],
      [3, { id: '2', note: 'x' }],
    ]);
  });

  it('yields a malformed line as a rejected row and reads on', async () => {
    const items = await collect(['a,b\n1,x"y\n2,', '3\n']);
    expect(items.map((i) => i.kind)).toEqual(['header', 'rejected', 'record']);
    expect(items[1]).toEqual({
      kind: 'rejected',
      row: { index: 0, line: 2, input: '1,x"y', issues: [{ code: 'malformed_csv', path: ['rows', 0], message: 'Line 2 is not valid CSV: a quote inside an unquoted field' }] },
    });
  });

  it('yields the items before invalid UTF-8, then throws invalid_encoding naming the line', async () => {
    const items: CsvStreamItem[] = [];
    const bad = Uint8Array.from([0x31, 0x2c, 0xff, 0x0a]);
    const run = async () => {
      for await (const item of readCsvStream([new TextEncoder().encode('a,b\n0,ok\n'), bad])) items.push(item);
    };
    await expect(run()).rejects.toMatchObject({ code: 'invalid_input', issues: [{ code: 'invalid_encoding', message: expect.stringMatching(/^Line 3 is not valid UTF-8/) }] });
    expect(items.map((i) => i.kind)).toEqual(['header', 'record']);
  });

  it('yields the records of a chunk that ends in an unclosed quote before throwing', async () => {
    const items: CsvStreamItem[] = [];
    const run = async () => {
      for await (const item of readCsvStream(['a\n1\n"open'])) items.push(item);
    };
    await expect(run()).rejects.toMatchObject({ code: 'invalid_input', issues: [{ code: 'malformed_csv' }] });
    expect(items.map((i) => i.kind)).toEqual(['header', 'record']);
  });

  it('throws invalid_options for a delimiter of more than one character', async () => {
    await expect(readCsvStream(['a\n'], { delimiter: '::' }).next()).rejects.toMatchObject({ code: 'invalid_options', issues: [{ path: ['delimiter'] }] });
  });
});
