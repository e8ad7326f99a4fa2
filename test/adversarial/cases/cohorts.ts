import { cohortTable, fitSbgCohorts, projectSbgCohorts, retentionRates } from '../../../src/cohorts/index.js';
import { cohortChartData } from '../../../src/report/index.js';
import { cohortTableSql } from '../../../src/sql/index.js';
import { createCohortAccumulator } from '../../../src/summaries/index.js';
import type { SweepCase } from '../run.js';

const rows = () => [
  { id: 'p1', customerId: 'a', at: '1997-01-01', amount: 10 },
  { id: 'p2', customerId: 'a', at: '1997-02-15', amount: 20 },
  { id: 'r1', customerId: 'a', at: '1997-02-16', amount: 5, kind: 'refund', refundOf: 'p2' },
  { id: 'p3', customerId: 'b', at: '1997-01-08', amount: 7 },
  { id: 'p4', customerId: 'c', at: '1997-02-08', amount: 7 },
];
const options = () => ({ asOf: '1997-03-29', period: 'month', timeZone: 'Europe/Paris' });
const survival = () => [
  { cohort: 'regular', alive: [1000, 631, 468, 382, 326, 289, 262, 241] },
  { cohort: 'high end', alive: [1000, 869, 743, 653, 593, 551, 517, 491] },
];

export const cohortsCases: readonly SweepCase[] = [
  { area: 'cohorts', name: 'cohortTable', args: () => [rows(), { ...options(), groupBy: { a: 'x' } }], call: (t, o) => cohortTable(t as never, o as never) },
  { area: 'cohorts', name: 'retentionRates', args: () => [rows(), { asOf: '1997-03-29', window: { months: 1 } }], call: (t, o) => retentionRates(t as never, o as never) },
  { area: 'cohorts', name: 'fitSbgCohorts', args: () => [survival(), { parameters: 'shared' }], call: (c, o) => fitSbgCohorts(c as never, o as never) },
  {
    area: 'cohorts',
    name: 'projectSbgCohorts',
    args: () => [survival(), { horizon: 5, discountRate: 0.1 }],
    call: (c, o) => projectSbgCohorts(fitSbgCohorts(c as never, { parameters: 'per-cohort' }), o as never),
  },
];

export const cohortSummariesCases: readonly SweepCase[] = [
  {
    area: 'summaries',
    name: 'createCohortAccumulator().add/merge/table',
    args: () => [options(), rows(), [{ customerId: 'a', at: '1997-03-20', amount: 1e6 }], { a: 'x' }],
    call: (o, first, second, groupBy) => {
      const a = createCohortAccumulator(o as never);
      const b = createCohortAccumulator(o as never);
      a.add(first as never);
      b.add(second as never);
      a.merge(b);
      return a.table({ groupBy: groupBy as never });
    },
  },
];

export const cohortSqlCases: readonly SweepCase[] = [
  { area: 'sql', name: 'cohortTableSql', args: () => [{ dialect: 'spark', table: ['shop', 'orders'], asOf: '2024-03-31', period: 'week', timeZone: 'Asia/Tokyo' }], call: (o) => cohortTableSql(o as never) },
];

export const cohortReportCases: readonly SweepCase[] = [
  { area: 'report', name: 'cohortChartData', args: () => [cohortTable(rows() as never, options() as never), { maxCurves: 3 }], call: (t, o) => cohortChartData(t as never, o as never) },
];
