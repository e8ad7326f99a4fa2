import { fromZodError, formatIssues, formatPath, isRelmarkError, issuesFromZod } from '../../../src/errors/index.js';
import {
  CustomerSchema,
  TransactionSchema,
  groupByMarket,
  parseBatch,
  parseTransactions,
  parseWith,
  requireAllValid,
  safeParseWith,
  stakeholderMarket,
} from '../../../src/models/index.js';
import type { SweepCase } from '../run.js';

const transactions = () => [
  { id: 'p1', customerId: 'ann', at: '2024-01-10', amount: 40 },
  { id: 'p2', customerId: 'ann', at: '2024-03-01', amount: 60 },
  { id: 'r1', customerId: 'ann', at: '2024-03-05', amount: 10, kind: 'refund', refundOf: 'p2' },
  { id: 'p3', customerId: 'bob', at: '2023-12-24', amount: 25 },
];

const zodError = () => {
  const result = TransactionSchema.safeParse({ customerId: 'c', at: 'soon', amount: -1 });
  return result.success ? undefined : result.error;
};

export const modelsCases: readonly SweepCase[] = [
  { area: 'models', name: 'parseWith', args: () => [{ id: 1, name: 'Ada', attributes: { vip: true } }], call: (input) => parseWith(CustomerSchema, input) },
  { area: 'models', name: 'safeParseWith', args: () => [{ id: 1 }], call: (input) => safeParseWith(CustomerSchema, input) },
  { area: 'models', name: 'parseBatch', args: () => [transactions(), { pathName: 'rows' }], call: (rows, options) => parseBatch(TransactionSchema, rows as never, options as never) },
  { area: 'models', name: 'parseTransactions', args: () => [transactions(), { pathName: 'transactions' }], call: (rows, options) => parseTransactions(rows as never, options as never) },
  { area: 'models', name: 'requireAllValid', nonFiniteAllowed: ['*'], args: () => [parseBatch(TransactionSchema, transactions()), 'load'], call: (batch, where) => requireAllValid(batch as never, where as never) },
  { area: 'models', name: 'groupByMarket', nonFiniteAllowed: ['*'], args: () => [[{ role: 'analyst', id: 'a' }, { role: 'customer', id: 'c' }, { role: 'supplier', id: 's' }]], call: (rows) => groupByMarket(rows as never) },
  { area: 'models', name: 'stakeholderMarket', args: () => [{ role: 'supplier' }], call: (s) => stakeholderMarket(s as never) },
];

export const errorsCases: readonly SweepCase[] = [
  { area: 'errors', name: 'fromZodError', args: () => [zodError(), 'import: invalid', { pathPrefix: ['rows', 2] }], call: (e, where, options) => fromZodError(e as never, where as never, options as never) },
  { area: 'errors', name: 'issuesFromZod', args: () => [zodError(), ['rows', 3]], call: (e, prefix) => issuesFromZod(e as never, prefix as never) },
  {
    area: 'errors',
    name: 'formatIssues',
    args: () => ['load: invalid', [{ code: 'too_small', path: ['rows', 1, 'amount'], message: 'Too small' }]],
    call: (summary, issues) => formatIssues(summary as never, issues as never),
  },
  { area: 'errors', name: 'formatPath', args: () => [['rows', 12, 'amount']], call: (path) => formatPath(path as never) },
  { area: 'errors', name: 'isRelmarkError', args: () => [new Error('x')], call: (value) => isRelmarkError(value) },
];
