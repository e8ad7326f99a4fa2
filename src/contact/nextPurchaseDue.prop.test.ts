import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPurchaseDue, type DuePurchaseInput } from './nextPurchaseDue.js';

const day = 86_400_000;
const start = Date.UTC(2023, 0, 1);
const asOf = new Date(Date.UTC(2025, 0, 1));
const farAsOf = new Date(Date.UTC(2100, 0, 1));

// Customers as lists of gaps in whole days (1 … 120), so purchase days are distinct.
const customersArbitrary = fc.array(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 0, maxLength: 6 }), { minLength: 3, maxLength: 8 });

function rowsOf(customers: readonly (readonly number[])[]): DuePurchaseInput[] {
  return customers.flatMap((gaps, i) => {
    let t = start + i * 3_600_000;
    const rows: DuePurchaseInput[] = [{ customerId: `c${i}`, at: new Date(t) }];
    for (const gap of gaps) {
      t += gap * day;
      rows.push({ customerId: `c${i}`, at: new Date(t) });
    }
    return rows;
  });
}

/** Estimable data: at least two customers with a gap and one with two. */
const estimable = (customers: readonly (readonly number[])[]) => customers.filter((g) => g.length > 0).length >= 2 && customers.some((g) => g.length >= 2);

describe('nextPurchaseDue laws', () => {
  it('the due window contains the expected date, and overdue means asOf is past its end', () => {
    fc.assert(
      fc.property(customersArbitrary.filter(estimable), fc.double({ min: 0.05, max: 0.99, noNaN: true }), (customers, coverage) => {
        for (const due of nextPurchaseDue(rowsOf(customers), { asOf, coverage })) {
          expect(due.dueFrom.getTime()).toBeLessThanOrEqual(due.expectedAt.getTime());
          expect(due.expectedAt.getTime()).toBeLessThanOrEqual(due.dueUntil.getTime());
          expect(due.overdue).toBe(asOf.getTime() > due.dueUntil.getTime());
          expect(due.shrinkage).toBeGreaterThan(0);
          expect(due.shrinkage).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('the estimate lies between the customer’s own rhythm and the population’s, and shrinkage vanishes as purchases grow', () => {
    fc.assert(
      fc.property(customersArbitrary.filter(estimable), fc.integer({ min: 1, max: 60 }), (customers, gap) => {
        // One more customer with k equal gaps, for growing k: the shrinkage falls strictly toward 0.
        let previous = Number.POSITIVE_INFINITY;
        for (const k of [1, 2, 4, 8, 16, 64, 400]) {
          const dues = nextPurchaseDue(rowsOf([...customers, Array.from({ length: k }, () => gap)]), { asOf: farAsOf });
          const mine = dues.find((d) => d.customerId === `c${customers.length}`);
          const alone = dues.filter((d) => d.ownGapDays === null);
          expect(mine).toBeDefined();
          if (mine === undefined) return;
          expect(mine.shrinkage).toBeLessThan(previous);
          previous = mine.shrinkage;
          // The expected gap lies between the own gap and the population's (what a newcomer gets).
          const population = alone[0]?.expectedGapDays ?? Number.NaN;
          const low = Math.min(gap, population);
          const high = Math.max(gap, population);
          if (alone.length > 0) {
            expect(mine.expectedGapDays).toBeGreaterThanOrEqual(low * (1 - 1e-9));
            expect(mine.expectedGapDays).toBeLessThanOrEqual(high * (1 + 1e-9));
          }
        }
        // At most σ²/(nτ²+σ²) with τ² ≥ σ²/100: below 0.2 at 400 gaps.
        expect(previous).toBeLessThan(0.2);
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of purchases, and never mutates them', () => {
    fc.assert(
      fc.property(customersArbitrary.filter(estimable), fc.integer(), (customers, seed) => {
        const rows = rowsOf(customers);
        const snapshot = JSON.stringify(rows);
        const shuffled = [...rows].sort((a, b) => (((Number(new Date(a.at as Date)) * 7919) ^ seed) % 13) - (((Number(new Date(b.at as Date)) * 7919) ^ seed) % 13));
        expect(nextPurchaseDue(shuffled, { asOf })).toEqual(nextPurchaseDue(rows, { asOf }));
        expect(JSON.stringify(rows)).toBe(snapshot);
      }),
    );
  });

  it('lists every customer exactly once (per category with perCategory)', () => {
    fc.assert(
      fc.property(customersArbitrary.filter(estimable), (customers) => {
        const rows = rowsOf(customers);
        const plain = nextPurchaseDue(rows, { asOf });
        expect(plain.map((d) => d.customerId)).toEqual(customers.map((_, i) => `c${i}`).sort());
        const categorised = rows.flatMap((row) => [
          { ...row, category: 'coffee' },
          { ...row, category: 'filters' },
        ]);
        const per = nextPurchaseDue(categorised, { asOf, perCategory: true });
        expect(per.length).toBe(2 * customers.length);
        // Identical categories give identical rhythms.
        for (let i = 0; i < per.length; i += 2) expect(per[i]?.expectedAt).toEqual(per[i + 1]?.expectedAt);
      }),
      { numRuns: 40 },
    );
  });
});
