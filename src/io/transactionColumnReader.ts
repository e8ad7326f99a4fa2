import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { createByteKeyTable } from '../internal/byteKeyTable.js';
import type { RejectedRow } from '../models/parse.js';
import type { SourceRecord } from './csvRecord.js';
import { createCsvScanner, fieldEscaped, fieldText, type CsvScanner } from './csvScanner.js';
import { checkHeader, toFields } from './parseCsv.js';
import { parseBatch } from '../models/parse.js';
import { TransactionSchema, type Transaction } from '../models/transaction.js';
import { transactionFields, transactionInputOf, type DateFormat, type TransactionField, type TransactionMapping } from './readTransactions.js';
import { amountOfCell, instantMsOfCell } from './transactionCells.js';

/**
 * Valid transactions as columns, a batch at a time: row i is customer `customerIds[customer[i]]`
 * (the reader's dictionary, which only grows), at `at[i]` (epoch ms) for `amount[i]` (≥ 0).
 * @category IO
 */
export interface TransactionColumnBatch {
  /** Rows in this batch. */
  readonly length: number;
  /** The customer of each row, as an index into the reader's `customerIds`. */
  readonly customer: Int32Array;
  readonly at: Float64Array;
  readonly amount: Float64Array;
  /** 1 for a refund, 0 for a purchase. */
  readonly refund: Uint8Array;
  /** For a refund: the instant of the purchase it returns (checked: same customer and currency, earlier, not exceeded); NaN for a purchase. */
  readonly refundedAt: Float64Array;
  /** The source line of each row. */
  readonly line: Int32Array;
}

/** Options of {@link createTransactionColumnReader}. @category IO */
export interface TransactionColumnReaderOptions {
  /**
   * The column mapping, or a function that makes it from the header (run once, when the header is read).
   * @defaultValue fields read from columns of the same name
   */
  readonly mapping?: TransactionMapping | ((header: readonly string[]) => TransactionMapping);
  /** The delimiter byte (`','` …) or `'whitespace'` (runs of blanks, as in CDNOW_master.txt). @defaultValue ',' */
  readonly delimiter?: string | 'whitespace';
  /** `'utf-8'` (checked) or `'latin1'` (windows-1252). @defaultValue 'utf-8' */
  readonly encoding?: 'utf-8' | 'latin1';
  /** Rows per batch. @defaultValue 65536 */
  readonly batchSize?: number;
  /** Told each batch of valid rows, in file order. The arrays are the reader's and are reused for the next batch: copy what you keep. */
  readonly onBatch: (batch: TransactionColumnBatch) => void;
  /** Told each rejected row, in file order, with its line, its original text and every reason. */
  readonly onRejected: (row: RejectedRow) => void;
}

/** What a reader saw; final once `end` has returned. @category IO */
export interface TransactionColumnReaderState {
  readonly header: readonly string[] | undefined;
  readonly mapping: TransactionMapping | undefined;
  /** The customer dictionary: customer index → id. */
  readonly customerIds: readonly string[];
  /** Data records read (valid + rejected). */
  readonly records: number;
  readonly valid: number;
  readonly rejected: number;
  /** Epoch ms of the latest valid row (−∞ before any). */
  readonly lastAt: number;
  /** Customer ids whose cells were written with surrounding blanks in some rows and not (or differently) in others, and so were merged. */
  readonly mergedIdSpellings: number;
  /** Up to five examples of such merges: the id and the raw spellings seen. */
  readonly mergedIdExamples: readonly { readonly id: string; readonly spellings: readonly string[] }[];
  /** Bytes held for the transaction-id index (duplicates and refund links). */
  readonly idIndexBytes: number;
}

/** A push reader: feed byte chunks (split anywhere), then `end`. @category IO */
export interface TransactionColumnReader {
  /** Reads a chunk of bytes (split anywhere, even inside a character or a quoted field). */
  push(chunk: Uint8Array): void;
  /** Pushes one NDJSON record (an object) at `line`, for readers of JSON lines. */
  pushRecord(fields: Readonly<Record<string, unknown>>, line: number): void;
  /** A row that could not even be read as a record (bad JSON), counted and passed to `onRejected`. */
  pushUnreadable(row: Omit<RejectedRow, 'index'>): void;
  /** Reads what is left (a last line without a line break), hands out the last batch and returns what was seen. */
  end(): TransactionColumnReaderState;
  readonly state: TransactionColumnReaderState;
}

const SPACE = 0x20;
const unset = -1;

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ASCII whitespace as String.prototype.trim sees it (tab, LF, VT, FF, CR, space). */
const isBlank = (c: number) => c === SPACE || (c >= 0x09 && c <= 0x0d);

/**
 * Reads a transaction export into columns in one pass, validating every row once with exactly the
 * decisions of {@link readTransactions} (the schema, unique ids and refund links), without building
 * an object or a string per row.
 *
 * @remarks
 * Each mapped cell is read from its bytes: plain decimal amounts, `YYYY-MM-DD` and `YYYYMMDD` dates
 * and ASCII ids directly; any other cell through the same text rules as {@link readTransactions}.
 * A row that any rule rejects is handed to {@link readTransactions} itself, so a rejected row carries
 * the very issues (codes, paths, messages) of the record path, plus its line and original cells.
 * Across the whole input, not a batch: a transaction id that repeats is rejected as `duplicate_id`
 * naming the line of its first use; a refund links to its purchase anywhere earlier in the input
 * (checked in input order: same customer and currency, not earlier than the purchase, refunds
 * not exceeding it).
 *
 * Memory: the customer dictionary (each id's bytes + about 30 bytes) and, when the mapping has an
 * `id` column, an index of transaction ids: each id's bytes + about 24 bytes, plus 30 bytes for a
 * purchase when a `refundOf` column is mapped. Never the rows.
 * Customer ids are trimmed as cells are; ids that differ only in surrounding blanks therefore merge,
 * and every such merge is counted in `mergedIdSpellings` (with examples), never silent.
 *
 * Valid rows reach `onBatch` a batch at a time (so after any rejected row of the same stretch);
 * rejected rows reach `onRejected` at once, in input order.
 *
 * @param options - Mapping, delimiter, encoding, batch size and the two sinks.
 * @returns A push reader.
 * @throws {@link RelmarkError} `invalid_options` for a mapped column missing from the header or an
 *   invalid option; `invalid_input` for a missing or invalid header, text that is not valid UTF-8
 *   (`invalid_encoding`, naming the line) or an unclosed quote.
 * @example
 * ```ts
 * import { createTransactionColumnReader } from 'relmark/io';
 * const amounts: number[] = [];
 * const rejectedLines: number[] = [];
 * const reader = createTransactionColumnReader({
 *   onBatch: (b) => amounts.push(...b.amount),
 *   onRejected: (row) => rejectedLines.push(row.line ?? 0),
 * });
 * reader.push(new TextEncoder().encode('customerId,at,amount\nc1,2024-01-02,9.5\nc2,2024-01-03,12,50\n'));
 * const state = reader.end();
 * [amounts, rejectedLines, state.customerIds];
 * //=> [[9.5], [3], ['c1']]
 * ```
 * @category IO
 */
export function createTransactionColumnReader(options: TransactionColumnReaderOptions): TransactionColumnReader {
  const batchSize = options.batchSize ?? 65_536;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new RelmarkError('invalid_options', 'createTransactionColumnReader: invalid options', {
      issues: [{ code: 'invalid_value', path: ['batchSize'], message: `batchSize must be an integer ≥ 1, received ${String(batchSize)}` }],
    });
  }
  const encoding = options.encoding ?? 'utf-8';
  const delimiterOption = options.delimiter ?? ',';
  if (delimiterOption !== 'whitespace' && (delimiterOption.length !== 1 || delimiterOption.charCodeAt(0) >= 0x80 || delimiterOption === '"' || delimiterOption === '\n' || delimiterOption === '\r')) {
    throw new RelmarkError('invalid_options', 'createTransactionColumnReader: invalid options', {
      issues: [{ code: 'invalid_value', path: ['delimiter'], message: `delimiter must be one ASCII character other than a quote or line break, or 'whitespace'; received ${JSON.stringify(delimiterOption)}` }],
    });
  }

  // Batch columns, reused: a batch is handed out and then overwritten.
  const customer = new Int32Array(batchSize);
  const at = new Float64Array(batchSize);
  const amount = new Float64Array(batchSize);
  const refund = new Uint8Array(batchSize);
  const refundedAt = new Float64Array(batchSize);
  const lineOf = new Int32Array(batchSize);
  let fill = 0;

  const customers = createByteKeyTable(1 << 16);
  const customerIds: string[] = [];
  // Customers whose cells were written with blanks around the id: the raw spellings seen.
  const spellings = new Map<number, Set<string>>();
  // 1 where a customer's id was also seen written exactly, without blanks around it.
  let plainSpelling = new Uint8Array(1 << 16);
  const ids = createByteKeyTable(1 << 10);
  let idLine = new Int32Array(1 << 10);
  // Purchases that carry an id, for refund links (only when a refundOf column is mapped).
  let purchaseCustomer = new Int32Array(0);
  let purchaseAt = new Float64Array(0);
  let purchaseAmount = new Float64Array(0);
  let purchaseRefunded = new Float64Array(0);
  let purchaseCurrency = new Int16Array(0);
  const currencyCodes = new Map<string, number>();
  const encoder = new TextEncoder();

  let header: string[] | undefined;
  let mapping: TransactionMapping | undefined;
  let format: DateFormat = 'auto';
  const column: Record<TransactionField, number> = { id: unset, customerId: unset, at: unset, amount: unset, currency: unset, kind: unset, refundOf: unset };
  let records = 0;
  let valid = 0;
  let rejectedCount = 0;
  let lastAt = Number.NEGATIVE_INFINITY;

  const flush = () => {
    if (fill === 0) return;
    options.onBatch({
      length: fill,
      customer: customer.subarray(0, fill),
      at: at.subarray(0, fill),
      amount: amount.subarray(0, fill),
      refund: refund.subarray(0, fill),
      refundedAt: refundedAt.subarray(0, fill),
      line: lineOf.subarray(0, fill),
    });
    // The arrays are reused for the next batch (the consumer copies what it keeps, as documented):
    // a 10M-row file would otherwise leave 150 batches of garbage outside the heap.
    fill = 0;
  };

  const reject = (index: number, line: number, input: unknown, issues: readonly RelmarkIssue[]) => {
    rejectedCount++;
    options.onRejected({ index, line, input, issues });
  };

  const setHeader = (names: readonly string[]) => {
    header = checkHeader(names, 'createTransactionColumnReader');
    mapping = typeof options.mapping === 'function' ? options.mapping(header) : (options.mapping ?? {});
    format = mapping.dateFormat ?? 'auto';
    const missing: RelmarkIssue[] = [];
    for (const field of transactionFields) {
      const name = mapping[field] ?? field;
      const index = header.indexOf(name);
      column[field] = index;
      if (index < 0 && (mapping[field] !== undefined || field === 'customerId' || field === 'at' || field === 'amount')) {
        missing.push({
          code: 'unknown_column',
          path: ['mapping', field],
          message: `Column "${name}" (for ${field}) is not in the header ${header.map((h) => `"${h}"`).join(', ')}${mapping[field] === undefined ? `; name it in the mapping (${field}: '<column>')` : ''}`,
        });
      }
    }
    if (missing.length > 0) throw new RelmarkError('invalid_options', 'the input does not have the columns needed', { issues: missing });
  };

  /** Trims ASCII blanks; returns [start, end) or undefined when a non-ASCII byte needs the text rules. */
  let trimStart = 0;
  let trimEnd = 0;
  const trimAscii = (buf: Uint8Array, start: number, end: number): boolean => {
    while (start < end && isBlank(buf[start] as number)) start++;
    while (end > start && isBlank(buf[end - 1] as number)) end--;
    for (let i = start; i < end; i++) if ((buf[i] as number) >= 0x80) return false;
    trimStart = start;
    trimEnd = end;
    return true;
  };

  const digitsAt = (buf: Uint8Array, p: number, n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const c = (buf[p + i] as number) - 0x30;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  };

  /** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
  const daysFromCivil = (y: number, m: number, d: number): number => {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146_097 + doe - 719_468;
  };
  const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  /** Epoch ms of a calendar date, or NaN when it is not a real date (as readIsoInstant decides). */
  const dateMs = (y: number, m: number, d: number): number => {
    if (y < 0 || m < 1 || m > 12 || d < 1) return Number.NaN;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (d > (m === 2 && leap ? 29 : (monthDays[m - 1] as number))) return Number.NaN;
    return daysFromCivil(y, m, d) * 86_400_000;
  };

  /** The instant of a trimmed ASCII date cell; NaN when the schema would reject it. */
  const readAt = (buf: Uint8Array, s: number, e: number): number => {
    const n = e - s;
    if (n === 10 && buf[s + 4] === 0x2d && buf[s + 7] === 0x2d && format !== 'epoch_ms' && format !== 'epoch_s' && format !== 'yyyymmdd') {
      const y = digitsAt(buf, s, 4);
      const m = digitsAt(buf, s + 5, 2);
      const d = digitsAt(buf, s + 8, 2);
      if (y >= 0 && m >= 0 && d >= 0) return dateMs(y, m, d);
    } else if (n === 8 && (format === 'auto' || format === 'yyyymmdd')) {
      const y = digitsAt(buf, s, 4);
      const m = digitsAt(buf, s + 4, 2);
      const d = digitsAt(buf, s + 6, 2);
      if (y >= 0 && m >= 0 && d >= 0) return dateMs(y, m, d);
    }
    const ms = instantMsOfCell(fieldText(buf, s, e, 0), format);
    return ms === undefined ? Number.NaN : ms;
  };

  const pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

  /**
   * The amount of a trimmed ASCII cell; NaN when the schema would reject it. Plain decimals of at most
   * 15 significant digits are w / 10^k with w and 10^k exact doubles, so one correctly rounded
   * division gives exactly Number(text) (Clinger 1990, the fast path); anything else goes through Number.
   */
  const readAmount = (buf: Uint8Array, s: number, e: number): number => {
    let p = s;
    let negative = false;
    if (buf[p] === 0x2b) p++;
    else if (buf[p] === 0x2d) {
      negative = true;
      p++;
    }
    let w = 0;
    let digits = 0;
    let fraction = 0;
    let seenDot = false;
    let plain = p < e;
    for (; p < e; p++) {
      const c = buf[p] as number;
      if (c >= 0x30 && c <= 0x39) {
        w = w * 10 + (c - 0x30);
        digits++;
        if (seenDot) fraction++;
      } else if (c === 0x2e && !seenDot) seenDot = true;
      else {
        plain = false;
        break;
      }
    }
    if (plain && digits > 0 && digits <= 15) {
      const v = w / (pow10[fraction] as number);
      if (negative) return v === 0 ? -0 : Number.NaN;
      return v;
    }
    const v = amountOfCell(fieldText(buf, s, e, 0));
    return v === undefined ? Number.NaN : v;
  };

  const currencyIndex = (code: string): number => {
    let index = currencyCodes.get(code);
    if (index === undefined) currencyCodes.set(code, (index = currencyCodes.size));
    return index;
  };

  // One row's fields, read by `readRow` from bytes (or set by the record path).
  let rowCustomer = 0;
  let rowAt = 0;
  let rowAmount = 0;
  let rowRefund = 0;
  let rowCurrency = -1; // index into currencyCodes, −1 for none
  let rowIdStart = 0;
  let rowIdEnd = 0;
  let rowIdBytes: Uint8Array | undefined;
  let rowRefundOfStart = 0;
  let rowRefundOfEnd = 0;
  let rowRefundOfBytes: Uint8Array | undefined;

  const internCustomer = (bytes: Uint8Array, start: number, end: number, raw: string | undefined): number => {
    const index = customers.intern(bytes, start, end);
    // Indices are dense and in order of first sight: a new customer's index is the dictionary's length.
    if (index === customerIds.length) {
      customerIds.push(fieldText(bytes, start, end, 0, 'utf-8'));
      if (index === plainSpelling.length) {
        const grown = new Uint8Array(plainSpelling.length * 2);
        grown.set(plainSpelling);
        plainSpelling = grown;
      }
    }
    if (raw === undefined) plainSpelling[index] = 1;
    else {
      let seen = spellings.get(index);
      if (seen === undefined) spellings.set(index, (seen = new Set()));
      if (seen.size < 16) seen.add(raw);
    }
    return index;
  };

  /** Reads a row from its cells' bytes; false when any cell needs the record path (it may be invalid). */
  const readRow = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, flags: Uint8Array): boolean => {
    // customerId
    let c = column.customerId;
    if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number)) return false;
    const s = trimStart;
    const e = trimEnd;
    if (e === s || e - s > 256) return false;
    const raw = s !== starts[c] || e !== ends[c] ? fieldText(buf, starts[c] as number, ends[c] as number, 0) : undefined;
    // at
    c = column.at;
    if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number) || trimEnd === trimStart) return false;
    rowAt = readAt(buf, trimStart, trimEnd);
    if (Number.isNaN(rowAt)) return false;
    // amount
    c = column.amount;
    if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number) || trimEnd === trimStart) return false;
    rowAmount = readAmount(buf, trimStart, trimEnd);
    if (Number.isNaN(rowAmount)) return false;
    // kind
    rowRefund = 0;
    c = column.kind;
    if (c !== unset) {
      if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number)) return false;
      const n = trimEnd - trimStart;
      if (n === 6 && fieldText(buf, trimStart, trimEnd, 0) === 'refund') rowRefund = 1;
      else if (n !== 0 && !(n === 8 && fieldText(buf, trimStart, trimEnd, 0) === 'purchase')) return false;
    }
    // currency
    rowCurrency = -1;
    c = column.currency;
    if (c !== unset) {
      if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number)) return false;
      if (trimEnd > trimStart) {
        const code = fieldText(buf, trimStart, trimEnd, 0);
        if (!/^[A-Z]{3}$/.test(code) || !knownCurrencies.has(code)) return false;
        rowCurrency = currencyIndex(code);
      }
    }
    // id and refundOf
    rowIdBytes = undefined;
    c = column.id;
    if (c !== unset) {
      if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number) || trimEnd - trimStart > 256) return false;
      if (trimEnd > trimStart) {
        rowIdBytes = buf;
        rowIdStart = trimStart;
        rowIdEnd = trimEnd;
      }
    }
    rowRefundOfBytes = undefined;
    c = column.refundOf;
    if (c !== unset) {
      if ((flags[c] as number) & fieldEscaped || !trimAscii(buf, starts[c] as number, ends[c] as number) || trimEnd - trimStart > 256) return false;
      if (trimEnd > trimStart) {
        rowRefundOfBytes = buf;
        rowRefundOfStart = trimStart;
        rowRefundOfEnd = trimEnd;
      }
    }
    if ((rowRefund === 1) !== (rowRefundOfBytes !== undefined)) return false;
    rowCustomer = internCustomer(buf, s, e, raw);
    return true;
  };

  /** Takes a row's values from the record path's parsed transaction. */
  const takeParsed = (t: Transaction, rawCustomer: unknown): void => {
    const bytes = encoder.encode(t.customerId);
    const rawText = typeof rawCustomer === 'string' && rawCustomer !== t.customerId ? rawCustomer : undefined;
    rowCustomer = internCustomer(bytes, 0, bytes.length, rawText);
    rowAt = t.at.getTime();
    rowAmount = t.amount;
    rowRefund = t.kind === 'refund' ? 1 : 0;
    rowCurrency = t.currency === undefined ? -1 : currencyIndex(t.currency);
    if (t.id === undefined) rowIdBytes = undefined;
    else {
      rowIdBytes = encoder.encode(t.id);
      rowIdStart = 0;
      rowIdEnd = rowIdBytes.length;
    }
    if (t.refundOf === undefined) rowRefundOfBytes = undefined;
    else {
      rowRefundOfBytes = encoder.encode(t.refundOf);
      rowRefundOfStart = 0;
      rowRefundOfEnd = rowRefundOfBytes.length;
    }
  };

  const idText = (bytes: Uint8Array, start: number, end: number) => fieldText(bytes, start, end, 0, 'utf-8');

  /** The checks across rows; adds the row to the batch or rejects it. */
  // The record being accepted, to rebuild its input only when it is rejected (no closure per row).
  let pendingRecord: SourceRecord | undefined;
  let pendingBuf: Uint8Array = new Uint8Array(0);
  let pendingStarts: Int32Array = new Int32Array(0);
  let pendingEnds: Int32Array = new Int32Array(0);
  let pendingFlags: Uint8Array = new Uint8Array(0);
  let pendingCount = 0;
  const input = (line: number): SourceRecord =>
    pendingRecord ?? { line, fields: toFields(header as string[], cellsOf(pendingBuf, pendingStarts, pendingEnds, pendingFlags, pendingCount)) };

  const acceptRow = (index: number, line: number): void => {
    const linkRefunds = column.refundOf !== unset;
    let purchaseEntry = -1;
    if (rowIdBytes !== undefined) {
      const before = ids.size;
      const entry = ids.intern(rowIdBytes, rowIdStart, rowIdEnd);
      if (ids.size === before) {
        const id = idText(rowIdBytes, rowIdStart, rowIdEnd);
        reject(index, line, input(line), [{ code: 'duplicate_id', path: ['rows', index, 'id'], message: `Id "${id}" appears more than once (first on line ${idLine[entry] as number}; the first is kept)` }]);
        return;
      }
      if (entry === idLine.length) {
        const next = new Int32Array(idLine.length * 2);
        next.set(idLine);
        idLine = next;
      }
      idLine[entry] = line;
      if (linkRefunds) {
        if (entry >= purchaseCustomer.length) growPurchases(entry + 1);
        purchaseCustomer[entry] = rowRefund === 1 ? -1 : rowCustomer;
        purchaseAt[entry] = rowAt;
        purchaseAmount[entry] = rowAmount;
        purchaseRefunded[entry] = 0;
        purchaseCurrency[entry] = rowCurrency;
      }
      purchaseEntry = entry;
    }
    let linkedAt = Number.NaN;
    if (rowRefund === 1 && rowRefundOfBytes !== undefined) {
      const refundOf = idText(rowRefundOfBytes, rowRefundOfStart, rowRefundOfEnd);
      const p = ids.find(rowRefundOfBytes, rowRefundOfStart, rowRefundOfEnd);
      const issue = (field: string, code: string, message: string): void => {
        // The refund's own id stays taken: a later row with it is still a duplicate.
        reject(index, line, input(line), [{ code, path: ['rows', index, field], message }]);
      };
      if (p < 0 || p === purchaseEntry || (purchaseCustomer[p] as number) < 0) {
        issue('refundOf', 'unknown_purchase', `Refund names purchase "${refundOf}", which is not a valid purchase earlier in the input`);
        return;
      }
      const owner = purchaseCustomer[p] as number;
      if (owner !== rowCustomer) {
        issue('customerId', 'refund_customer_mismatch', `Refund is for customer "${customerIds[rowCustomer] as string}" but purchase "${refundOf}" is customer "${customerIds[owner] as string}"'s`);
        return;
      }
      if (purchaseCurrency[p] !== rowCurrency) {
        const name = (i: number) => (i < 0 ? '(none)' : ([...currencyCodes.entries()].find(([, v]) => v === i)?.[0] ?? '?'));
        issue('currency', 'refund_currency_mismatch', `Refund currency ${name(rowCurrency)} differs from purchase currency ${name(purchaseCurrency[p] as number)}`);
        return;
      }
      const boughtAt = purchaseAt[p] as number;
      if (rowAt < boughtAt) {
        issue('at', 'refund_before_purchase', `Refund at ${new Date(rowAt).toISOString()} precedes purchase "${refundOf}" at ${new Date(boughtAt).toISOString()}`);
        return;
      }
      const after = (purchaseRefunded[p] as number) + rowAmount;
      const bought = purchaseAmount[p] as number;
      if (after > bought * (1 + 1e-12) + 1e-9) {
        issue('amount', 'refund_exceeds_purchase', `Refunds of purchase "${refundOf}" would total ${after} but it was ${bought} (exceeds by ${after - bought})`);
        return;
      }
      purchaseRefunded[p] = after;
      linkedAt = boughtAt;
    }
    customer[fill] = rowCustomer;
    at[fill] = rowAt;
    amount[fill] = rowAmount;
    refund[fill] = rowRefund;
    refundedAt[fill] = linkedAt;
    lineOf[fill] = line;
    fill++;
    valid++;
    if (rowAt > lastAt) lastAt = rowAt;
    if (fill === batchSize) flush();
  };

  const growPurchases = (needed: number) => {
    let n = Math.max(1024, purchaseCustomer.length * 2);
    while (n < needed) n *= 2;
    const grow = <T extends Int32Array | Float64Array | Int16Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    purchaseCustomer = grow(purchaseCustomer, (k) => new Int32Array(k));
    purchaseAt = grow(purchaseAt, (k) => new Float64Array(k));
    purchaseAmount = grow(purchaseAmount, (k) => new Float64Array(k));
    purchaseRefunded = grow(purchaseRefunded, (k) => new Float64Array(k));
    purchaseCurrency = grow(purchaseCurrency, (k) => new Int16Array(k));
  };

  /**
   * The record path: the cells are converted as readTransactions converts them and the zod schema
   * decides, giving a rejected row its exact issues; the checks across rows follow in acceptRow.
   */
  const recordPath = (record: SourceRecord, index: number): void => {
    const result = parseBatch(TransactionSchema, [transactionInputOf(record.fields, mapping ?? {})], { pathName: 'rows' });
    const t = result.valid[0];
    if (t === undefined) {
      const row = result.rejected[0] as RejectedRow;
      reject(index, record.line, record, row.issues.map((issue) => (issue.path[0] === 'rows' ? { ...issue, path: ['rows', index, ...issue.path.slice(2)] } : issue)));
      return;
    }
    takeParsed(t, record.fields[mapping?.customerId ?? 'customerId']);
    pendingRecord = record;
    acceptRow(index, record.line);
  };

  const cellsOf = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, flags: Uint8Array, count: number): string[] => {
    const cells: string[] = [];
    for (let i = 0; i < count; i++) cells.push(fieldText(buf, starts[i] as number, ends[i] as number, flags[i] as number, encoding));
    return cells;
  };

  const scanner: CsvScanner = createCsvScanner(
    {
      record(buf, starts, ends, flags, count, line) {
        if (header === undefined) {
          setHeader(cellsOf(buf, starts, ends, flags, count));
          return;
        }
        const index = records++;
        const names = header;
        if (count !== names.length) {
          reject(index, line, cellsOf(buf, starts, ends, flags, count), [{ code: 'column_count', path: ['rows', index], message: `Line ${line} has ${count} fields but the header has ${names.length}` }]);
          return;
        }
        if (readRow(buf, starts, ends, flags)) {
          pendingRecord = undefined;
          pendingBuf = buf;
          pendingStarts = starts;
          pendingEnds = ends;
          pendingFlags = flags;
          pendingCount = count;
          acceptRow(index, line);
          return;
        }
        recordPath({ line, fields: toFields(names, cellsOf(buf, starts, ends, flags, count)) }, index);
      },
      malformed(buf, start, end, line, reason) {
        if (header === undefined) {
          throw new RelmarkError('invalid_input', 'the CSV header is malformed', { issues: [{ code: 'malformed_csv', path: ['header'], message: `Line ${line}: ${reason}` }] });
        }
        const index = records++;
        reject(index, line, fieldText(buf, start, end, 0, encoding), [{ code: 'malformed_csv', path: ['rows', index], message: `Line ${line} is not valid CSV: ${reason}` }]);
      },
    },
    { delimiter: delimiterOption === 'whitespace' ? 'whitespace' : delimiterOption.charCodeAt(0), encoding },
  );

  const state = (): TransactionColumnReaderState => {
    let merged = 0;
    const examples: { id: string; spellings: string[] }[] = [];
    for (const [index, seen] of spellings) {
      const plain = plainSpelling[index] === 1;
      const distinct = seen.size + (plain ? 1 : 0);
      if (distinct < 2) continue;
      merged++;
      const id = customerIds[index] as string;
      if (examples.length < 5) examples.push({ id, spellings: [...(plain ? [id] : []), ...seen] });
    }
    return {
      header,
      mapping,
      customerIds,
      records,
      valid,
      rejected: rejectedCount,
      lastAt,
      mergedIdSpellings: merged,
      mergedIdExamples: examples,
      idIndexBytes: ids.byteLength + idLine.byteLength + purchaseCustomer.length * 30,
    };
  };

  return {
    push(chunk) {
      scanner.push(chunk);
    },
    pushRecord(fields, line) {
      // JSON lines name their fields in each record: the first record's keys stand for the header.
      if (header === undefined) setHeader(Object.keys(fields));
      recordPath({ line, fields }, records++);
    },
    pushUnreadable(row) {
      const index = records++;
      reject(index, row.line ?? 0, row.input, row.issues.map((issue) => (issue.path[0] === 'rows' ? { ...issue, path: ['rows', index, ...issue.path.slice(2)] } : issue)));
    },
    end() {
      scanner.end();
      flush();
      return state();
    },
    get state() {
      return state();
    },
  };
}
