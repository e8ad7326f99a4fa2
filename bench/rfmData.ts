import { createRandom } from '../src/internal/random.js';
import type { Transaction } from '../src/models/transaction.js';
import type { RfmTransactionColumns } from '../src/rfm/summarizeRfmColumns.js';

/** asOf of the generated data: two years of history end here. */
export const benchAsOf = Date.UTC(2024, 0, 1);
const span = 730 * 86_400_000;

/** Customer ids `c0000000`, … (zero-padded so that code-unit order is numeric order). */
export function benchCustomerIds(customers: number): string[] {
  // Through JSON, as ids arrive from files and APIs: flat strings, not concatenation ropes.
  return JSON.parse(JSON.stringify(Array.from({ length: customers }, (_, i) => `c${String(i).padStart(7, '0')}`))) as string[];
}

/**
 * Seeded synthetic transactions as columns: customers drawn with a skew (a few buy often, most
 * rarely), times uniform over two years before asOf, amounts log-normal-ish in cents, 3% refunds.
 * Never builds a transaction object.
 */
export function benchColumns(transactions: number, customers: number, seed = 20240601): RfmTransactionColumns {
  const random = createRandom(seed);
  const customer = new Int32Array(transactions);
  const at = new Float64Array(transactions);
  const amount = new Float64Array(transactions);
  const refund = new Uint8Array(transactions);
  for (let i = 0; i < transactions; i++) {
    // u² skews towards low indices: frequency varies a lot between customers, as in real logs.
    const u = random();
    customer[i] = Math.min(customers - 1, Math.floor(u * u * customers));
    at[i] = benchAsOf - Math.floor(random() * span);
    amount[i] = Math.round(Math.exp(2 + 1.5 * random()) * 100) / 100;
    refund[i] = random() < 0.03 ? 1 : 0;
  }
  return { customer, customerIds: benchCustomerIds(customers), at, amount, refund };
}

/** The same transactions as validated objects (for the object path). */
export function benchTransactions(columns: RfmTransactionColumns): Transaction[] {
  const out: Transaction[] = new Array(columns.at.length);
  for (let i = 0; i < columns.at.length; i++) {
    out[i] = {
      customerId: columns.customerIds[columns.customer[i] as number] as string,
      at: new Date(columns.at[i] as number),
      amount: columns.amount[i] as number,
      kind: columns.refund?.[i] === 1 ? 'refund' : 'purchase',
    } as Transaction;
  }
  return out;
}
