/**
 * MBG/CNBD-k benchmark (issue #19, part 5). Target: fit on 10,000 customers < 5 s, k chosen by
 * likelihood over the default grid (1 … 12 with BTYDplus' early stop; on these data k = 1 … 5 are
 * tried), on 2 cores. Data are simulated with a fixed seed from the parameters of BTYDplus' own test
 * (k = 3, r = 0.85, α = 1.45, a = 0.79, b = 2.42), T spread over 12 … 96 weeks as there; the
 * grocery panel (1,525 customers) is timed too when ../shared/data is present.
 * Run: npx vitest bench --run --project unit bench/clvMbgCnbdK.bench.ts
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { fitMbgCnbdKUnchecked, simulateMbgCnbdK, summarizeHistories, toHistoryColumns } from 'relmark/clv';
import { sharedDataFile } from '../test/helpers/sharedData.js';

const truth = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 };
const customers = 10_000;
const simulated = simulateMbgCnbdK({ params: truth, customers, T: Array.from({ length: customers }, (_, i) => 12 * (1 + (i % 8))), seed: 20261207 });

const groceryFile = sharedDataFile('grocery_transactions.csv');
const grocery = groceryFile
  ? toHistoryColumns(
      summarizeHistories(
        readFileSync(groceryFile, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')).filter(([, date]) => (date as string) <= '2006-12-31')
          .map(([cust, date]) => ({ customerId: cust as string, at: date as string, amount: 0 })),
        { asOf: '2006-12-31', litt: true },
      ),
    )
  : undefined;

describe('MBG/CNBD-k fit, k chosen by likelihood', () => {
  bench('10,000 simulated customers (target < 5 s)', () => {
    fitMbgCnbdKUnchecked(simulated);
  }, { iterations: 3, warmupIterations: 0, time: 0, warmupTime: 0 });

  bench.skipIf(grocery === undefined)('grocery panel, 1,525 customers', () => {
    fitMbgCnbdKUnchecked(grocery as NonNullable<typeof grocery>);
  }, { iterations: 3, warmupIterations: 0, time: 0, warmupTime: 0 });
});
