import { describe, expect, it } from 'vitest';
import { cohortTable } from 'relmark/cohorts';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { monthNumberOfDay, periodLabel, periodNumberer } from './cohortPeriod.js';

const log = [
  { id: 'a1', customerId: 'ann', at: '2024-01-05', amount: 40 },
  { id: 'a2', customerId: 'ann', at: '2024-01-05', amount: 15 },
  { id: 'a3', customerId: 'ann', at: '2024-03-11', amount: 25 },
  { id: 'b1', customerId: 'bob', at: '2024-01-20', amount: 10 },
  { id: 'c1', customerId: 'cy', at: '2024-02-02', amount: 30 },
  { id: 'c2', customerId: 'cy', at: '2024-04-01', amount: 30 },
  { id: 'r1', customerId: 'ann', at: '2024-02-07', amount: 5, kind: 'refund' as const, refundOf: 'a1' },
  { id: 'z1', customerId: 'zed', at: '2024-06-01', amount: 99 },
];

describe('cohortTable', () => {
  const table = cohortTable(log, { asOf: '2024-04-15', period: 'month' });

  it('groups customers by the month of their first purchase, with a zero cell for a month without activity', () => {
    expect(table.cohorts.map((c) => [c.cohort, c.cohortIndex, c.start, c.customers])).toEqual([
      ['2024-01', 648, '2024-01-01T00:00:00.000Z', 2],
      ['2024-02', 649, '2024-02-01T00:00:00.000Z', 1],
    ]);
    const january = table.cohorts[0]!.cells;
    expect(january.map((c) => [c.period, c.activeCustomers, c.orders, c.revenue, c.complete])).toEqual([
      [0, 2, 3, 65, true],
      [1, 0, 0, -5, true], // the refund: revenue of its own month, no order, nobody active
      [2, 1, 1, 25, true],
      [3, 0, 0, 0, false], // April is cut by asOf: present, marked incomplete
    ]);
    expect(january.map((c) => c.retentionRate)).toEqual([1, 0, 0.5, 0]);
    expect(january.map((c) => c.cumulativeRevenuePerCustomer)).toEqual([32.5, 30, 42.5, 42.5]);
    // ann's two orders on one day are two orders: she is a repeat buyer from period 0.
    expect(january.map((c) => c.repeatPurchaseRate)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(january.map((c) => c.survivors)).toEqual([2, 1, 1, 0]);
    expect(table.cohorts[1]!.cells.map((c) => [c.activeCustomers, c.complete])).toEqual([
      [1, true],
      [0, true],
      [1, false],
    ]);
  });

  it('counts and leaves out transactions after asOf, and reports totals', () => {
    expect(table.excluded).toEqual({ future: 1 });
    expect(table.customers).toBe(3);
    expect(table.revenue).toBe(40 + 15 + 25 + 10 + 30 + 30 - 5);
    expect(table.unattributedRevenue).toBe(0);
    expect(table.asOf).toBe('2024-04-15T00:00:00.000Z');
  });

  it('draws period boundaries in the given time zone', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris.
    const late = [{ customerId: 'x', at: '2024-01-31T23:30:00Z', amount: 1 }];
    expect(cohortTable(late, { asOf: '2024-03-01', period: 'month' }).cohorts[0]!.cohort).toBe('2024-01');
    const paris = cohortTable(late, { asOf: '2024-03-01', period: 'month', timeZone: 'Europe/Paris' });
    expect([paris.cohorts[0]!.cohort, paris.cohorts[0]!.start, paris.timeZone]).toEqual(['2024-02', '2024-01-31T23:00:00.000Z', 'Europe/Paris']);
  });

  it('labels weeks by their Monday and quarters by number', () => {
    const rows = [{ customerId: 'x', at: '2024-03-06T12:00:00Z', amount: 1 }];
    expect(cohortTable(rows, { asOf: '2024-03-20', period: 'week' }).cohorts[0]!.cohort).toBe('2024-03-04');
    expect(cohortTable(rows, { asOf: '2024-03-20', period: 'week' }).cohorts[0]!.cells).toHaveLength(3);
    expect(cohortTable(rows, { asOf: '2024-12-20', period: 'quarter' }).cohorts[0]!.cohort).toBe('2024-Q1');
  });

  it('splits the table by a customer attribute; customers it does not name are in group null', () => {
    const split = cohortTable(log, { asOf: '2024-04-15', period: 'month', groupBy: new Map([['ann', 'email'], ['cy', 'search']]) });
    expect(split.cohorts.map((c) => [c.group, c.cohort, c.customers])).toEqual([
      [null, '2024-01', 1],
      ['email', '2024-01', 1],
      ['search', '2024-02', 1],
    ]);
    const record = cohortTable(log, { asOf: '2024-04-15', period: 'month', groupBy: { ann: 'email', cy: 'search' } });
    expect(record).toEqual(split);
  });

  it('does not mutate its input', () => {
    const frozen = Object.freeze(log.map((t) => Object.freeze({ ...t })));
    const before = structuredClone(frozen);
    cohortTable(frozen, { asOf: '2024-04-15', period: 'month' });
    expect(frozen).toEqual(before);
  });
});

describe('cohortTable bad input', () => {
  it.each([
    ['an empty log', [], { asOf: '2024-01-01', period: 'month' }, 'empty_input', ['transactions']],
    ['a period that is not one of the three', log, { asOf: '2024-01-01', period: 'day' }, 'invalid_options', ['period']],
    ['a time zone that does not exist', log, { asOf: '2024-01-01', period: 'month', timeZone: 'Mars/Olympus' }, 'invalid_options', ['timeZone']],
    ['a missing asOf', log, { period: 'month' }, 'invalid_options', ['asOf']],
    ['a group that is not a string', log, { asOf: '2024-05-01', period: 'month', groupBy: { ann: 3 } }, 'invalid_options', ['groupBy', 'ann']],
    ['an invalid row', [{ customerId: 'a', at: '2024-01-01', amount: -1 }], { asOf: '2024-05-01', period: 'month' }, 'invalid_input', ['transactions', 0, 'amount']],
  ])('rejects %s with a RelmarkError and its path', (_, rows, options, code, path) => {
    const error = thrownRelmarkError(() => cohortTable(rows as never, options as never));
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('cohort periods', () => {
  it('numbers months like the calendar (Hinnant civil_from_days) across 1600–2400', () => {
    for (let day = -135_000; day < 160_000; day += 101) {
      const date = new Date(day * 86_400_000);
      expect(monthNumberOfDay(day)).toBe((date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth());
    }
  });

  it('starts weeks on Monday and labels periods before 1970', () => {
    const week = periodNumberer('week', 'UTC');
    expect(week(Date.UTC(2024, 2, 4))).toBe(week(Date.UTC(2024, 2, 10, 23)));
    expect(week(Date.UTC(2024, 2, 10, 23))).toBe(week(Date.UTC(2024, 2, 11)) - 1);
    expect(periodLabel(-1, 'month')).toBe('1969-12');
    expect(periodLabel(-1, 'quarter')).toBe('1969-Q4');
    expect(periodLabel(0, 'week')).toBe('1969-12-29');
  });
});
