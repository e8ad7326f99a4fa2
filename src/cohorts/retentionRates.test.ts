import { describe, expect, it } from 'vitest';
import { retentionRates } from 'relmark/cohorts';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('retentionRates', () => {
  const log = [
    { id: 'a0', customerId: 'ann', at: '2023-11-20', amount: 10 },
    { id: 'a1', customerId: 'ann', at: '2024-02-03', amount: 40 },
    { id: 'a2', customerId: 'ann', at: '2024-03-10', amount: 25 },
    { id: 'b1', customerId: 'bob', at: '2024-02-20', amount: 10 },
    { id: 'c1', customerId: 'cy', at: '2024-03-02', amount: 30 },
    { id: 'd1', customerId: 'dee', at: '2023-12-01', amount: 30 },
    { id: 'd2', customerId: 'dee', at: '2024-03-30', amount: 30 },
    { id: 'e1', customerId: 'eve', at: '2024-02-10', amount: 30 },
    { id: 'er', customerId: 'eve', at: '2024-03-05', amount: 30, kind: 'refund' as const, refundOf: 'e1' },
    { id: 'f1', customerId: 'fay', at: '2024-04-02', amount: 30 },
  ];
  const rates = retentionRates(log, { asOf: '2024-03-31', window: { months: 1 } });

  it('counts S, E, N, reactivated and retained customers by their definitions', () => {
    // S = {ann, bob, eve} (bought in (Jan 29, Feb 29]); E = {ann, cy, dee}; N = {cy}; dee returns after a gap.
    expect([rates.customersAtStart, rates.customersAtEnd, rates.newCustomers, rates.reactivatedCustomers, rates.retainedCustomers]).toEqual([3, 3, 1, 1, 1]);
    expect(rates.customerRetentionRate).toBeCloseTo(1 / 3, 15);
    expect(rates.churnRate).toBeCloseTo(2 / 3, 15);
    // ann (3 orders) and dee (2) of E's three have repeated: eve's refund never makes her a buyer of the window.
    expect(rates.repeatPurchaseRate).toBeCloseTo(2 / 3, 15);
    expect(rates.excluded).toEqual({ future: 1 });
    expect([rates.previousStart, rates.windowStart, rates.windowEnd]).toEqual(['2024-01-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']);
  });

  it('equals the textbook (E − N) / S when nobody returns after a gap', () => {
    const noGap = log.filter((t) => t.customerId !== 'dee');
    const r = retentionRates(noGap, { asOf: '2024-03-31', window: { days: 31 } });
    expect(r.reactivatedCustomers).toBe(0);
    expect(r.customerRetentionRate).toBe((r.customersAtEnd - r.newCustomers) / r.customersAtStart);
  });

  it('gives null rates, never NaN, when a denominator is 0', () => {
    const r = retentionRates([{ customerId: 'x', at: '2020-01-01', amount: 1 }], { asOf: '2024-03-31', window: { months: 1 } });
    expect([r.customerRetentionRate, r.churnRate, r.repeatPurchaseRate]).toEqual([null, null, null]);
  });

  it.each([
    ['an empty log', [], { asOf: '2024-01-01', window: { months: 1 } }, 'empty_input', ['transactions']],
    ['a window with both lengths', log, { asOf: '2024-01-01', window: { months: 1, days: 3 } }, 'invalid_options', ['window']],
    ['a missing window', log, { asOf: '2024-01-01' }, 'invalid_options', ['window']],
  ])('rejects %s with its path', (_, rows, options, code, path) => {
    const error = thrownRelmarkError(() => retentionRates(rows as never, options as never));
    expect(error.code).toBe(code);
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });
});
