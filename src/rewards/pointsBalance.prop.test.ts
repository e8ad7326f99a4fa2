import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsLedgerArbitrary, pointsPolicyArbitrary, withoutRejectedEntries } from '../testing/rewards.js';
import { parsePointsLedger } from './parsePointsLedger.js';
import { pointsBalance, type PointsBalance } from './pointsBalance.js';
import { pointsBalanceUnchecked } from './pointsBalanceUnchecked.js';
import { toPointsLedgerColumns } from './pointsLedgerColumns.js';
import { PointsPolicySchema } from './pointsPolicy.js';

const applicable = withoutRejectedEntries;

const asOfArbitrary = fc.integer({ min: 0, max: 200 }).map((day) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000));
const ledgerCase = fc.record({ entries: pointsLedgerArbitrary(), policy: pointsPolicyArbitrary(), asOf: asOfArbitrary });
const totals = (balances: readonly PointsBalance[]) => balances.map(({ reversals: _r, ...rest }) => rest);

describe('pointsBalance laws', () => {
  it('conserves points: earned − reversed − redeemed − expired + adjusted = available + pending, at every date', () => {
    fc.assert(
      fc.property(ledgerCase, ({ entries, policy, asOf }) => {
        for (const b of pointsBalance(applicable(entries, policy), { asOf, policy })) {
          expect(b.earned - b.reversed - b.redeemed - b.expired + b.adjusted).toBe(b.available + b.pending);
          expect(b.lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(b.pending + Math.max(0, b.available));
        }
      }),
    );
  });

  it('never goes below zero unless the policy allows it for returns', () => {
    fc.assert(
      fc.property(ledgerCase, ({ entries, policy, asOf }) => {
        const strict = { ...policy, negativeBalance: 'never' as const };
        for (const b of pointsBalance(applicable(entries, strict), { asOf, policy: strict })) {
          expect(b.available).toBeGreaterThanOrEqual(0);
          expect(b.pending).toBeGreaterThanOrEqual(0);
          for (const lot of b.lots) expect(lot.remaining).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('applies an entry given twice once (idempotency)', () => {
    fc.assert(
      fc.property(ledgerCase, fc.nat(), ({ entries, policy, asOf }, pick) => {
        const ledger = applicable(entries, policy);
        const repeated = [...ledger, ...ledger.filter((_, i) => (i + pick) % 3 === 0).map((entry) => ({ ...entry }))];
        expect(pointsBalance(repeated, { asOf, policy })).toEqual(pointsBalance(ledger, { asOf, policy }));
      }),
    );
  });

  it('does not depend on the order in which entries are given', () => {
    fc.assert(
      fc.property(
        ledgerCase.chain((c) => {
          const ledger = applicable(c.entries, c.policy);
          return fc.record({ c: fc.constant(c), ledger: fc.constant(ledger), shuffled: fc.shuffledSubarray(ledger, { minLength: ledger.length }) });
        }),
        ({ c, ledger, shuffled }) => {
          expect(pointsBalance(shuffled, { asOf: c.asOf, policy: c.policy })).toEqual(pointsBalance(ledger, { asOf: c.asOf, policy: c.policy }));
        },
      ),
    );
  });

  it('never un-expires points at a later asOf (without reversals of expiries, which restore points by design)', () => {
    fc.assert(
      fc.property(pointsLedgerArbitrary({ reverseExpiries: false }), pointsPolicyArbitrary(), asOfArbitrary, asOfArbitrary, (entries, policy, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const ledger = applicable(entries, policy);
        const lateById = new Map(pointsBalance(ledger, { asOf: late, policy }).map((x) => [x.customerId, x]));
        for (const before of pointsBalance(ledger, { asOf: early, policy })) {
          expect(lateById.get(before.customerId)?.expired).toBeGreaterThanOrEqual(before.expired);
        }
      }),
    );
  });

  it('answers a point-in-time query as if the ledger stopped at asOf', () => {
    fc.assert(
      fc.property(ledgerCase, ({ entries, policy, asOf }) => {
        const ledger = applicable(entries, policy);
        const upToAsOf = ledger.filter((entry) => Date.parse(entry.at as string) <= asOf.getTime());
        const cut = new Map(pointsBalance(upToAsOf, { asOf, policy }).map((b) => [b.customerId, b]));
        for (const b of pointsBalance(ledger, { asOf, policy })) {
          const expected = cut.get(b.customerId);
          if (expected) expect(totals([b])).toEqual(totals([expected]));
          else expect(b).toMatchObject({ available: 0, pending: 0, earned: 0, redeemed: 0, expired: 0, adjusted: 0, reversed: 0 });
        }
      }),
    );
  });

  it('never mutates its (frozen) input', () => {
    fc.assert(
      fc.property(ledgerCase, ({ entries, policy, asOf }) => {
        const ledger = Object.freeze(applicable(entries, policy).map((entry) => Object.freeze({ ...entry })));
        const before = structuredClone(ledger);
        pointsBalance(ledger, { asOf, policy: Object.freeze(policy) });
        expect(ledger).toEqual(before);
      }),
    );
  });

  it('gives the same totals from columns in any order when a member has one entry per instant (pointsBalanceUnchecked)', () => {
    fc.assert(
      fc.property(ledgerCase, ({ entries, policy, asOf }) => {
        // Entries of one member at one instant are replayed in column order (the documented tie rule).
        fc.pre(new Set(entries.map((e) => `${e.customerId}@${String(e.at)}`)).size === entries.length);
        const { columns } = toPointsLedgerColumns(parsePointsLedger(entries).entries);
        const n = columns.type.length;
        const reversedOrder = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
        const positionOf = new Int32Array(n);
        reversedOrder.forEach((from, to) => (positionOf[from] = to));
        const pick = <T extends Float64Array | Int32Array | Uint8Array>(column: T) => column.map((_, i) => column[reversedOrder[i] as number] as number) as T;
        const ref = pick(columns.ref as Int32Array).map((r) => (r < 0 ? r : (positionOf[r] as number)));
        const permuted = {
          customerIds: columns.customerIds,
          customer: pick(columns.customer),
          type: pick(columns.type),
          at: pick(columns.at),
          points: pick(columns.points),
          availableAt: pick(columns.availableAt as Float64Array),
          expiresAt: pick(columns.expiresAt as Float64Array),
          ref,
        };
        const parsed = PointsPolicySchema.parse(policy);
        const a = pointsBalanceUnchecked(columns, { asOf, policy: parsed });
        const b = pointsBalanceUnchecked(permuted, { asOf, policy: parsed });
        for (const key of ['available', 'pending', 'earned', 'redeemed', 'expired', 'adjusted', 'reversed'] as const) expect(b[key]).toEqual(a[key]);
        expect(b.rejected.length).toBe(a.rejected.length);
      }),
    );
  });
});
