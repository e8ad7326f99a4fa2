import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeHistories } from 'relmark/clv';
import { summarizeRfm } from 'relmark/rfm';
import { accumulateCsvStream, restoreSummaryAccumulator } from 'relmark/summaries';
import { missingDataReason, sharedDataFile } from '../helpers/sharedData.js';

const masterFile = sharedDataFile('CDNOW_master.txt');
const reason = masterFile === undefined ? missingDataReason('CDNOW_master.txt') : '';
const asOf = '1997-09-30T23:59:59Z';
const mapping = { customerId: 'customer_id', at: 'date', amount: 'dollar_value', dateFormat: 'yyyymmdd' } as const;

/** The rows of two equally long lists that differ (the first five), so a failure prints a short diff. */
function differences<T>(got: readonly T[], expected: readonly T[]): [T | undefined, T | undefined][] {
  const out: [T | undefined, T | undefined][] = [];
  for (let i = 0; i < Math.max(got.length, expected.length) && out.length < 5; i++) {
    if (JSON.stringify(got[i]) !== JSON.stringify(expected[i])) out.push([got[i], expected[i]]);
  }
  return out;
}

/** CDNOW_master.txt (whitespace-separated, CRLF) as a stream of CSV chunks, as a large file would arrive. */
async function* masterAsCsv(path: string, keep: (lineNumber: number) => boolean = () => true): AsyncGenerator<string> {
  yield 'customer_id,date,cds,dollar_value\n';
  let rest = '';
  let lineNumber = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 4096 })) {
    const lines = (rest + (chunk as string)).split(/\r?\n/);
    rest = lines.pop() ?? '';
    const out: string[] = [];
    for (const line of lines) {
      const cells = line.trim().split(/\s+/);
      if (cells.length !== 4 || cells[0] === 'customer_id') continue;
      if (keep(lineNumber++)) out.push([Number(cells[0]), ...cells.slice(1)].join(','));
    }
    if (out.length > 0) yield `${out.join('\n')}\n`;
  }
}

function masterRows(path: string) {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length === 4 && cells[0] !== 'customer_id')
    .map(([id, d, , dollars]) => ({ customerId: String(Number(id)), at: `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}`, amount: Number(dollars) }));
}

describe('accumulateCsvStream on CDNOW_master.txt (69,659 rows, 23,570 customers)', () => {
  it.skipIf(masterFile === undefined)(`streams the file in 4 kB chunks and batches of 1,000 to exactly the batch summaries ${reason}`, async () => {
    const { accumulator, rejected, records } = await accumulateCsvStream(masterAsCsv(masterFile as string), { asOf, futureTransactions: 'exclude', mapping, batchSize: 1000 });
    const rows = masterRows(masterFile as string);
    expect([records, rejected]).toEqual([69_659, []]);
    const calibration = rows.filter((r) => r.at <= '1997-09-30');
    expect(accumulator.excluded.future).toBe(rows.length - calibration.length);
    // Rows arrive in file order, as the batch functions read them: sums are in the same order, so exact.
    expect(differences(accumulator.histories(), summarizeHistories(calibration, { asOf }))).toEqual([]);
    expect(differences(accumulator.rfmSummaries({ frequency: 'days' }), summarizeRfm(rows, { asOf, frequency: 'days', futureTransactions: 'exclude' }).summaries)).toEqual([]);
    expect(accumulator.customers).toBe(23_570);
  }, 120_000);

  it.skipIf(masterFile === undefined)(`merges 3 interleaved partitions, shipped as JSON, to the batch histories (counts and times exact, money rtol 1e-12) ${reason}`, async () => {
    const parts = await Promise.all(
      [0, 1, 2].map(async (p) => (await accumulateCsvStream(masterAsCsv(masterFile as string, (n) => n % 3 === p), { asOf, futureTransactions: 'exclude', mapping })).accumulator),
    );
    const merged = restoreSummaryAccumulator(JSON.parse(JSON.stringify(parts[2])));
    merged.merge(restoreSummaryAccumulator(JSON.parse(JSON.stringify(parts[0]))));
    merged.merge(parts[1]!);
    const expected = summarizeHistories(masterRows(masterFile as string).filter((r) => r.at <= '1997-09-30'), { asOf });
    const got = merged.histories();
    expect(differences(got.map(({ monetaryMean: _, ...h }) => h), expected.map(({ monetaryMean: _, ...h }) => h))).toEqual([]);
    const worst = Math.max(...got.map((h, i) => Math.abs(h.monetaryMean! - expected[i]!.monetaryMean!) / Math.max(1, expected[i]!.monetaryMean!)));
    expect(worst).toBeLessThanOrEqual(1e-12);
  }, 120_000);
});
