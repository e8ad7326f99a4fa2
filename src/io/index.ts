/**
 * Input and output, platform-neutral: CSV and NDJSON text to records, records to validated
 * transactions (nothing lost: every rejected row comes back with its line and reasons), and rows
 * back to CSV that is safe to open in a spreadsheet. File access belongs to the caller (or the CLI).
 * @module io
 */
export type { SourceRecord } from './csvRecord.js';
export { parseCsv } from './parseCsv.js';
export { readCsvStream } from './readCsvStream.js';
export type { CsvStreamItem } from './readCsvStream.js';
export type { ParseCsvOptions, ParsedCsv } from './parseCsv.js';
export { parseNdjson } from './parseNdjson.js';
export type { ParsedNdjson } from './parseNdjson.js';
export { readTransactions, transactionFields } from './readTransactions.js';
export type { DateFormat, TransactionField, TransactionMapping } from './readTransactions.js';
export { parseColumnMapping } from './parseColumnMapping.js';
export { toCsv } from './toCsv.js';
export type { ToCsvOptions } from './toCsv.js';
export { createTransactionColumnReader } from './transactionColumnReader.js';
export type {
  TransactionColumnBatch,
  TransactionColumnReader,
  TransactionColumnReaderOptions,
  TransactionColumnReaderState,
} from './transactionColumnReader.js';
export { readParquetTransactions } from './readParquetTransactions.js';
export type { ParquetSource, ParquetTransactionsState, ReadParquetTransactionsOptions } from './readParquetTransactions.js';
