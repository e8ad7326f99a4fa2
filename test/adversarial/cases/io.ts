import { parseColumnMapping, parseCsv, parseNdjson, readCsvStream, readTransactions, toCsv } from '../../../src/io/index.js';
import type { SweepCase } from '../run.js';

export const ioCases: readonly SweepCase[] = [
  { area: 'io', name: 'parseCsv', args: () => ['id,note\r\n1,"hello, ""world"""\r\n2,"two\nlines"\r\n3,a,b\r\n', { delimiter: ',' }], call: (t, o) => parseCsv(t as never, o as never) },
  { area: 'io', name: 'readCsvStream', args: () => [['id,no', 'te\n1,"a', '\nb"\n2,x\n3'], { delimiter: ',' }], call: (c, o) => readCsvStream(c as never, o as never) },
  { area: 'io', name: 'parseNdjson', args: () => ['{"customerId":1}\n\n{oops\n[1]\n'], call: (t) => parseNdjson(t as never) },
  {
    area: 'io',
    name: 'readTransactions',
    args: () => [parseCsv('cust,date,value\n7,19970101,29.33\n8,19970102,abc\n').records, { customerId: 'cust', at: 'date', amount: 'value', dateFormat: 'yyyymmdd' }],
    call: (r, m) => readTransactions(r as never, m as never),
  },
  { area: 'io', name: 'readTransactions (plain objects)', args: () => [[{ customerId: 'a', at: '2024-01-01', amount: 3, kind: 'purchase' }], {}], call: (r, m) => readTransactions(r as never, m as never) },
  { area: 'io', name: 'parseColumnMapping', args: () => ['customerId=cust, at=date,amount=value'], call: (t) => parseColumnMapping(t as never) },
  {
    area: 'io',
    name: 'toCsv',
    args: () => [[{ customerId: 'c1', note: '=HYPERLINK("x")', delta: -5, at: new Date(0), tags: ['a'] }, { customerId: 'c2', note: 'a, b' }], { delimiter: ';' }],
    call: (rows, options) => toCsv(rows as never, options as never),
  },
];
