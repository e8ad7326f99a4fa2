import { RelmarkError } from '../errors/RelmarkError.js';

/**
 * The one CSV reader of relmark: a byte-level RFC 4180 scanner that hands each record to a sink as
 * field boundaries in its byte buffer, so that a caller can read a date or an amount without ever
 * building a string for it.
 *
 * @remarks
 * Why our own: the packages measured (csv-parse, papaparse, udsv) all build a string per field and an
 * array per record; a transaction export of 1M rows spends more time in that than in the whole
 * analysis. This scanner builds nothing per record: boundaries go into reused typed arrays.
 * @internal
 * @module
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Field flags: the field was quoted; it also held `""` escapes (read it with {@link fieldText}). @internal */
export const fieldQuoted = 1;
/** @internal */
export const fieldEscaped = 2;

/** Where a scanner delivers what it reads. @internal */
export interface CsvScanSink {
  /**
   * One record: field i is `buf[starts[i], ends[i])`, with `flags[i]` ({@link fieldQuoted},
   * {@link fieldEscaped}); `line` is the 1-based line the record starts on. The arrays are reused: read
   * them before returning.
   */
  record(buf: Uint8Array, starts: Int32Array, ends: Int32Array, flags: Uint8Array, count: number, line: number): void;
  /** A record that is not RFC 4180 (a quote inside an unquoted field, text after a closing quote): its raw bytes. */
  malformed(buf: Uint8Array, start: number, end: number, line: number, reason: string): void;
}

/** How to scan. @internal */
export interface CsvScanOptions {
  /** The delimiter byte (`,` by default), or `'whitespace'`: runs of blanks separate fields, quotes are plain text. */
  readonly delimiter?: number | 'whitespace';
  /** `'utf-8'` (checked: invalid bytes throw `invalid_encoding`) or `'latin1'` (every byte is a character). @defaultValue 'utf-8' */
  readonly encoding?: 'utf-8' | 'latin1';
}

/** A streaming scanner: push byte chunks split anywhere, then call `end`. @internal */
export interface CsvScanner {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Lines seen so far (complete lines, as an editor counts them: CRLF, LF and CR each end one). */
  readonly lines: number;
}

/**
 * The length of the UTF-8 sequence at `p` (2–4), 0 when the buffer ends inside it, or −1 when it is
 * not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid; RFC 3629).
 * @internal
 */
export function utf8SequenceLength(buf: Uint8Array, p: number, end: number): number {
  const c = buf[p] as number;
  let n: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    min = 0x10000;
  } else return -1;
  let code = c & (0xff >> (n + 1));
  for (let i = 1; i < n; i++) {
    if (p + i >= end) return 0;
    const b = buf[p + i] as number;
    if ((b & 0xc0) !== 0x80) return -1;
    code = (code << 6) | (b & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return -1;
  return n;
}

/** Creates a scanner that delivers every record of the text to `sink`. @internal */
export function createCsvScanner(sink: CsvScanSink, options: CsvScanOptions = {}): CsvScanner {
  const delimiter = options.delimiter ?? 0x2c;
  const whitespace = delimiter === 'whitespace';
  const d = whitespace ? -1 : delimiter;
  const checkUtf8 = (options.encoding ?? 'utf-8') === 'utf-8';
  // Bytes that end a run of plain field bytes: one table load per byte in the hot loops.
  const stops = new Uint8Array(256);
  for (const c of whitespace ? [SPACE, TAB, LF, CR] : [d, LF, CR, QUOTE]) stops[c] = 1;
  if (checkUtf8) stops.fill(1, 0x80);
  let buf: Uint8Array = new Uint8Array(0);
  let len = 0;
  let pos = 0;
  let line = 1;
  let atStart = true;
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let flags = new Uint8Array(64);
  let bomInBuf = false; // buf still starts with the byte-order mark that was dropped

  const invalidUtf8 = (p: number, lineOfByte: number): never => {
    let column = 1;
    let i = p - 1;
    for (; i >= 0 && buf[i] !== LF && buf[i] !== CR; i--) column++;
    if (i < 0 && bomInBuf) column -= 3; // columns count from after the mark, however the text was chunked
    const byte = (buf[p] as number).toString(16).toUpperCase().padStart(2, '0');
    throw new RelmarkError('invalid_input', 'the text is not valid UTF-8', {
      issues: [
        {
          code: 'invalid_encoding',
          path: [],
          message: `Line ${lineOfByte} is not valid UTF-8 (byte 0x${byte} at byte ${column} of the line); if the file is Latin-1 (ISO-8859-1), read it with encoding latin1`,
        },
      ],
    });
  };

  const addField = (count: number, start: number, end: number, flag: number): void => {
    if (count === starts.length) {
      const s = new Int32Array(count * 2);
      s.set(starts);
      starts = s;
      const e = new Int32Array(count * 2);
      e.set(ends);
      ends = e;
      const f = new Uint8Array(count * 2);
      f.set(flags);
      flags = f;
    }
    starts[count] = start;
    ends[count] = end;
    flags[count] = flag;
  };

  /** Skips a line break at p (CRLF, LF or CR); returns the position after it, or −1 if the buffer may end inside a CRLF. */
  const afterBreak = (p: number, final: boolean): number => {
    if (buf[p] === LF) return p + 1;
    if (p + 1 < len) return buf[p + 1] === LF ? p + 2 : p + 1;
    return final ? p + 1 : -1;
  };

  /**
   * The end of the line that starts or continues at p (the position of its break, or len), checking
   * its UTF-8 as every other byte is checked; len also when the buffer ends inside a character.
   */
  const lineEnd = (p: number, lineOfP: number, final: boolean): number => {
    while (p < len && buf[p] !== LF && buf[p] !== CR) {
      if (checkUtf8 && (buf[p] as number) >= 0x80) {
        const k = utf8SequenceLength(buf, p, len);
        if (k < 0 || (k === 0 && final)) invalidUtf8(p, lineOfP);
        if (k === 0) return len;
        p += k;
      } else p++;
    }
    return p;
  };

  /** Whether the buffer ends just after a CR at p, which may be the first half of a CRLF: wait, so that nothing is delivered twice. */
  const splitBreak = (p: number, final: boolean): boolean => !final && p === len - 1 && buf[p] === CR;

  /** Scans one record at pos; returns false when the buffer ends inside it (and more may come). */
  const scanRecord = (final: boolean): boolean => {
    const b = buf;
    const n = len;
    const recordStart = pos;
    const recordLine = line;
    let p = pos;
    let count = 0;
    let lines = 0; // line breaks inside quoted fields
    for (;;) {
      let c = p < n ? (b[p] as number) : -1;
      if (whitespace) {
        while (c === SPACE || c === TAB) c = ++p < n ? (b[p] as number) : -1;
        if (c === -1 && !final) return false;
        if (c === -1 || c === LF || c === CR) break;
        const start = p;
        while (p < n) {
          c = b[p] as number;
          if (stops[c] === 0) {
            p++;
            continue;
          }
          if (c === SPACE || c === TAB || c === LF || c === CR) break;
          if (c >= 0x80 && checkUtf8) {
            const k = utf8SequenceLength(b, p, n);
            if (k < 0 || (k === 0 && final)) invalidUtf8(p, recordLine);
            if (k === 0) return false;
            p += k;
          } else p++;
        }
        if (p === n && !final) return false;
        addField(count++, start, p, 0);
        continue;
      }
      if (c === QUOTE) {
        const start = p + 1;
        const openedOn = recordLine + lines;
        let flag = fieldQuoted;
        p = start;
        for (;;) {
          if (p >= n) {
            if (!final) return false;
            throw new RelmarkError('invalid_input', 'the CSV text is malformed', {
              issues: [{ code: 'malformed_csv', path: [], message: `Quote not closed: the quoted field opened on line ${openedOn} runs to the end of the text` }],
            });
          }
          c = b[p] as number;
          if (c === QUOTE) {
            if (p + 1 >= n && !final) return false;
            if (b[p + 1] === QUOTE) {
              flag = fieldQuoted | fieldEscaped;
              p += 2;
              continue;
            }
            break;
          }
          if (c === LF) lines++;
          else if (c === CR) {
            if (p + 1 >= n && !final) return false;
            if (b[p + 1] !== LF) lines++;
          } else if (c >= 0x80 && checkUtf8) {
            const k = utf8SequenceLength(b, p, n);
            if (k < 0 || (k === 0 && final)) invalidUtf8(p, recordLine + lines);
            if (k === 0) return false;
            p += k;
            continue;
          }
          p++;
        }
        addField(count++, start, p, flag);
        p++; // the closing quote
        c = p < n ? (b[p] as number) : -1;
        if (c === -1 && !final) return false;
        if (c !== -1 && c !== d && c !== LF && c !== CR) {
          const end = lineEnd(p, recordLine + lines, final);
          if ((end === n && !final) || splitBreak(end, final)) return false;
          sink.malformed(b, recordStart, end, recordLine, 'text after a closing quote');
          line += lines;
          return finishLine(end, final);
        }
      } else {
        const start = p;
        while (p < n) {
          c = b[p] as number;
          if (stops[c] === 0) {
            p++;
            continue;
          }
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) {
            const end = lineEnd(p, recordLine + lines, final);
            if ((end === n && !final) || splitBreak(end, final)) return false;
            sink.malformed(b, recordStart, end, recordLine, 'a quote inside an unquoted field');
            line += lines;
            return finishLine(end, final);
          }
          if (c >= 0x80 && checkUtf8) {
            const k = utf8SequenceLength(b, p, n);
            if (k < 0 || (k === 0 && final)) invalidUtf8(p, recordLine + lines);
            if (k === 0) return false;
            p += k;
          } else p++;
        }
        if (p === n && !final) return false;
        addField(count++, start, p, 0);
        c = p < n ? (b[p] as number) : -1;
      }
      if (c === d) {
        p++;
        continue;
      }
      break; // a line break or the end of the text
    }
    // p is at a line break or at n.
    if (splitBreak(p, final)) return false;
    // An empty line is no record (a line holding only "" is one).
    if (count > 0 && !(count === 1 && ends[0] === starts[0] && flags[0] === 0)) sink.record(b, starts, ends, flags, count, recordLine);
    line += lines;
    return finishLine(p, final);
  };

  /** Moves past the line break at p (if any); false when the buffer may end inside a CRLF. */
  const finishLine = (p: number, final: boolean): boolean => {
    if (p >= len) {
      pos = len;
      return true;
    }
    const next = afterBreak(p, final);
    if (next < 0) return false;
    pos = next;
    line++;
    return true;
  };

  const scan = (final: boolean): void => {
    if (atStart) {
      if (len < 3 && !final) return;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        pos = 3;
        bomInBuf = true;
      }
      atStart = false;
    }
    while (pos < len) {
      const before = pos;
      const beforeLine = line;
      if (!scanRecord(final)) {
        pos = before;
        line = beforeLine;
        return;
      }
    }
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      bomInBuf = false; // the bytes before pos, the mark among them, are dropped below
      if (pos >= len) {
        // A plain view: Buffer and Uint8Array chunks would make the byte loads polymorphic.
        buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        len = chunk.length;
      } else {
        const rest = len - pos;
        const next = new Uint8Array(rest + chunk.length);
        next.set(buf.subarray(pos, len));
        next.set(chunk, rest);
        buf = next;
        len = next.length;
      }
      pos = 0;
      scan(false);
      // Keep the unread tail in our own memory: the caller may reuse its chunk's buffer for the next one.
      if (pos < len && buf.buffer === chunk.buffer) {
        buf = buf.slice(pos, len);
        len = buf.length;
        pos = 0;
        bomInBuf = false;
      }
    },
    end() {
      scan(true);
      buf = new Uint8Array(0);
      len = 0;
      pos = 0;
    },
    get lines() {
      return line - 1;
    },
  };
}

// ignoreBOM keeps a U+FEFF that starts a field: only the text's leading mark is dropped, by the scanner.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/** The text of field bytes `buf[start, end)`, with `""` unescaped when `flag` says so. @internal */
export function fieldText(buf: Uint8Array, start: number, end: number, flag: number, encoding: 'utf-8' | 'latin1' = 'utf-8'): string {
  let text = '';
  let ascii = true;
  for (let i = start; i < end; i++) {
    if ((buf[i] as number) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && end - start < 64) {
    for (let i = start; i < end; i++) text += String.fromCharCode(buf[i] as number);
  } else {
    text = (encoding === 'latin1' ? latin1 : utf8).decode(buf.subarray(start, end));
  }
  return (flag & fieldEscaped) === 0 ? text : text.replaceAll('""', '"');
}
