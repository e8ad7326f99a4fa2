import type { TransactionField, TransactionMapping } from '../io/index.js';
import { transactionFields } from '../io/index.js';

/** Column names recognised for each field when `--columns` does not name one (compared ignoring case, `_`, `-` and blanks). */
const aliases: Record<TransactionField, readonly string[]> = {
  id: ['id', 'transactionid', 'orderid', 'invoiceid', 'invoiceno', 'invoice'],
  customerId: ['customerid', 'customer', 'cust', 'clientid', 'userid', 'memberid', 'masterid'],
  at: ['at', 'date', 'datetime', 'timestamp', 'time', 'orderdate', 'invoicedate', 'purchasedate', 'transactiondate', 'createdat'],
  amount: ['amount', 'value', 'revenue', 'total', 'sales', 'price', 'dollarvalue', 'dollars', 'monetary', 'ordervalue'],
  currency: ['currency', 'currencycode'],
  kind: ['kind', 'transactiontype'],
  refundOf: ['refundof', 'refundsid', 'originaltransactionid', 'originalid'],
};

const normal = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

/**
 * The column mapping to read a file with: the fields named by `--columns`, and for every other field
 * the first header column whose normalised name is one of the field's aliases (`customer_id` for
 * customerId, `date` for at, `dollar_value` for amount, …). Columns already taken are not reused.
 */
export function inferColumnMapping(header: readonly string[], explicit: TransactionMapping): TransactionMapping {
  const mapping: Partial<Record<TransactionField, string>> = {};
  const taken = new Set<string>();
  for (const field of transactionFields) {
    const column = explicit[field];
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  for (const field of transactionFields) {
    if (mapping[field] !== undefined) continue;
    for (const alias of aliases[field]) {
      const column = header.find((name) => !taken.has(name) && normal(name) === alias);
      if (column !== undefined) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return explicit.dateFormat === undefined ? mapping : { ...mapping, dateFormat: explicit.dateFormat };
}
