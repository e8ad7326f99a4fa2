import { describeValue } from '../internal/describeValue.js';
import { wrongType } from '../internal/guards.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import { readCsvStream } from '../io/readCsvStream.js';
import { readTransactions, type TransactionMapping } from '../io/readTransactions.js';
import type { SourceRecord } from '../io/csvRecord.js';
import type { RejectedRow } from '../models/parse.js';
import { TransactionSchema, type Transaction } from '../models/transaction.js';
import { createSummaryAccumulator, stateOf, type SummaryAccumulator, type SummaryAccumulatorOptions } from './createSummaryAccumulator.js';

/** Options of {@link accumulateCsvStream}: the accumulator's, the column mapping and the batch size. @category Summaries */
export interface AccumulateCsvStreamOptions extends SummaryAccumulatorOptions {
  /** Which column holds each transaction field, and the date format (see `readTransactions`). @defaultValue fields read from columns of the same name */
  readonly mapping?: TransactionMapping;
  /** The CSV delimiter. @defaultValue ',' */
  readonly delimiter?: string;
  /** Records validated and added at a time. @defaultValue 10000 */
  readonly batchSize?: number;
}

/** The result of {@link accumulateCsvStream}. @category Summaries */
export interface AccumulateCsvStreamResult {
  /** The summaries of every valid row. */
  readonly accumulator: SummaryAccumulator;
  /** Every rejected row with its line and reasons (malformed CSV lines and invalid transactions), in file order. */
  readonly rejected: RejectedRow[];
  /** The number of data records read (valid + rejected). */
  readonly records: number;
}

/**
 * Summarises a CSV transaction log of any size from a stream of text or byte chunks: records are
 * read one at a time ({@link readCsvStream}), validated in batches ({@link readTransactions}) and
 * added to a summary accumulator, so memory holds one batch plus the per-customer state, never the
 * file.
 *
 * @remarks
 * Nothing is lost: every record is either added or returned in `rejected` with its line and
 * reasons (paths `['rows', i, field]` with i counting data records from 0). A refund whose purchase
 * is in an earlier or later batch is added and linked when a summary is read (the accumulator
 * checks its links then); a transaction id already added by an earlier batch is rejected as
 * `duplicate_id`. Rows after `asOf` are rejected (`future_date`), or with
 * `futureTransactions: 'exclude'` left out and counted in `accumulator.excluded.future`.
 * Memory: the accumulator's (see {@link createSummaryAccumulator}) plus one batch and the rejected
 * rows. The result equals `createSummaryAccumulator(options)` with every valid row added.
 * Edge cases: a header-only file gives an empty accumulator; a file without a header →
 * `invalid_input` (from `readCsvStream`). O(records).
 *
 * @param chunks - The CSV text in pieces: a Node `fs.createReadStream`, a `fetch` body, or an array of strings.
 * @param options - `asOf` (required), `timeUnit`, `period`, `futureTransactions`, `mapping`, `delimiter`, `batchSize`.
 * @returns A promise of the accumulator, the rejected rows and the record count.
 * @throws {@link RelmarkError} (as a rejected promise) `invalid_options` for invalid options or a
 *   mapped column that is in no record; `invalid_input` for CSV text without a header or malformed.
 * @example
 * ```ts
 * import { accumulateCsvStream } from 'relmark';
 * const file = ['cust,date,value\n1,19970101,29.33\n1,1997', '0108,10\n2,19970102,oops\n'];
 * const { accumulator, rejected } = await accumulateCsvStream(file, {
 *   asOf: '1997-01-29', timeUnit: 'day', mapping: { customerId: 'cust', at: 'date', amount: 'value' },
 * });
 * [accumulator.histories(), rejected.map((r) => [r.line, r.issues[0]?.path])];
 * //=> [[{ customerId: '1', x: 1, tx: 7, T: 28, monetaryMean: 10 }], [[4, ['rows', 2, 'amount']]]]
 * ```
 * @category Summaries
 */
export async function accumulateCsvStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: AccumulateCsvStreamOptions,
): Promise<AccumulateCsvStreamResult> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw wrongType('accumulateCsvStream', ['options'], 'an options object with at least asOf', options, 'invalid_options');
  const { mapping = {}, delimiter, batchSize = 10_000, ...accumulatorOptions } = options;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new RelmarkError('invalid_options', 'accumulateCsvStream: invalid options', {
      issues: [{ code: 'invalid_value', path: ['batchSize'], message: `batchSize must be an integer ≥ 1, received ${typeof batchSize === 'number' ? String(batchSize) : describeValue(batchSize)}` }],
    });
  }
  const accumulator = createSummaryAccumulator(accumulatorOptions);
  const state = stateOf(accumulator);
  const asOf = state?.settings.asOf ?? Number.POSITIVE_INFINITY;
  const rejectFuture = state?.settings.futureTransactions === 'reject';
  const rejected: RejectedRow[] = [];
  let records = 0;
  let batch: SourceRecord[] = [];
  let batchStart = 0;

  const flush = () => {
    if (batch.length === 0) return;
    const read = readTransactions(batch, mapping);
    const accepted: { index: number; row: Transaction }[] = read.valid.map((row, j) => ({ index: read.validIndices[j] as number, row }));
    for (const row of read.rejected) {
      // A refund of a purchase in another batch: add it, the accumulator links it when read.
      const deferred = row.issues.every((issue) => issue.code === 'unknown_purchase') ? TransactionSchema.safeParse(row.input) : undefined;
      if (deferred?.success) accepted.push({ index: row.index, row: deferred.data });
      else rejected.push(relocated(row, batchStart));
    }
    accepted.sort((p, q) => p.index - q.index);
    const rows: Transaction[] = [];
    for (const { index, row } of accepted) {
      const issue =
        row.id !== undefined && (state?.purchases.has(row.id) || state?.refundIds.has(row.id))
          ? { code: 'duplicate_id', field: 'id', message: `Id "${row.id}" appears in an earlier batch` }
          : rejectFuture && row.at.getTime() > asOf
            ? { code: 'future_date', field: 'at', message: `Transaction at ${row.at.toISOString()} is after asOf ${new Date(asOf).toISOString()}` }
            : undefined;
      if (issue === undefined) rows.push(row);
      else {
        const global = batchStart + index;
        const line = batch[index]?.line;
        rejected.push({ index: global, ...(line === undefined ? {} : { line }), input: batch[index], issues: [{ code: issue.code, path: ['rows', global, issue.field], message: issue.message }] });
      }
    }
    accumulator.addUnchecked(rows);
    batchStart += batch.length;
    batch = [];
  };

  for await (const item of readCsvStream(chunks, delimiter === undefined ? {} : { delimiter })) {
    if (item.kind === 'header') continue;
    records++;
    if (item.kind === 'rejected') {
      flush();
      rejected.push(relocated(item.row, 0, batchStart));
      batchStart++;
      continue;
    }
    batch.push(item.record);
    if (batch.length >= batchSize) flush();
  }
  flush();
  rejected.sort((p, q) => p.index - q.index);
  return { accumulator, rejected, records };
}

/** A rejected row with its index (and the index in its path) counted over the whole file. */
function relocated(row: RejectedRow, offset: number, index = row.index + offset): RejectedRow {
  return {
    ...row,
    index,
    issues: row.issues.map((issue) => (issue.path[0] === 'rows' && typeof issue.path[1] === 'number' ? { ...issue, path: ['rows', index, ...issue.path.slice(2)] } : issue)),
  };
}
