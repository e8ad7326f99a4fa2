import { accumulateCsvStream, createSummaryAccumulator, restoreSummaryAccumulator } from '../../../src/summaries/index.js';
import type { SweepCase } from '../run.js';

const rows = () => [
  { id: 'p1', customerId: 'a', at: '1997-01-01', amount: 10 },
  { id: 'p2', customerId: 'a', at: '1997-01-15', amount: 20 },
  { id: 'r1', customerId: 'a', at: '1997-01-16', amount: 5, kind: 'refund', refundOf: 'p2' },
  { id: 'p3', customerId: 'b', at: '1997-01-08', amount: 7 },
];
const options = () => ({ asOf: '1997-01-29', timeUnit: 'day', period: 'day' });
/** Every reader of an accumulator, so that a bad state shows in some output. */
const readAll = (accumulator: ReturnType<typeof createSummaryAccumulator>) => ({
  histories: accumulator.histories(),
  rfm: accumulator.rfmSummaries({ monetary: 'mean' }),
  customers: accumulator.customers,
  rows: accumulator.rows,
  excluded: accumulator.excluded,
  json: accumulator.toJSON(),
});

export const summariesCases: readonly SweepCase[] = [
  { area: 'summaries', name: 'createSummaryAccumulator', args: () => [options()], call: (o) => readAll(createSummaryAccumulator(o as never)) },
  {
    area: 'summaries',
    name: 'SummaryAccumulator.add',
    args: () => [rows(), rows().map((t) => ({ ...t, id: `${t.id}b`, refundOf: t.refundOf === undefined ? undefined : `${t.refundOf}b` }))],
    call: (first, second) => {
      const accumulator = createSummaryAccumulator(options() as never);
      accumulator.add(first as never);
      accumulator.add(second as never);
      return readAll(accumulator);
    },
  },
  {
    area: 'summaries',
    name: 'SummaryAccumulator.merge',
    args: () => [rows(), [{ customerId: 'a', at: '1997-01-20', amount: 1e6 }]],
    call: (first, second) => {
      const a = createSummaryAccumulator(options() as never);
      a.add(first as never);
      const b = createSummaryAccumulator(options() as never);
      b.add(second as never);
      a.merge(b);
      return readAll(a);
    },
  },
  {
    area: 'summaries',
    name: 'restoreSummaryAccumulator',
    args: () => {
      const accumulator = createSummaryAccumulator(options() as never);
      accumulator.add(rows() as never);
      return [JSON.parse(JSON.stringify(accumulator)) as unknown];
    },
    call: (snapshot) => readAll(restoreSummaryAccumulator(snapshot)),
  },
  {
    area: 'summaries',
    name: 'accumulateCsvStream',
    args: () => [['cust,date,value\n1,19970101,29.33\n1,1997', '0108,10\n2,19970102,oops\n'], { asOf: '1997-01-29', timeUnit: 'day', mapping: { customerId: 'cust', at: 'date', amount: 'value' } }],
    call: async (chunks, o) => {
      const { accumulator, rejected } = await accumulateCsvStream(chunks as never, o as never);
      return { ...readAll(accumulator), rejected: rejected.length };
    },
  },
];
