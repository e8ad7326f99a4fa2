import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedRow } from '../models/parse.js';
import type { TransactionMapping } from './readTransactions.js';
import { createTransactionColumnReader, type TransactionColumnBatch } from './transactionColumnReader.js';
import { readParquetTransactions } from './readParquetTransactions.js';

let dir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relmark-parquet-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

interface Read {
  readonly rows: { customer: string; at: number; amount: number; refund: number; refundedAt: number; line: number }[];
  readonly rejected: { index: number; line: number | undefined; issues: { code: string; path: readonly (string | number)[] }[]; input: unknown }[];
  readonly customerIds: readonly string[];
  readonly valid: number;
  readonly records: number;
}

function collector() {
  const rows: Read['rows'] = [];
  const rejected: Read['rejected'] = [];
  let ids: readonly string[] = [];
  return {
    onBatch(batch: TransactionColumnBatch) {
      for (let i = 0; i < batch.length; i++) {
        rows.push({ customer: String(batch.customer[i]), at: batch.at[i]!, amount: batch.amount[i]!, refund: batch.refund[i]!, refundedAt: batch.refundedAt[i]!, line: batch.line[i]! });
      }
    },
    onRejected(row: RejectedRow) {
      rejected.push({ index: row.index, line: row.line, issues: row.issues.map((issue) => ({ code: issue.code, path: issue.path })), input: row.input });
    },
    finish(state: { customerIds: readonly string[]; valid: number; records: number }): Read {
      ids = state.customerIds;
      return { rows: rows.map((r) => ({ ...r, customer: ids[Number(r.customer)] as string })), rejected, customerIds: ids, valid: state.valid, records: state.records };
    },
  };
}

function readCsv(text: string, mapping: TransactionMapping = {}, batchSize = 7): Read {
  const sink = collector();
  const reader = createTransactionColumnReader({ mapping, batchSize, onBatch: sink.onBatch, onRejected: sink.onRejected });
  reader.push(new TextEncoder().encode(text));
  return sink.finish(reader.end());
}

async function readParquet(file: string, mapping: TransactionMapping = {}, batchSize = 7): Promise<Read & { rowGroups: number }> {
  const sink = collector();
  const state = await readParquetTransactions(readFileSync(file), { mapping, batchSize, onBatch: sink.onBatch, onRejected: sink.onRejected });
  return { ...sink.finish(state), rowGroups: state.rowGroups };
}

const csvText = [
  'id,customerId,at,amount,kind,refundOf',
  't1,c1,2024-01-02,10.5,purchase,',
  't2,c2,2024-01-02 23:59:59.999999,3,,',
  't3,c1,2024-01-05T08:30:00,-4,purchase,', // negative amount: rejected
  't4,,2024-01-06,5,purchase,', // no customer: rejected
  't5,c3,,5,purchase,', // no date: rejected
  't1,c3,2024-01-07,1,purchase,', // duplicate id: rejected
  't6,c1,2024-01-08,4.25,refund,t1',
  't7,c2,2024-01-09,99,refund,t2', // refund larger than the purchase: rejected
  't8,"c,4",2024-02-29T12:00:00.5,0.1,purchase,',
  't9,c1,2024-03-01,,purchase,', // no amount: rejected
  '',
].join('\n');

async function csvToParquet(text: string, name: string, select: string, rowGroupSize = 3): Promise<string> {
  const csv = join(dir, `${name}.csv`);
  const parquet = join(dir, `${name}.parquet`);
  writeFileSync(csv, text);
  await connection.run(
    `COPY (SELECT ${select} FROM read_csv('${csv}', all_varchar = true, header = true)) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`,
  );
  return parquet;
}

describe('readParquetTransactions', () => {
  it('reads a Parquet file of strings exactly as its CSV: rows, dictionary and rejected rows with their cells', async () => {
    const parquet = await csvToParquet(csvText, 'strings', '*');
    const fromCsv = readCsv(csvText);
    const fromParquet = await readParquet(parquet);
    expect(fromParquet.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 9, 11]);
    expect(fromParquet.rows.map((r) => r.customer)).toEqual(['c1', 'c2', 'c1', 'c,4']);
    // DuckDB writes an empty CSV cell as NULL, which relmark reads as the same missing value.
    expect({ ...fromParquet, rowGroups: undefined }).toEqual({ ...fromCsv, rowGroups: undefined });
  });

  it('reads typed columns (TIMESTAMP µs and ns, TIMESTAMPTZ, DATE, DECIMAL, DOUBLE, BIGINT) as the CSV of the same rows', async () => {
    const typed = await csvToParquet(
      csvText,
      'typed',
      `id, customerId, CAST("at" AS TIMESTAMP) AS "at", CAST("at" AS TIMESTAMPTZ) AS at_tz, CAST("at" AS TIMESTAMP_NS) AS at_ns,
       CAST(CAST("at" AS TIMESTAMP) AS DATE) AS day, CAST(amount AS DECIMAL(12, 2)) AS amount, CAST(amount AS DOUBLE) AS amount_double, kind, refundOf`,
    );
    // The typed file holds no text for the times: compare the outcome (rows, lines, reasons), not the cells.
    const outcome = (read: Read) => ({ rows: read.rows, rejected: read.rejected.map(({ index, line, issues }) => ({ index, line, issues })), customerIds: read.customerIds });
    for (const at of ['at', 'at_tz', 'at_ns']) {
      for (const amount of ['amount', 'amount_double']) {
        expect(outcome(await readParquet(typed, { at, amount }))).toEqual(outcome(readCsv(csvText)));
      }
    }
    // A DATE column is the day at midnight UTC, as the same CSV with only the dates.
    const days = csvText.replace(/(\d{4}-\d{2}-\d{2})[T ][0-9:.]+/g, '$1');
    expect(outcome(await readParquet(typed, { at: 'day' }))).toEqual(outcome(readCsv(days)));
    // A rejected row keeps readable cells: the negative amount and the ISO time of its row.
    const rejected = (await readParquet(typed, { at: 'at', amount: 'amount_double' })).rejected[0];
    expect(rejected?.input).toEqual({ line: 4, fields: { id: 't3', customerId: 'c1', at: '2024-01-05T08:30:00.000Z', amount_double: '-4', kind: 'purchase', refundOf: '' } });
  });

  it('cuts microseconds and nanoseconds down to the millisecond, as the CSV path does (23:59:59.9999 stays on its day)', async () => {
    const parquet = join(dir, 'precision.parquet');
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('a', TIMESTAMP_NS '2024-01-02 23:59:59.999999999', 1.0), ('b', TIMESTAMP_NS '1969-12-31 23:59:59.9995', 2.0)) t(customerId, "at", amount)) TO '${parquet}' (FORMAT parquet)`,
    );
    const read = await readParquet(parquet);
    expect(read.rows.map((r) => r.at)).toEqual([Date.UTC(2024, 0, 2, 23, 59, 59, 999), Date.UTC(1969, 11, 31, 23, 59, 59, 999)]);
  });

  it('reads integer ids and epoch integers through the mapping and dateFormat, as CSV does', async () => {
    const parquet = join(dir, 'epoch.parquet');
    await connection.run(
      `COPY (SELECT * FROM (VALUES (BIGINT '9007199254740993', BIGINT '1704153600000', 7), (42, 1704240000000, 8)) t(cust, ms, value)) TO '${parquet}' (FORMAT parquet)`,
    );
    const mapping = { customerId: 'cust', at: 'ms', amount: 'value', dateFormat: 'epoch_ms' } as const;
    const read = await readParquet(parquet, mapping);
    expect(read.rows.map((r) => [r.customer, r.at, r.amount])).toEqual([
      ['9007199254740993', Date.UTC(2024, 0, 2), 7],
      ['42', Date.UTC(2024, 0, 3), 8],
    ]);
    expect(read).toMatchObject({ rejected: [], valid: 2 });
  });

  it('takes a mapping function of the file’s column names and decodes only the mapped columns', async () => {
    const parquet = await csvToParquet('who,when,what,note\nc1,2024-01-02,5,x\n', 'named', '*');
    let seen: readonly string[] = [];
    const sink = collector();
    const state = await readParquetTransactions(readFileSync(parquet), {
      mapping: (header) => {
        seen = header;
        return { customerId: 'who', at: 'when', amount: 'what' };
      },
      onBatch: sink.onBatch,
      onRejected: sink.onRejected,
    });
    expect(seen).toEqual(['who', 'when', 'what', 'note']);
    expect([state.columns, state.header, state.valid]).toEqual([['who', 'when', 'what', 'note'], ['who', 'when', 'what'], 1]);
  });

  it.each([
    ['CSV bytes', 'customerId,at,amount\nc1,2024-01-02,5\n'],
    ['an empty buffer', ''],
    ['a file cut short after its magic bytes', 'PAR1\u0000\u0000'],
  ])('rejects %s with invalid_input (invalid_parquet)', async (_name, text) => {
    const bytes = new TextEncoder().encode(text);
    const error = (await readParquetTransactions(bytes, { onBatch: () => {}, onRejected: () => {} }).catch((e: unknown) => e)) as { code: string; issues: { code: string }[] };
    expect([error.code, error.issues[0]?.code]).toEqual(['invalid_input', 'invalid_parquet']);
  });

  it('streams several row groups, in order, equal to the CSV of the same rows (12,000 rows, row groups of 2,048)', async () => {
    const lines = ['customerId,at,amount'];
    for (let i = 0; i < 12_000; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + (i % 400) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`c${(i * 7919) % 1500},${day},${i % 97 === 0 ? -1 : (i % 50) + 0.25}`);
    }
    const text = `${lines.join('\n')}\n`;
    const parquet = await csvToParquet(text, 'groups', 'customerId, CAST("at" AS DATE) AS "at", CAST(amount AS DOUBLE) AS amount', 2048);
    const fromParquet = await readParquet(parquet, {}, 1000);
    const fromCsv = readCsv(text, {}, 1000);
    expect(fromParquet.rowGroups).toBeGreaterThan(1);
    expect(fromParquet.records).toBe(12_000);
    expect(fromParquet.rejected.length).toBe(Math.ceil(12_000 / 97));
    expect(fromParquet.rows).toEqual(fromCsv.rows);
    expect(fromParquet.rejected.map(({ index, line, issues }) => ({ index, line, issues }))).toEqual(fromCsv.rejected.map(({ index, line, issues }) => ({ index, line, issues })));
    expect(fromParquet.customerIds).toEqual(fromCsv.customerIds);
  });

  it('rejects a mapped column the file does not have (invalid_options) and a mapped nested column (invalid_input)', async () => {
    const parquet = join(dir, 'nested.parquet');
    await connection.run(`COPY (SELECT 'c1' AS customerId, DATE '2024-01-02' AS "at", 5 AS amount, [1, 2] AS tags) TO '${parquet}' (FORMAT parquet)`);
    const codes = async (mapping: TransactionMapping) => {
      const e = (await readParquet(parquet, mapping).catch((x: unknown) => x)) as { code: string; issues: { code: string; path: unknown[] }[] };
      return [e.code, e.issues[0]?.code, e.issues[0]?.path];
    };
    expect(await codes({ amount: 'price' })).toEqual(['invalid_options', 'unknown_column', ['mapping', 'amount']]);
    expect(await codes({ amount: 'tags' })).toEqual(['invalid_input', 'unsupported_column_type', ['columns', 'tags']]);
  });
});
