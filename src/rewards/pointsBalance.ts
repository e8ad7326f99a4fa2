import * as z from 'zod';
import { parseOptions } from './parseOptions.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import type { PointsEntryInput } from '../models/reward.js';
import { InstantSchema, type InstantInput } from '../models/primitives.js';
import { collectPointsLedger, errorCodeOf } from './parsePointsLedger.js';
import { pointsBalanceUnchecked, type PointsBalanceColumns, type PointsReversalOutcome } from './pointsBalanceUnchecked.js';
import { toPointsLedgerColumns, type PointsLedgerColumns } from './pointsLedgerColumns.js';
import { PointsPolicySchema, type PointsPolicyInput } from './pointsPolicy.js';

/** Options for {@link pointsBalance}. @category Rewards */
export interface PointsBalanceOptions {
  /** The instant of the balance (required: there is no implicit "now"). */
  readonly asOf: InstantInput;
  /** Expiry, consumption order and negative-balance rules. @defaultValue `{}` (never expire, soonest-expiring first, never negative) */
  readonly policy?: PointsPolicyInput;
  /**
   * What to do with entries dated after `asOf`: `'ignore'` them (they are not in effect yet, which is
   * what a point-in-time query of a full ledger wants) or `'reject'` them with `future_date`.
   * @defaultValue 'ignore'
   */
  readonly futureEntries?: 'ignore' | 'reject';
}

/** An open earn lot (an earn or positive adjustment with points left). Instants are ISO strings. @category Rewards */
export interface PointsLot {
  readonly entryId: string;
  readonly earnedAt: string;
  readonly availableAt: string;
  /** `null` when the lot never expires. */
  readonly expiresAt: string | null;
  /** Points the lot was granted. */
  readonly points: number;
  /** Points still open. */
  readonly remaining: number;
  readonly state: 'available' | 'pending';
}

/** What a reversal did, with entry ids instead of column positions (see {@link PointsReversalOutcome}). @category Rewards */
export type PointsReversal = Omit<PointsReversalOutcome, 'entry' | 'reverses'> & {
  /** Id of the `reverse` entry. */
  readonly entryId: string;
  /** Id of the reversed entry. */
  readonly reverses: string;
};

/**
 * The balance of one member at `asOf`.
 * Law: `earned − reversed − redeemed − expired + adjusted = available + pending`.
 * @category Rewards
 */
export interface PointsBalance {
  readonly customerId: string;
  readonly asOf: string;
  readonly available: number;
  readonly pending: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly adjusted: number;
  readonly reversed: number;
  /** Open lots in consumption order (the order redemptions take from them). */
  readonly lots: PointsLot[];
  /** Reversals applied up to `asOf`, in replay order. */
  readonly reversals: PointsReversal[];
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  policy: PointsPolicySchema.default(PointsPolicySchema.parse({})),
  futureEntries: z.enum(['ignore', 'reject']).default('ignore'),
});

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Replays a loyalty-points ledger and returns each member's balance at `asOf`: available, pending,
 * earned, redeemed, expired, adjusted and reversed points, the open lots and what each reversal did.
 *
 * @remarks
 * Each idempotency key (or id, for an entry without one) is applied once (see {@link parsePointsLedger}).
 * Entries are replayed per member by time (at equal times: earn, adjust, redeem, expire, reverse,
 * then id), so the result does not depend on input order. Entries after `asOf` are not in effect
 * yet: the result is the balance as it stood at `asOf` (a point-in-time query for audits).
 * A lot lapses at its `expiresAt`, or when the policy says (see {@link PointsPolicySchema}); it is
 * pending until its `availableAt`. Redemptions and negative adjustments take available points in
 * the policy's consumption order; `expire` entries without `lotId` may also take pending points.
 * A redemption larger than the available balance is an error naming the entry and the shortfall.
 * A reversal of a credit claws back its lot's unspent points and reports the rest as `unrecovered`
 * (or, with `negativeBalance: 'for_returns'`, takes it from the balance, below zero if need be);
 * a reversal of a debit restores the points to their lots.
 * Law (property-tested): `earned − reversed − redeemed − expired + adjusted = available + pending`.
 * Edge cases: `[]` → `[]`; a member whose only entries are after `asOf` is listed with zeros.
 * Output order: by customer id in code-unit order. Complexity O(n log n); use
 * {@link pointsBalanceUnchecked} on columns for millions of entries.
 * @param entries - The ledger (`PointsEntrySchema` rows); never mutated.
 * @param options - `asOf`, the policy and the treatment of future entries.
 * @returns One {@link PointsBalance} per member.
 * @throws {@link RelmarkError} `invalid_options` for a bad `asOf` or policy; `invalid_input` for bad
 *   entries, idempotency conflicts, reversals of unknown entries and redemptions larger than the
 *   balance (issue code `insufficient_points`, path `['entries', i, 'points']`, with the shortfall);
 *   `duplicate_id` when every issue is a repeated id; `future_date` when `futureEntries: 'reject'`
 *   and every issue is an entry after `asOf`.
 * @example
 * ```ts
 * import { pointsBalance } from 'relmark/rewards';
 * const [balance] = pointsBalance(
 *   [
 *     { type: 'earn', id: 'e1', customerId: 'ada', at: '2024-01-10', points: 300 },
 *     { type: 'earn', id: 'e2', customerId: 'ada', at: '2024-03-05', points: 200, availableAt: '2024-04-04' },
 *     { type: 'redeem', id: 'r1', customerId: 'ada', at: '2024-03-20', points: 120 },
 *   ],
 *   { asOf: '2024-03-31', policy: { expiry: { kind: 'end_of_period', period: 'year' } } },
 * );
 * [balance?.available, balance?.pending, balance?.earned, balance?.redeemed];
 * //=> [180, 200, 500, 120]
 * balance?.lots.map((lot) => [lot.entryId, lot.remaining, lot.state, lot.expiresAt]);
 * //=> [['e1', 180, 'available', '2025-01-01T00:00:00.000Z'], ['e2', 200, 'pending', '2025-01-01T00:00:00.000Z']]
 * ```
 * @category Rewards
 * @see {@link pointsBalanceUnchecked} for ledger columns that are already valid.
 */
export function pointsBalance(entries: readonly PointsEntryInput[], options: PointsBalanceOptions): PointsBalance[] {
  const { ledger, issues } = collectPointsLedger(entries);
  const { asOf, policy, futureEntries } = parseOptions(OptionsSchema, options, 'pointsBalance');
  if (futureEntries === 'reject') {
    ledger.entries.forEach((entry, k) => {
      if (entry.at > asOf) {
        issues.push({
          code: 'future_date',
          path: ['entries', ledger.sourceIndex[k] as number, 'at'],
          message: `Entry "${entry.id}" is dated ${entry.at.toISOString()}, after asOf ${asOf.toISOString()}`,
        });
      }
    });
  }
  if (issues.length > 0) throw ledgerError(issues);

  const { columns, sourceIndex } = toPointsLedgerColumns(ledger.entries);
  const result = pointsBalanceUnchecked(columns, { asOf, policy });
  const entryIds = columns.entryIds as readonly string[];
  const inputIndex = (position: number) => ledger.sourceIndex[sourceIndex[position] as number] as number;
  if (result.rejected.length > 0) {
    throw ledgerError(
      result.rejected.map((rejection) => {
        const id = entryIds[rejection.entry] as string;
        const when = iso(columns.at[rejection.entry] as number);
        const noun = ['earn', 'redemption', 'expiry', 'adjustment', 'reversal'][columns.type[rejection.entry] as number] as string;
        const message =
          rejection.code === 'insufficient_points'
            ? `The ${noun} "${id}" of ${rejection.needed} points on ${when} exceeds the ${rejection.available} points available: short by ${rejection.shortfall}`
            : rejection.code === 'reversal_exceeds_entry'
              ? `The reversal "${id}" on ${when} asks for ${rejection.needed} points, but only ${rejection.available} are left to reverse`
              : `The reversal "${id}" on ${when} names an entry that was not applied`;
        return { code: rejection.code, path: ['entries', inputIndex(rejection.entry), 'points'], message };
      }),
    );
  }
  return toPointsBalances(result, columns, asOf.getTime());
}

function ledgerError(issues: readonly RelmarkIssue[]): RelmarkError {
  return new RelmarkError(errorCodeOf(issues), `pointsBalance: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the ledger`, { issues });
}

function toPointsBalances(result: PointsBalanceColumns, columns: PointsLedgerColumns, asOfMs: number): PointsBalance[] {
  const entryIds = columns.entryIds ?? [];
  const idOf = (position: number) => entryIds[position] ?? String(position);
  const reversalsByCustomer = new Map<number, PointsReversal[]>();
  for (const { entry, reverses, ...outcome } of result.reversals) {
    const c = columns.customer[entry] as number;
    const list = reversalsByCustomer.get(c) ?? [];
    list.push({ entryId: idOf(entry), reverses: idOf(reverses), ...outcome });
    reversalsByCustomer.set(c, list);
  }
  const asOf = iso(asOfMs);
  return result.customerIds.map((customerId, c) => {
    const lots: PointsLot[] = [];
    for (let l = result.lotStart[c] as number; l < (result.lotStart[c + 1] as number); l++) {
      const entry = result.lotEntry[l] as number;
      const availableAt = result.lotAvailableAt[l] as number;
      const expiresAt = result.lotExpiresAt[l] as number;
      lots.push({
        entryId: idOf(entry),
        earnedAt: iso(columns.at[entry] as number),
        availableAt: iso(availableAt),
        expiresAt: Number.isFinite(expiresAt) ? iso(expiresAt) : null,
        points: columns.points[entry] as number,
        remaining: result.lotRemaining[l] as number,
        state: availableAt <= asOfMs ? 'available' : 'pending',
      });
    }
    return {
      customerId,
      asOf,
      available: result.available[c] as number,
      pending: result.pending[c] as number,
      earned: result.earned[c] as number,
      redeemed: result.redeemed[c] as number,
      expired: result.expired[c] as number,
      adjusted: result.adjusted[c] as number,
      reversed: result.reversed[c] as number,
      lots,
      reversals: reversalsByCustomer.get(c) ?? [],
    };
  });
}
