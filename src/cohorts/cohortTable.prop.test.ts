import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cohortTable, type CohortPeriod } from 'relmark/cohorts';
import { cohortLogArbitrary } from '../../test/helpers/cohortLog.js';

const periodArbitrary = fc.constantFrom<CohortPeriod>('week', 'month', 'quarter');
const zoneArbitrary = fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata');

describe('cohortTable laws', () => {
  test.prop([cohortLogArbitrary(), periodArbitrary, zoneArbitrary])('period 0 active = cohort size; every buyer is in exactly one cohort; revenue adds up', ({ transactions, asOf }, period, timeZone) => {
    const table = cohortTable(transactions, { asOf, period, timeZone });
    const counted = transactions.filter((t) => new Date(t.at as string).getTime() <= new Date(asOf).getTime());
    const buyers = new Set(counted.filter((t) => t.kind !== 'refund').map((t) => t.customerId));
    for (const row of table.cohorts) expect(row.cells[0]!.activeCustomers).toBe(row.customers);
    expect(table.cohorts.reduce((sum, row) => sum + row.customers, 0)).toBe(buyers.size);
    expect(table.customers).toBe(buyers.size);
    const net = counted.reduce((sum, t) => sum + (t.kind === 'refund' ? -t.amount : t.amount), 0);
    const cells = table.cohorts.reduce((sum, row) => sum + row.cells.reduce((s, c) => s + c.revenue, 0), 0);
    expect(cells + table.unattributedRevenue).toBe(net);
    expect(table.revenue).toBe(net);
    expect(table.excluded.future).toBe(transactions.length - counted.length);
    const orders = table.cohorts.reduce((sum, row) => sum + row.cells.reduce((s, c) => s + c.orders, 0), 0);
    expect(orders).toBe(counted.filter((t) => t.kind !== 'refund').length);
  });

  test.prop([cohortLogArbitrary(), periodArbitrary])('retention never exceeds 1; survivors and repeat rates are monotone; only the last cell is incomplete', ({ transactions, asOf }, period) => {
    const table = cohortTable(transactions, { asOf, period });
    for (const row of table.cohorts) {
      row.cells.forEach((cell, k) => {
        expect(cell.retentionRate).toBeGreaterThanOrEqual(0);
        expect(cell.retentionRate).toBeLessThanOrEqual(1);
        expect(cell.survivors).toBeGreaterThanOrEqual(cell.activeCustomers);
        expect(cell.complete).toBe(k < row.cells.length - 1);
        if (k > 0) {
          expect(cell.survivors).toBeLessThanOrEqual(row.cells[k - 1]!.survivors);
          expect(cell.repeatPurchaseRate).toBeGreaterThanOrEqual(row.cells[k - 1]!.repeatPurchaseRate);
        }
      });
      expect(row.cells[0]!.survivors).toBe(row.customers);
    }
  });

  test.prop([cohortLogArbitrary(), periodArbitrary, fc.infiniteStream(fc.nat())])('permuting transactions changes nothing', ({ transactions, asOf }, period, keys) => {
    const shuffled = transactions.map((t) => ({ t, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map(({ t }) => t);
    expect(cohortTable(shuffled, { asOf, period })).toEqual(cohortTable(transactions, { asOf, period }));
  });

  test.prop([cohortLogArbitrary(), periodArbitrary, fc.nat(), fc.integer({ min: 1, max: 50 })])(
    'a refund lowers revenue in the period of the refund and never changes active counts or orders',
    ({ transactions, asOf }, period, pick, amount) => {
      const before = cohortTable(transactions, { asOf, period });
      const purchases = transactions.filter((t) => t.kind !== 'refund' && new Date(t.at as string) <= new Date(asOf) && t.amount >= amount);
      fc.pre(purchases.length > 0);
      const target = purchases[pick % purchases.length]!;
      // A refund on asOf itself: the refund's period is the one asOf cuts, whatever the purchase's.
      const refund = { id: 'extra', customerId: target.customerId, at: asOf, amount, kind: 'refund' as const, refundOf: target.id as string };
      const refunds = transactions.filter((t) => t.kind === 'refund' && t.refundOf === target.id).reduce((s, t) => s + t.amount, 0);
      fc.pre(refunds + amount <= target.amount);
      const after = cohortTable([...transactions, refund], { asOf, period });
      expect(after.cohorts.length).toBe(before.cohorts.length);
      after.cohorts.forEach((row, i) => {
        const old = before.cohorts[i]!;
        row.cells.forEach((cell, k) => {
          const was = old.cells[k]!;
          expect([cell.activeCustomers, cell.orders, cell.survivors]).toEqual([was.activeCustomers, was.orders, was.survivors]);
          const isRefundCell = row.group === null && row.cohort === old.cohort && k === row.cells.length - 1 && row.customers > 0 && buyerCohortHas(row, String(target.customerId));
          expect(cell.revenue).toBe(isRefundCell ? was.revenue - amount : was.revenue);
        });
      });
      function buyerCohortHas(row: { cohortIndex: number }, id: string): boolean {
        const first = Math.min(...transactions.filter((t) => t.customerId === id && t.kind !== 'refund' && new Date(t.at as string) <= new Date(asOf)).map((t) => new Date(t.at as string).getTime()));
        return cohortTable([{ customerId: id, at: first, amount: 0 }], { asOf, period }).cohorts[0]!.cohortIndex === row.cohortIndex;
      }
    },
  );

  test.prop([cohortLogArbitrary(), periodArbitrary, fc.func(fc.constantFrom('a', 'b', undefined))])('the groups of a split table add up to the table', ({ transactions, asOf }, period, groupOf) => {
    const groupBy = new Map<string, string>();
    for (const t of transactions) {
      const g = groupOf(t.customerId);
      if (g !== undefined) groupBy.set(t.customerId as string, g);
    }
    const whole = cohortTable(transactions, { asOf, period });
    const split = cohortTable(transactions, { asOf, period, groupBy });
    for (const row of whole.cohorts) {
      const parts = split.cohorts.filter((r) => r.cohortIndex === row.cohortIndex);
      expect(parts.reduce((s, r) => s + r.customers, 0)).toBe(row.customers);
      row.cells.forEach((cell, k) => {
        expect(parts.reduce((s, r) => s + r.cells[k]!.activeCustomers, 0)).toBe(cell.activeCustomers);
        expect(parts.reduce((s, r) => s + r.cells[k]!.revenue, 0)).toBe(cell.revenue);
      });
    }
  });
});
