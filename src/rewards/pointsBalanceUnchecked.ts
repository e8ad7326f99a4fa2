import { inactivityDeadline, lotExpiryCalculator } from './lotExpiry.js';
import type { PointsLedgerColumns } from './pointsLedgerColumns.js';
import type { PointsPolicy } from './pointsPolicy.js';

const EARN = 0;
const REDEEM = 1;
const EXPIRE = 2;
const ADJUST = 3;
const REVERSE = 4;
/** Replay rank at equal times, by type code: earn 0, redeem 2, expire 3, adjust 1, reverse 4. */
const rankOfType = [0, 2, 3, 1, 4];

const APPLIED = 1;
const REJECTED = 2;

/**
 * An entry that the replay could not apply (it is skipped, and later entries are replayed without it).
 * `needed` and `available` are in points; `shortfall = needed − available`.
 * @category Rewards
 */
export interface RejectedPointsEntry {
  /** Position of the entry in the ledger columns. */
  readonly entry: number;
  /**
   * `insufficient_points` (a redemption, negative adjustment or expiry larger than what is open),
   * `reversal_exceeds_entry` (more reversed than the entry holds) or `invalid_reversal`
   * (the reversed entry is unknown, a reversal, or was itself rejected).
   */
  readonly code: 'insufficient_points' | 'reversal_exceeds_entry' | 'invalid_reversal';
  readonly needed: number;
  readonly available: number;
  readonly shortfall: number;
}

/**
 * What a reversal did. A reversed credit (earn or positive adjustment) is clawed back from its lot
 * as far as the lot is unspent (`clawedBack`); the rest is taken from the member's other lots,
 * pending ones included (`fromBalance`), then below zero (`belowZero`), only when the policy allows a
 * negative balance for returns, and is otherwise reported as `unrecovered`. A reversed debit (redemption, expiry, negative adjustment) is
 * `restored` to the lots it came from, which keep their expiry.
 * @category Rewards
 */
export interface PointsReversalOutcome {
  /** Position of the `reverse` entry. */
  readonly entry: number;
  /** Position of the reversed entry. */
  readonly reverses: number;
  readonly kind: 'claw_back' | 'restore';
  readonly requested: number;
  readonly clawedBack: number;
  readonly fromBalance: number;
  readonly belowZero: number;
  readonly unrecovered: number;
  readonly restored: number;
}

/**
 * Balances of every customer of a ledger, as columns (one position per customer of
 * `customerIds`), with the open lots grouped by customer.
 * @category Rewards
 */
export interface PointsBalanceColumns {
  readonly customerIds: readonly string[];
  /** Spendable points at `asOf` (negative only under `negativeBalance: 'for_returns'`). */
  readonly available: Float64Array;
  /** Points of open lots still in their lock period at `asOf`. */
  readonly pending: Float64Array;
  /** Points granted by earn entries. */
  readonly earned: Float64Array;
  /** Points redeemed, less redemptions reversed. */
  readonly redeemed: Float64Array;
  /** Points lapsed (by the policy or by `expire` entries), less expiries reversed. */
  readonly expired: Float64Array;
  /** Signed sum of adjustments, less adjustments reversed. */
  readonly adjusted: Float64Array;
  /** Points removed by reversals of credits (clawed back, taken from the balance or put below zero). */
  readonly reversed: Float64Array;
  /** Open lots: customer `c` owns positions `lotStart[c]` to `lotStart[c + 1] − 1`, in consumption order. */
  readonly lotStart: Int32Array;
  readonly lotEntry: Int32Array;
  readonly lotRemaining: Float64Array;
  readonly lotAvailableAt: Float64Array;
  /** `Infinity` for a lot that never expires. */
  readonly lotExpiresAt: Float64Array;
  readonly reversals: readonly PointsReversalOutcome[];
  readonly rejected: readonly RejectedPointsEntry[];
  /** Entries dated after `asOf`, which are not in effect yet. */
  readonly notYetInEffect: number;
}

/** Options of {@link pointsBalanceUnchecked}. @category Rewards */
export interface PointsBalanceUncheckedOptions {
  /** The instant of the balance. */
  readonly asOf: Date;
  /** A parsed policy (every field present, as {@link PointsPolicySchema} produces it). */
  readonly policy: PointsPolicy;
}

/**
 * {@link pointsBalance} without validation, on ledger columns: replays every customer's entries up
 * to `asOf` and returns balances and open lots as columns. Entries it cannot apply are skipped and
 * listed in `rejected` instead of throwing.
 *
 * @remarks
 * Preconditions: ids already deduplicated (idempotency applied), whole positive points (signed for
 * adjustments), finite times, `ref` positions of the same customer. If they are violated the result
 * is unspecified, but the call still returns and never mutates its input.
 * Entries are grouped by customer (a stable counting sort) and replayed by time; entries of one
 * customer at the same instant go earn, adjust, redeem, expire, reverse, then by position. Before each
 * entry (and at `asOf`) lots whose expiry is at or before that instant lapse, so a lot expiring at
 * `T` cannot be spent at `T`. A lot is pending while its `availableAt` is after the instant.
 * Complexity: O(n + Σ k·L) for k entries and L open lots per customer (linear for usual ledgers),
 * plus O(k log k) for a customer whose entries are not in time order.
 * @param ledger - The ledger columns (see {@link toPointsLedgerColumns}).
 * @param options - `asOf` and the parsed policy.
 * @returns Balances per customer and open lots, as columns.
 * @example
 * ```ts
 * import { pointsBalanceUnchecked, PointsPolicySchema } from 'relmark/rewards';
 * const day = 86_400_000;
 * const result = pointsBalanceUnchecked(
 *   {
 *     customerIds: ['c1'],
 *     customer: Int32Array.of(0, 0, 0),
 *     type: Uint8Array.of(0, 0, 1), // earn, earn, redeem
 *     at: Float64Array.of(0, 10 * day, 20 * day),
 *     points: Float64Array.of(100, 50, 120),
 *   },
 *   { asOf: new Date(30 * day), policy: PointsPolicySchema.parse({}) },
 * );
 * [result.available[0], result.redeemed[0], [...result.lotRemaining]];
 * //=> [30, 120, [30]]
 * ```
 * @category Rewards
 */
export function pointsBalanceUnchecked(ledger: PointsLedgerColumns, options: PointsBalanceUncheckedOptions): PointsBalanceColumns {
  const { customer } = ledger;
  const { policy } = options;
  const asOf = options.asOf.getTime();
  const n = ledger.type.length;
  const m = ledger.customerIds.length;

  // Group entries by customer with a stable counting sort.
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) start[(customer[i] as number) + 1] = (start[(customer[i] as number) + 1] as number) + 1;
  for (let c = 0; c < m; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, m);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    order[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  // Copy the columns into member order once: each member's entries then sit next to each other, so
  // the replay reads memory in sequence instead of jumping across a time-ordered ledger. From here
  // on an entry is named by its replay position; order[position] is its index in the input.
  const at = new Float64Array(n);
  const type = new Uint8Array(n);
  const points = new Float64Array(n);
  const opensAt = new Float64Array(n);
  const ownExpiry = ledger.expiresAt ? new Float64Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const e = order[k] as number;
    at[k] = ledger.at[e] as number;
    type[k] = ledger.type[e] as number;
    points[k] = ledger.points[e] as number;
    const opens = ledger.availableAt ? (ledger.availableAt[e] as number) : Number.NaN;
    opensAt[k] = Number.isNaN(opens) ? (at[k] as number) : opens;
    if (ownExpiry) ownExpiry[k] = (ledger.expiresAt as Float64Array)[e] as number;
  }
  // Within a member, replay by time, then type rank at equal times, then input order (the counting
  // sort kept input order). A member whose entries are not in that order is sorted and re-copied.
  const replayBefore = (i: number, j: number) =>
    (at[i] as number) - (at[j] as number) || (rankOfType[type[i] as number] as number) - (rankOfType[type[j] as number] as number) || i - j;
  for (let c = 0; c < m; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = replayBefore(k - 1, k) < 0;
    if (sorted) continue;
    const permutation = Array.from({ length: to - from }, (_, i) => from + i).sort(replayBefore);
    for (const column of [at, type, points, opensAt, order, ...(ownExpiry ? [ownExpiry] : [])]) {
      const copy = permutation.map((k) => column[k] as number);
      copy.forEach((value, i) => (column[from + i] = value));
    }
  }
  const ref = ledger.ref ? new Int32Array(n) : undefined;
  if (ref) {
    const positionOf = new Int32Array(n);
    for (let k = 0; k < n; k++) positionOf[order[k] as number] = k;
    for (let k = 0; k < n; k++) {
      const target = (ledger.ref as Int32Array)[order[k] as number] as number;
      ref[k] = target >= 0 ? (positionOf[target] as number) : -1;
    }
  }
  const expiresAtColumn = ownExpiry;
  const refColumn = ref;

  // Debits that a reversal names keep a record of the lots they took points from.
  const reversalTarget = new Uint8Array(n);
  if (refColumn) for (let i = 0; i < n; i++) if (type[i] === REVERSE && (refColumn[i] as number) >= 0) reversalTarget[refColumn[i] as number] = 1;
  const allocations = new Map<number, number[]>();
  const reversedSoFar = new Map<number, number>();

  const remaining = new Float64Array(n);
  const lotExpiry = new Float64Array(n);
  const state = new Uint8Array(n);
  const availableOf = (lot: number) => opensAt[lot] as number;
  const expiryOf = lotExpiryCalculator(policy.expiry);
  const soonestExpiring = policy.consumption === 'soonest_expiring';
  const lotBefore = (a: number, b: number) => {
    if (soonestExpiring) {
      const ea = lotExpiry[a] as number;
      const eb = lotExpiry[b] as number;
      if (ea !== eb) return ea < eb ? -1 : 1;
    }
    return (at[a] as number) - (at[b] as number) || a - b;
  };

  const out = {
    available: new Float64Array(m),
    pending: new Float64Array(m),
    earned: new Float64Array(m),
    redeemed: new Float64Array(m),
    expired: new Float64Array(m),
    adjusted: new Float64Array(m),
    reversed: new Float64Array(m),
  };
  const lotStart = new Int32Array(m + 1);
  const lotEntry: number[] = [];
  const lotRemaining: number[] = [];
  const lotAvailableAt: number[] = [];
  const lotExpiresAt: number[] = [];
  const reversals: PointsReversalOutcome[] = [];
  const rejected: RejectedPointsEntry[] = [];
  let notYetInEffect = 0;

  const open: number[] = [];
  // Per-member replay state, reset for each member; the helpers are created once (not per member).
  let deficit = 0;
  let lastActivity = Number.NaN;
  let nextExpiry = Number.POSITIVE_INFINITY;
  let earned: number;
  let redeemed: number;
  let expired = 0;
  let adjusted: number;
  let reversed: number;

  const removeEmptyLots = () => {
    let kept = 0;
    for (const lot of open) if ((remaining[lot] as number) > 0) open[kept++] = lot;
    open.length = kept;
  };
  const insertLot = (lot: number) => {
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lotBefore(open[mid] as number, lot) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === open.length) open.push(lot);
    else open.splice(lo, 0, lot);
    if ((lotExpiry[lot] as number) < nextExpiry) nextExpiry = lotExpiry[lot] as number;
  };
  const expireDue = (t: number) => {
    if (inactivityDeadline(lastActivity, policy.expiry) <= t) {
      for (const lot of open) {
        expired += remaining[lot] as number;
        remaining[lot] = 0;
      }
      open.length = 0;
      nextExpiry = Number.POSITIVE_INFINITY;
      return;
    }
    if (t < nextExpiry) return;
    nextExpiry = Number.POSITIVE_INFINITY;
    for (const lot of open) {
      const expiry = lotExpiry[lot] as number;
      if (expiry <= t) {
        expired += remaining[lot] as number;
        remaining[lot] = 0;
      } else if (expiry < nextExpiry) nextExpiry = expiry;
    }
    removeEmptyLots();
  };
  const spendable = (t: number, includePending: boolean) => {
    let total = 0;
    for (const lot of open) if (includePending || availableOf(lot) <= t) total += remaining[lot] as number;
    return total;
  };
  // Takes `amount` (which the caller has checked is there) in consumption order.
  const consume = (amount: number, t: number, includePending: boolean, record: number[] | undefined) => {
    let left = amount;
    for (const lot of open) {
      if (left === 0) break;
      if (!includePending && availableOf(lot) > t) continue;
      const take = Math.min(left, remaining[lot] as number);
      remaining[lot] = (remaining[lot] as number) - take;
      left -= take;
      record?.push(lot, take);
    }
    removeEmptyLots();
  };
  const credit = (lot: number, amount: number, expiry: number) => {
    lotExpiry[lot] = expiry;
    const repaid = Math.min(deficit, amount);
    deficit -= repaid;
    remaining[lot] = amount - repaid;
    if (remaining[lot] > 0) insertLot(lot);
  };
  const reject = (entry: number, code: RejectedPointsEntry['code'], needed: number, available: number) => {
    state[entry] = REJECTED;
    rejected.push({ entry: order[entry] as number, code, needed, available, shortfall: needed - available });
  };
  const debit = (entry: number, amount: number, t: number, includePending: boolean): boolean => {
    const available = spendable(t, includePending) - deficit;
    if (amount > available) {
      reject(entry, 'insufficient_points', amount, Math.max(0, available));
      return false;
    }
    consume(amount, t, includePending, reversalTarget[entry] ? allocationOf(entry) : undefined);
    return true;
  };
  const allocationOf = (entry: number) => {
    let list = allocations.get(entry);
    if (!list) allocations.set(entry, (list = []));
    return list;
  };

  for (let c = 0; c < m; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    open.length = 0;
    deficit = 0;
    lastActivity = Number.NaN;
    nextExpiry = Number.POSITIVE_INFINITY;
    earned = 0;
    redeemed = 0;
    expired = 0;
    adjusted = 0;
    reversed = 0;
    for (let k = from; k < to; k++) {
      const e = k;
      const t = at[e] as number;
      if (t > asOf) {
        notYetInEffect += to - k;
        break;
      }
      expireDue(t);
      const p = points[e] as number;
      const kind = type[e] as number;
      if (kind === EARN || (kind === ADJUST && p > 0)) {
        const explicit = expiresAtColumn ? (expiresAtColumn[e] as number) : Number.NaN;
        credit(e, p, Number.isNaN(explicit) ? expiryOf(t) : explicit);
        if (kind === EARN) {
          earned += p;
          lastActivity = t;
        } else adjusted += p;
        state[e] = APPLIED;
      } else if (kind === REDEEM || kind === ADJUST) {
        const amount = Math.abs(p);
        if (!debit(e, amount, t, false)) continue;
        if (kind === REDEEM) {
          redeemed += amount;
          lastActivity = t;
        } else adjusted -= amount;
        state[e] = APPLIED;
      } else if (kind === EXPIRE) {
        const lot = refColumn ? (refColumn[e] as number) : -1;
        if (lot >= 0) {
          const inLot = state[lot] === APPLIED ? (remaining[lot] as number) : 0;
          if (p > inLot) {
            reject(e, 'insufficient_points', p, inLot);
            continue;
          }
          remaining[lot] = inLot - p;
          if (reversalTarget[e]) allocationOf(e).push(lot, p);
          removeEmptyLots();
        } else if (!debit(e, p, t, true)) continue;
        expired += p;
        state[e] = APPLIED;
      } else if (kind === REVERSE) {
        const target = refColumn ? (refColumn[e] as number) : -1;
        const targetKind = target >= 0 ? (type[target] as number) : REVERSE;
        if (target < 0 || targetKind === REVERSE || state[target] !== APPLIED) {
          reject(e, 'invalid_reversal', Number.isNaN(p) ? 0 : p, 0);
          continue;
        }
        const reversible = Math.abs(points[target] as number) - (reversedSoFar.get(target) ?? 0);
        const requested = Number.isNaN(p) ? reversible : p;
        if (requested > reversible || requested <= 0) {
          reject(e, 'reversal_exceeds_entry', requested, reversible);
          continue;
        }
        reversedSoFar.set(target, (reversedSoFar.get(target) ?? 0) + requested);
        state[e] = APPLIED;
        if (targetKind === EARN || (targetKind === ADJUST && (points[target] as number) > 0)) {
          const clawedBack = Math.min(requested, remaining[target] as number);
          remaining[target] = (remaining[target] as number) - clawedBack;
          removeEmptyLots();
          let fromBalance = 0;
          let belowZero = 0;
          const rest = requested - clawedBack;
          if (rest > 0 && policy.negativeBalance === 'for_returns') {
            // Take the rest from the member's other lots, pending ones included, and only then go
            // below zero: so a debt exists only while the member has no open lot.
            fromBalance = Math.min(rest, spendable(t, true));
            consume(fromBalance, t, true, undefined);
            belowZero = rest - fromBalance;
            deficit += belowZero;
          }
          const unrecovered = rest - fromBalance - belowZero;
          reversed += requested - unrecovered;
          reversals.push({ entry: order[e] as number, reverses: order[target] as number, kind: 'claw_back', requested, clawedBack, fromBalance, belowZero, unrecovered, restored: 0 });
        } else {
          // Give the points back to the lots they came from, the last taken first.
          const record = allocations.get(target) ?? [];
          let left = requested;
          for (let r = record.length - 2; r >= 0 && left > 0; r -= 2) {
            const lot = record[r] as number;
            const give = Math.min(left, record[r + 1] as number);
            if (give === 0) continue;
            record[r + 1] = (record[r + 1] as number) - give;
            const wasEmpty = remaining[lot] === 0;
            remaining[lot] = (remaining[lot] as number) + give;
            if (wasEmpty) insertLot(lot);
            left -= give;
          }
          if (deficit > 0) {
            // Restored points repay a debt first, like any later credit.
            const repaid = Math.min(deficit, spendable(t, true));
            consume(repaid, t, true, undefined);
            deficit -= repaid;
          }
          if (targetKind === REDEEM) redeemed -= requested;
          else if (targetKind === EXPIRE) expired -= requested;
          else adjusted += requested;
          reversals.push({ entry: order[e] as number, reverses: order[target] as number, kind: 'restore', requested, clawedBack: 0, fromBalance: 0, belowZero: 0, unrecovered: 0, restored: requested });
        }
      }
    }
    expireDue(asOf);

    let available = 0 - deficit; // not -deficit, which gives -0
    let pending = 0;
    const deadline = inactivityDeadline(lastActivity, policy.expiry);
    for (const lot of open) {
      const availableAt = availableOf(lot);
      if (availableAt <= asOf) available += remaining[lot] as number;
      else pending += remaining[lot] as number;
      lotEntry.push(order[lot] as number);
      lotRemaining.push(remaining[lot] as number);
      lotAvailableAt.push(availableAt);
      lotExpiresAt.push(Math.min(lotExpiry[lot] as number, deadline));
    }
    lotStart[c + 1] = lotEntry.length;
    out.available[c] = available;
    out.pending[c] = pending;
    out.earned[c] = earned;
    out.redeemed[c] = redeemed;
    out.expired[c] = expired;
    out.adjusted[c] = adjusted;
    out.reversed[c] = reversed;
  }

  return {
    customerIds: ledger.customerIds,
    ...out,
    lotStart,
    lotEntry: Int32Array.from(lotEntry),
    lotRemaining: Float64Array.from(lotRemaining),
    lotAvailableAt: Float64Array.from(lotAvailableAt),
    lotExpiresAt: Float64Array.from(lotExpiresAt),
    reversals,
    rejected,
    notYetInEffect,
  };
}
