import { readFileSync } from 'node:fs';
import { sharedDataFile } from '../helpers/sharedData.js';

/** Test-only readers for the shared CDNOW files (the io area owns the real CSV readers). */

/** Reads a small numeric CSV with a header into rows of numbers keyed by column name. */
export function readNumericCsv(path: string): Record<string, number>[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, Number(cells[i])]));
  });
}

/** One row of CDNOW_sample.txt: `master_id sample_id YYYYMMDD cds dollars`, whitespace-separated, CRLF. */
export interface CdnowRow {
  readonly customerId: string;
  readonly at: string;
  readonly amount: number;
}

/** Reads CDNOW_sample.txt, keyed by the sample id (1…2357) as in the summary files. */
export function readCdnowSample(path: string): CdnowRow[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      const d = date ?? '';
      return { customerId: String(Number(sampleId)), at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, amount: Number(dollars) };
    });
}

export const cdnowSummaryFile = sharedDataFile('cdnow_customers_summary.csv');
export const cdnowMonetaryFile = sharedDataFile('cdnow_customers_summary_with_transactions.csv');
export const cdnowSampleFile = sharedDataFile('CDNOW_sample.txt');
export const synthetic100kFile = sharedDataFile('synthetic_bgnbd_100k.csv');
