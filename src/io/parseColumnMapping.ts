import { RelmarkError } from '../errors/RelmarkError.js';
import { wrongType } from '../internal/guards.js';
import { type TransactionField, type TransactionMapping, transactionFields } from './readTransactions.js';

/**
 * Parses a column mapping written as `field=column` pairs separated by commas, as the command line
 * takes it (`--columns customerId=cust,at=date,amount=value`).
 *
 * @param text - The pairs.
 * @returns The mapping for {@link readTransactions}.
 * @throws {@link RelmarkError} `invalid_options` when `text` is not a string, for an unknown field, a pair without `=`, an empty
 *   column name, or a field named twice (every problem is listed).
 * @example
 * ```ts
 * import { parseColumnMapping } from 'relmark/io';
 * parseColumnMapping('customerId=cust, at=date,amount=value');
 * //=> { customerId: 'cust', at: 'date', amount: 'value' }
 * ```
 * @category IO
 */
export function parseColumnMapping(text: string): TransactionMapping {
  if (typeof text !== 'string') throw wrongType('parseColumnMapping', ['columns'], 'a string of field=column pairs', text, 'invalid_options');
  const mapping: Partial<Record<TransactionField, string>> = {};
  const issues: { code: string; path: (string | number)[]; message: string }[] = [];
  text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .forEach((pair, i) => {
      const eq = pair.indexOf('=');
      const field = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (!(transactionFields as readonly string[]).includes(field)) {
        issues.push({ code: 'unknown_field', path: ['columns', i], message: `"${field}" is not a transaction field (expected one of ${transactionFields.join(', ')})` });
      } else if (column === '') {
        issues.push({ code: 'missing_column', path: ['columns', i], message: `"${pair}" names no column: write ${field}=<column>` });
      } else if (mapping[field as TransactionField] !== undefined) {
        issues.push({ code: 'duplicate_field', path: ['columns', i], message: `${field} is mapped twice` });
      } else {
        mapping[field as TransactionField] = column;
      }
    });
  if (issues.length > 0) throw new RelmarkError('invalid_options', 'parseColumnMapping: invalid column mapping', { issues });
  return mapping;
}
