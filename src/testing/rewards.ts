import fc from 'fast-check';
import type { PointsEntryInput, TierProgramInput } from '../models/reward.js';
import type { QualifyingActivityInput } from '../rewards/qualifyingActivity.js';
import { parsePointsLedger } from '../rewards/parsePointsLedger.js';
import { pointsBalanceUnchecked } from '../rewards/pointsBalanceUnchecked.js';
import { toPointsLedgerColumns } from '../rewards/pointsLedgerColumns.js';
import { PointsPolicySchema, type PointsPolicyInput } from '../rewards/pointsPolicy.js';

/** Constraints of {@link pointsLedgerArbitrary}. */
export interface PointsLedgerConstraints {
  /** Largest number of members (ids `m0`, `m1`, …). @defaultValue 3 */
  readonly maxCustomers?: number;
  /** Largest number of entries. @defaultValue 30 */
  readonly maxEntries?: number;
  /** Days (from 2024-01-01 UTC) over which entries are spread; few days give many equal times. @defaultValue 120 */
  readonly days?: number;
  /** Whether to include `reverse` entries. @defaultValue true */
  readonly reversals?: boolean;
  /** Whether reversals may name `expire` entries (which restores expired points). @defaultValue true */
  readonly reverseExpiries?: boolean;
}

const dayMs = 86_400_000;
const origin = Date.UTC(2024, 0, 1);
type Draft = { kind: number; customer: number; day: number; hour: number; points: number; extra: number; pick: number; keyed: boolean };

/**
 * Schema-valid loyalty-points ledgers (`PointsEntryInput[]` with unique ids): earns (some with a lock
 * period or their own expiry), redemptions, signed adjustments, expiries (some naming a lot) and
 * reversals of earlier entries of the same member. Redemptions may exceed the balance: remove the
 * entries `pointsBalanceUnchecked` rejects to get a ledger that `pointsBalance` accepts.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pointsLedgerArbitrary } from 'relmark/testing';
 * fc.sample(pointsLedgerArbitrary({ maxEntries: 5 }), { numRuns: 3, seed: 1 }).every((ledger) => ledger.length <= 5);
 * //=> true
 * ```
 */
export function pointsLedgerArbitrary(constraints: PointsLedgerConstraints = {}): fc.Arbitrary<PointsEntryInput[]> {
  const maxCustomers = constraints.maxCustomers ?? 3;
  const days = constraints.days ?? 120;
  // Earns are the most frequent entries, so that most redemptions can be honoured.
  const kinds = constraints.reversals === false ? [0, 0, 0, 1, 1, 2, 3] : [0, 0, 0, 1, 1, 2, 3, 4, 4];
  const draft = fc.record({
    kind: fc.constantFrom(...kinds),
    customer: fc.nat({ max: maxCustomers - 1 }),
    day: fc.nat({ max: days - 1 }),
    hour: fc.constantFrom(0, 0, 12),
    points: fc.integer({ min: 1, max: 400 }),
    extra: fc.nat({ max: 9 }),
    pick: fc.nat(),
    keyed: fc.boolean(),
  });
  return fc.array(draft, { maxLength: constraints.maxEntries ?? 30, size: 'medium' }).map((drafts) => toEntries(drafts, constraints.reverseExpiries !== false));
}

function toEntries(drafts: readonly Draft[], reverseExpiries: boolean): PointsEntryInput[] {
  const entries: PointsEntryInput[] = [];
  const ms = (d: Draft) => origin + d.day * dayMs + d.hour * 3_600_000;
  drafts.forEach((d, i) => {
    const base = { id: `e${i}`, customerId: `m${d.customer}`, at: new Date(ms(d)).toISOString(), ...(d.keyed ? { idempotencyKey: `k${i}` } : {}) };
    // Earlier entries of the same member, which a reversal or an expiry may name.
    const earlier = entries.filter((e) => e.customerId === base.customerId && Date.parse(e.at as string) <= ms(d));
    const choose = (candidates: PointsEntryInput[]) => candidates[d.pick % Math.max(1, candidates.length)];
    switch (d.kind) {
      case 0: {
        const lock = d.extra >= 7 ? (d.extra - 6) * 5 : 0;
        const opens = ms(d) + lock * dayMs;
        entries.push({
          type: 'earn',
          ...base,
          points: d.points,
          ...(lock > 0 ? { availableAt: new Date(opens).toISOString() } : {}),
          ...(d.extra % 3 === 0 ? { expiresAt: new Date(opens + (20 + d.extra * 9) * dayMs).toISOString() } : {}),
        });
        return;
      }
      case 1:
        entries.push({ type: 'redeem', ...base, points: Math.ceil(d.points / 2) });
        return;
      case 2: {
        const lot = d.extra % 2 === 0 ? choose(earlier.filter((e) => e.type === 'earn')) : undefined;
        entries.push({ type: 'expire', ...base, points: Math.ceil(d.points / 8), ...(lot ? { lotId: lot.id as string } : {}) });
        return;
      }
      case 3:
        entries.push({ type: 'adjust', ...base, points: d.extra % 2 === 0 ? d.points : -Math.ceil(d.points / 4), reason: 'manual' });
        return;
      default: {
        const target = choose(earlier.filter((e) => e.type !== 'reverse' && (reverseExpiries || e.type !== 'expire')));
        if (target === undefined) return;
        const whole = Math.abs(target.points as number);
        const partial = d.extra < 5 ? Math.min(whole, 1 + (d.pick % whole)) : undefined;
        entries.push({ type: 'reverse', ...base, reverses: target.id as string, ...(partial === undefined ? {} : { points: partial }) });
      }
    }
  });
  return entries;
}

/**
 * Points policies (`PointsPolicyInput`) covering every expiry kind, both consumption orders and both
 * negative-balance rules.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pointsPolicyArbitrary } from 'relmark/testing';
 * fc.sample(pointsPolicyArbitrary(), { numRuns: 5, seed: 2 }).length;
 * //=> 5
 * ```
 */
export function pointsPolicyArbitrary(): fc.Arbitrary<PointsPolicyInput> {
  const unit = fc.constantFrom('day' as const, 'month' as const);
  const expiry = fc.oneof(
    fc.constant({ kind: 'never' as const }),
    fc.record({ kind: fc.constant('after' as const), amount: fc.integer({ min: 1, max: 90 }), unit }),
    fc.record({ kind: fc.constant('end_of_period' as const), period: fc.constantFrom('month' as const, 'year' as const), periodsAfter: fc.nat({ max: 2 }) }),
    fc.record({ kind: fc.constant('inactivity' as const), amount: fc.integer({ min: 1, max: 90 }), unit }),
  );
  return fc.record({
    expiry,
    consumption: fc.constantFrom('soonest_expiring' as const, 'oldest_earned' as const),
    negativeBalance: fc.constantFrom('never' as const, 'for_returns' as const),
  });
}

/**
 * Tier programmes (`TierProgramInput`): 2 to 4 tiers with ranks 0…k, one or two rules per tier above
 * the entry tier (thresholds growing with rank), every window kind and every downgrade policy.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { tierProgramArbitrary } from 'relmark/testing';
 * fc.sample(tierProgramArbitrary(), { numRuns: 3, seed: 4 }).every((p) => p.tiers[0]?.rank === 0);
 * //=> true
 * ```
 */
export function tierProgramArbitrary(): fc.Arbitrary<TierProgramInput> {
  const window = fc.oneof(
    fc.record({ kind: fc.constant('rolling' as const), months: fc.integer({ min: 1, max: 24 }) }),
    fc.constant({ kind: 'calendar_year' as const }),
    fc.constant({ kind: 'lifetime' as const }),
  );
  const rule = fc.record({ metric: fc.constantFrom('points' as const, 'spend' as const, 'purchases' as const), step: fc.integer({ min: 1, max: 400 }), window });
  return fc
    .record({
      levels: fc.array(fc.array(rule, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
      downgrade: fc.constantFrom('none' as const, 'one_step' as const, 'recompute' as const),
    })
    .map(({ levels, downgrade }) => ({
      tiers: [{ id: 't0', name: 'Tier 0', rank: 0 }, ...levels.map((_, i) => ({ id: `t${i + 1}`, name: `Tier ${i + 1}`, rank: i + 1 }))],
      rules: levels.flatMap((rules, i) => rules.map((r) => ({ tierId: `t${i + 1}`, metric: r.metric, threshold: r.step * (i + 1), window: r.window }))),
      downgrade,
    }));
}

/** Constraints of {@link qualifyingActivityArbitrary}. */
export interface QualifyingActivityConstraints {
  /** Largest number of members. @defaultValue 3 */
  readonly maxCustomers?: number;
  /** Largest number of rows. @defaultValue 20 */
  readonly maxRows?: number;
  /** Whether amounts may be negative (refunds). @defaultValue false */
  readonly negative?: boolean;
}

/**
 * Tier-qualifying activity rows (`QualifyingActivityInput[]`) spread over 2023–2025 (UTC).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { qualifyingActivityArbitrary } from 'relmark/testing';
 * fc.sample(qualifyingActivityArbitrary(), { numRuns: 3, seed: 5 }).every((rows) => rows.every((r) => r.amount >= 0));
 * //=> true
 * ```
 */
export function qualifyingActivityArbitrary(constraints: QualifyingActivityConstraints = {}): fc.Arbitrary<QualifyingActivityInput[]> {
  const row = fc.record({
    customerId: fc.nat({ max: (constraints.maxCustomers ?? 3) - 1 }).map((i) => `m${i}`),
    at: fc.integer({ min: 0, max: 3 * 365 }).map((day) => new Date(Date.UTC(2023, 0, 1) + day * dayMs).toISOString()),
    metric: fc.constantFrom('points' as const, 'spend' as const, 'purchases' as const),
    amount: fc.integer({ min: constraints.negative ? -300 : 0, max: 600 }),
  });
  return fc.array(row, { maxLength: constraints.maxRows ?? 20, size: 'medium' });
}

/**
 * The ledger without the entries a replay under `policy` rejects (redemptions larger than the
 * balance, reversals of rejected entries, …), so that `pointsBalance` accepts it at any `asOf`.
 * Skipping those entries is what the replay does, so the balances are unchanged.
 * @example
 * ```ts
 * import { withoutRejectedEntries } from 'relmark/testing';
 * withoutRejectedEntries(
 *   [
 *     { type: 'earn', id: 'e1', customerId: 'c', at: '2024-01-01', points: 10 },
 *     { type: 'redeem', id: 'r1', customerId: 'c', at: '2024-01-02', points: 50 },
 *   ],
 *   {},
 * ).map((e) => e.id);
 * //=> ['e1']
 * ```
 */
export function withoutRejectedEntries(entries: readonly PointsEntryInput[], policy: PointsPolicyInput): PointsEntryInput[] {
  const { columns } = toPointsLedgerColumns(parsePointsLedger(entries).entries);
  const rejected = pointsBalanceUnchecked(columns, { asOf: new Date(8.64e15), policy: PointsPolicySchema.parse(policy) }).rejected;
  const rejectedIds = new Set(rejected.map((r) => columns.entryIds?.[r.entry]));
  return entries.filter((entry) => !rejectedIds.has(String(entry.id)));
}
