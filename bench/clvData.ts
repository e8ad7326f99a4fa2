/** Data for the CLV model benchmarks: read from ../shared/data, never copied into the repository. */
import { readFileSync } from 'node:fs';
import { toHistoryColumns, type HistoryColumns } from 'relmark/clv';
import { sharedDataFile } from '../test/helpers/sharedData.js';

/** The CDNOW calibration summary (2,357 customers, weeks) as columns, or `undefined` when absent. */
export function readCdnowSummary(): HistoryColumns | undefined {
  const file = sharedDataFile('cdnow_customers_summary.csv');
  if (file === undefined) return undefined;
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  return toHistoryColumns(rows.map(([, x, tx, T]) => ({ x: x as number, tx: tx as number, T: T as number })));
}
