import { describe, expect, it } from 'vitest';
import { RelmarkError } from '../errors/RelmarkError.js';
import { parseCsv } from './parseCsv.js';

describe('parseCsv', () => {
  it('reads RFC 4180 text: BOM, CRLF, quoted commas, quotes and newlines', () => {
    const csv = parseCsv('\ufeffid,text\r\n1,"a, ""b"""\r\n2,"x\r\ny"\r\n3,plain\r\n');
    expect(csv.header).toEqual(['id', 'text']);
    expect(csv.records.map((r) => [r.line, r.fields.id, r.fields.text])).toEqual([
      [2, '1', 'a, "b"'],
      [3, '2', 'x\r\ny'],
      [5, '3', 'plain'],
    ]);
  });

  it.each([
    ['CRLF file, CRLF inside a field', 'a,b\r\n1,"x\r\ny"\r\n3,p\r\n'],
    ['CRLF file, LF inside a field', 'a,b\r\n1,"x\ny"\r\n3,p\r\n'],
    ['LF file, CRLF inside a field', 'a,b\n1,"x\r\ny"\n3,p\n'],
    ['LF file, LF inside a field', 'a,b\n1,"x\ny"\n3,p\n'],
  ])('numbers lines as a text editor does: %s', (_label, text) => {
    expect(parseCsv(text).records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('skips blank lines but keeps counting them in line numbers', () => {
    const csv = parseCsv('a\n\n1\n\n\n2');
    expect(csv.records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('returns rows with the wrong number of fields as rejected, with line and raw fields', () => {
    const csv = parseCsv('a,b\n1,2\n3\n4,5,6\n');
    expect(csv.records).toHaveLength(1);
    expect(csv.rejected).toEqual([
      { index: 1, line: 3, input: ['3'], issues: [{ code: 'column_count', path: ['rows', 1], message: 'Line 3 has 1 fields but the header has 2' }] },
      { index: 2, line: 4, input: ['4', '5', '6'], issues: [{ code: 'column_count', path: ['rows', 2], message: 'Line 4 has 3 fields but the header has 2' }] },
    ]);
  });

  it('returns a stray quote or text after a closing quote as a rejected malformed_csv row with its line and text, and reads on', () => {
    const csv = parseCsv('a,b\n1,2\n3,say "hi"\n"4\nx"y,5\n6,7\n');
    expect(csv.records.map((r) => [r.line, r.fields.a])).toEqual([
      [2, '1'],
      [6, '6'],
    ]);
    expect(csv.rejected).toEqual([
      { index: 1, line: 3, input: '3,say "hi"', issues: [{ code: 'malformed_csv', path: ['rows', 1], message: 'Line 3 is not valid CSV: a quote inside an unquoted field' }] },
      { index: 2, line: 4, input: '"4\nx"y,5', issues: [{ code: 'malformed_csv', path: ['rows', 2], message: 'Line 4 is not valid CSV: text after a closing quote' }] },
    ]);
  });

  it('keeps a line of only "" as a record with one empty field', () => {
    expect(parseCsv('a\n""\n').records.map((r) => ({ ...r.fields }))).toEqual([{ a: '' }]);
  });

  it('numbers lines of a CR-only (old Mac) file', () => {
    expect(parseCsv('a\r1\r\r2\r').records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('names the line an unclosed quote opens on', () => {
    expect(() => parseCsv('a\n1\n"oops\nmore\n')).toThrowError(
      expect.objectContaining({ issues: [{ code: 'malformed_csv', path: [], message: 'Quote not closed: the quoted field opened on line 3 runs to the end of the text' }] }),
    );
    expect(() => parseCsv('a\n"oops\n')).toThrowError(/^parseCsv: the CSV text is malformed/);
  });

  it('throws invalid_input for a header that is not RFC 4180', () => {
    expect(() => parseCsv('a,"b"c\n1,2\n')).toThrowError(
      expect.objectContaining({ code: 'invalid_input', issues: [{ code: 'malformed_csv', path: ['header'], message: 'Line 1 is not valid CSV: text after a closing quote' }] }),
    );
  });

  it.each([['ab'], [''], ['"'], ['\n'], ['\r'], ['€']])('throws invalid_options for the delimiter %j', (delimiter) => {
    expect(() => parseCsv('a\n1\n', { delimiter })).toThrowError(expect.objectContaining({ code: 'invalid_options', issues: [expect.objectContaining({ code: 'invalid_value', path: ['delimiter'] })] }));
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('a\tb\n1,5\t"x\ty"\n', { delimiter: '\t' }).records.map((r) => ({ ...r.fields }))).toEqual([{ a: '1,5', b: 'x\ty' }]);
  });

  it('gives no records for a header alone', () => {
    expect(parseCsv('customer_id,date\n')).toEqual({ header: ['customer_id', 'date'], records: [], rejected: [] });
  });

  it.each([
    ['an empty text', '', 'missing_header'],
    ['blank lines only', '\n\n', 'missing_header'],
    ['a repeated column', 'a,b,a\n1,2,3', 'duplicate_column'],
    ['an empty column name', 'a,,c\n1,2,3', 'empty_column_name'],
    ['an unclosed quote', 'a\n"oops\n', 'malformed_csv'],
  ])('throws invalid_input for %s', (_label, text, code) => {
    expect(() => parseCsv(text)).toThrowError(expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ code })] }));
    expect(() => parseCsv(text)).toThrow(RelmarkError);
  });

  it('treats a column named __proto__ as data, without touching prototypes', () => {
    const csv = parseCsv('__proto__,x\npolluted,2\n');
    expect(csv.records[0]?.fields.__proto__).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('honours another delimiter', () => {
    expect(parseCsv('a;b\n1;2', { delimiter: ';' }).records[0]?.fields).toEqual(Object.assign(Object.create(null), { a: '1', b: '2' }));
  });
});
