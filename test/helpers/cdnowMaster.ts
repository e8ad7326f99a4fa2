import { readFileSync } from 'node:fs';
import type { TransactionInput } from 'relmark/models';

/** Test-only reader of CDNOW_master.txt (`customer_id date number_of_cds dollar_value`, blank-separated, CRLF). */
export function readCdnowMaster(path: string): TransactionInput[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [customerId, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string];
      return { customerId, at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: Number(dollars) };
    });
}
