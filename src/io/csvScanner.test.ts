import { describe, expect, it } from 'vitest';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { createCsvScanner, fieldText, utf8SequenceLength, type CsvScanOptions } from './csvScanner.js';

type Scanned = { line: number; fields: string[] } | { line: number; malformed: string; reason: string };

const bytes = (text: string) => new TextEncoder().encode(text);

/** Scans the chunks and returns every record (as texts) and malformed line, in order. */
function scan(chunks: readonly (string | Uint8Array)[], options: CsvScanOptions = {}): Scanned[] {
  const encoding = options.encoding ?? 'utf-8';
  const out: Scanned[] = [];
  const scanner = createCsvScanner(
    {
      record(buf, starts, ends, flags, count, line) {
        const fields: string[] = [];
        for (let i = 0; i < count; i++) fields.push(fieldText(buf, starts[i] as number, ends[i] as number, flags[i] as number, encoding));
        out.push({ line, fields });
      },
      malformed(buf, start, end, line, reason) {
        out.push({ line, malformed: fieldText(buf, start, end, 0, encoding), reason });
      },
    },
    options,
  );
  for (const chunk of chunks) scanner.push(typeof chunk === 'string' ? bytes(chunk) : chunk);
  scanner.end();
  return out;
}

const records = (text: string, options: CsvScanOptions = {}) => scan([text], options);

describe('createCsvScanner', () => {
  it('reads quoted fields holding delimiters, line breaks and "" escapes', () => {
    expect(records('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines",x\n')).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 2, fields: ['1', 'a, b'] },
      { line: 3, fields: ['2', 'say "hi"'] },
      { line: 4, fields: ['3', 'two\nlines', 'x'] },
    ]);
  });

  it('keeps empty fields, quoted or not, and a line of only "" as one empty field', () => {
    expect(records('a,,""\n""\n,\n')).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['', ''] },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('ends lines at %s and counts them as an editor does, also inside quotes', (_label, eol) => {
    const text = ['h', '"x', 'y"', 'z', ''].join(eol);
    expect(records(text)).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: [`x${eol}y`] },
      { line: 4, fields: ['z'] },
    ]);
  });

  it('counts mixed line breaks one each: a CRLF inside a field of an LF file is one line', () => {
    expect(records('h\n"a\r\nb"\nc\rd\r\ne').map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('skips empty lines but counts them', () => {
    expect(records('\n\na\n\n\r\n\rb\n\n')).toEqual([
      { line: 3, fields: ['a'] },
      { line: 7, fields: ['b'] },
    ]);
  });

  it('drops a leading byte-order mark, only at the start of the text', () => {
    expect(records('\ufeffid,x\n\ufeff1,2\n')).toEqual([
      { line: 1, fields: ['id', 'x'] },
      { line: 2, fields: ['\ufeff1', '2'] },
    ]);
    // The mark split across chunks is still the mark.
    const bom = bytes('\ufeffa\n');
    expect(scan([bom.subarray(0, 1), bom.subarray(1, 2), bom.subarray(2)])).toEqual([{ line: 1, fields: ['a'] }]);
  });

  it('reads whitespace-separated text as CDNOW_master.txt is written (leading blanks, runs of blanks, CRLF)', () => {
    const text = '    customer_id date number_of_cds dollar_value\r\n00001 19970101  1  11.77\r\n 00002\t19970112   1   12.00\r\n\r\n   \r\n"q"  x\r\n';
    expect(records(text, { delimiter: 'whitespace' })).toEqual([
      { line: 1, fields: ['customer_id', 'date', 'number_of_cds', 'dollar_value'] },
      { line: 2, fields: ['00001', '19970101', '1', '11.77'] },
      { line: 3, fields: ['00002', '19970112', '1', '12.00'] },
      // blank lines and lines of blanks are no records; quotes are plain text here
      { line: 6, fields: ['"q"', 'x'] },
    ]);
  });

  it('honours another delimiter byte', () => {
    expect(records('a;b,c\n"x;y";2\n', { delimiter: 0x3b })).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 2, fields: ['x;y', '2'] },
    ]);
  });

  it('hands a stray quote or text after a closing quote to malformed, with the line it starts on, and goes on', () => {
    expect(records('h,i\na"b,c\n"x\ny"z,1\nok,2\r\n')).toEqual([
      { line: 1, fields: ['h', 'i'] },
      { line: 2, malformed: 'a"b,c', reason: 'a quote inside an unquoted field' },
      { line: 3, malformed: '"x\ny"z,1', reason: 'text after a closing quote' },
      { line: 5, fields: ['ok', '2'] },
    ]);
  });

  it('throws malformed_csv for a quote that is never closed, naming the line it opened on', () => {
    const error = thrownRelmarkError(() => records('h\nok\n"open\nmore\n'));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ code: 'malformed_csv', path: [], message: 'Quote not closed: the quoted field opened on line 3 runs to the end of the text' }]);
  });

  it('reads a UTF-8 character split across chunks, inside and outside quotes', () => {
    const text = bytes('id,name\n1,Zoë 日本\n2,"𝄞, ü"\n');
    for (let cut = 0; cut <= text.length; cut++) {
      expect(scan([text.subarray(0, cut), text.subarray(cut)])).toEqual([
        { line: 1, fields: ['id', 'name'] },
        { line: 2, fields: ['1', 'Zoë 日本'] },
        { line: 3, fields: ['2', '𝄞, ü'] },
      ]);
    }
  });

  it('delivers a record once when a chunk ends between the CR and the LF of its line break', () => {
    expect(scan(['a,b\r', '\n1,2\r', '\n3,4\r\n'])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(scan(['h\r\nx"y\r', '\nz\r'])).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, malformed: 'x"y', reason: 'a quote inside an unquoted field' },
      { line: 3, fields: ['z'] },
    ]);
  });

  it('keeps its own copy of an unfinished record, so a caller may reuse its chunk buffer', () => {
    const text = bytes('id,value\n1,"one, two"\n22,x\n');
    const shared = new Uint8Array(5);
    const out: Scanned[] = [];
    const scanner = createCsvScanner({
      record(buf, starts, ends, flags, count, line) {
        const fields: string[] = [];
        for (let i = 0; i < count; i++) fields.push(fieldText(buf, starts[i] as number, ends[i] as number, flags[i] as number));
        out.push({ line, fields });
      },
      malformed: () => undefined,
    });
    for (let at = 0; at < text.length; at += shared.length) {
      const piece = text.subarray(at, at + shared.length);
      shared.fill(0x3f).set(piece);
      scanner.push(shared.subarray(0, piece.length));
    }
    scanner.end();
    expect(out).toEqual([
      { line: 1, fields: ['id', 'value'] },
      { line: 2, fields: ['1', 'one, two'] },
      { line: 3, fields: ['22', 'x'] },
    ]);
  });

  it.each([
    ['an unquoted field', 'h\nok\nab\xffc,1\n', 3, 3],
    ['a quoted field, after a line break inside it', 'h\n"x\ny\xff"\n', 3, 2],
    ['a line that is malformed anyway', 'h\na"b\xff\n', 2, 4],
    ['a character cut by the end of the text', 'h\nx\xe6\x97', 2, 2],
  ])('throws invalid_encoding naming the line for invalid UTF-8 in %s', (_label, latin, line, column) => {
    const text = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const error = thrownRelmarkError(() => scan([text]));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.code).toBe('invalid_encoding');
    expect(error.issues[0]?.message).toMatch(new RegExp(`^Line ${line} is not valid UTF-8 \\(byte 0x[0-9A-F]{2} at byte ${column} of the line\\)`));
  });

  it('counts the column of an invalid byte from after a byte-order mark, however the text is chunked', () => {
    const text = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x62, 0xff, 0x0a]);
    for (const cuts of [[], [2], [3], [4]]) {
      const chunks = [...cuts, text.length].map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
      expect(thrownRelmarkError(() => scan(chunks)).issues[0]?.message).toMatch(/^Line 1 is not valid UTF-8 \(byte 0xFF at byte 3 of the line\)/);
    }
  });

  it('reads every byte as a character in latin1 mode', () => {
    const text = Uint8Array.from('id,name\n1,Zo\xeb\xff\n', (c) => c.charCodeAt(0));
    expect(scan([text], { encoding: 'latin1' })).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Zoëÿ'] },
    ]);
  });

  it('counts the lines it has seen', () => {
    const scanner = createCsvScanner({ record: () => undefined, malformed: () => undefined });
    scanner.push(bytes('a\r\nb\n"c\nd"\n'));
    scanner.end();
    expect(scanner.lines).toBe(4);
  });
});

describe('utf8SequenceLength', () => {
  it.each([
    ['a 2-byte character', [0xc3, 0xa9], 2],
    ['a 3-byte character', [0xe6, 0x97, 0xa5], 3],
    ['a 4-byte character', [0xf0, 0x9d, 0x84, 0x9e], 4],
    ['a character cut short', [0xe6, 0x97], 0],
    ['an overlong form', [0xc0, 0xaf], -1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], -1],
    ['a surrogate', [0xed, 0xa0, 0x80], -1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], -1],
    ['a lone continuation byte', [0x80], -1],
    ['a bad continuation byte', [0xc3, 0x41], -1],
  ])('gives the length of %s', (_label, sequence, length) => {
    expect(utf8SequenceLength(Uint8Array.from(sequence), 0, sequence.length)).toBe(length);
  });
});
