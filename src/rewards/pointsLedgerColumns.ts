import type { PointsEntry } from '../models/reward.js';
import { compareIds } from '../internal/order.js';

/**
 * The entry types of a points ledger, in the order of their numeric codes in
 * {@link PointsLedgerColumns}`.type` (`earn` = 0 … `reverse` = 4).
 * @example
 * ```ts
 * import { pointsEntryTypes } from 'relmark/rewards';
 * pointsEntryTypes.indexOf('redeem');
 * //=> 1
 * ```
 * @category Rewards
 */
export const pointsEntryTypes = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;

/**
 * A points ledger as columns (one position per entry), the input of {@link pointsBalanceUnchecked}.
 *
 * @remarks
 * Times are UTC epoch milliseconds. `points` holds the entry's points (signed for `adjust`; for a
 * `reverse`, the points to reverse, or `NaN` for everything still reversible). `availableAt` and
 * `expiresAt` apply to earns (`NaN`: at the earn / by the policy). `ref` holds, for a `reverse`, the
 * position of the entry it reverses and, for an `expire`, the position of its lot (`-1`: none).
 * Entries may come in any order: they are grouped by customer and replayed by time.
 * @category Rewards
 */
export interface PointsLedgerColumns {
  /** Customer ids; `customer` holds positions in this list. */
  readonly customerIds: readonly string[];
  /** Entry ids, for reporting (optional). */
  readonly entryIds?: readonly string[];
  readonly customer: Int32Array;
  /** Codes of {@link pointsEntryTypes}. */
  readonly type: Uint8Array;
  readonly at: Float64Array;
  readonly points: Float64Array;
  readonly availableAt?: Float64Array;
  readonly expiresAt?: Float64Array;
  readonly ref?: Int32Array;
}

/** Replay order of entries that share an instant: credits first, reversals last. @internal */
const sameInstantRank: Record<PointsEntry['type'], number> = { earn: 0, adjust: 1, redeem: 2, expire: 3, reverse: 4 };

/**
 * Turns parsed, deduplicated ledger entries into {@link PointsLedgerColumns}, in the canonical replay
 * order: customer id (code-unit order), time, type at equal times (earn, adjust, redeem, expire,
 * reverse), then entry id. Customers are numbered in code-unit order of their ids.
 *
 * @remarks Entries named by `reverses` or `lotId` that are not in the list get `ref = -1`.
 * Runs in O(n log n).
 * @param entries - Parsed entries with unique ids (for example from {@link parsePointsLedger}).
 * @returns The columns, and for each column position the index of its entry in `entries`.
 * @example
 * ```ts
 * import { toPointsLedgerColumns } from 'relmark/rewards';
 * const { columns, sourceIndex } = toPointsLedgerColumns([
 *   { type: 'redeem', id: 'r1', customerId: 'b', at: new Date('2024-02-01'), points: 5 },
 *   { type: 'earn', id: 'e1', customerId: 'b', at: new Date('2024-01-01'), points: 10 },
 * ]);
 * [columns.customerIds, [...columns.type], [...sourceIndex]];
 * //=> [['b'], [0, 1], [1, 0]]
 * ```
 * @category Rewards
 */
export function toPointsLedgerColumns(entries: readonly PointsEntry[]): { columns: PointsLedgerColumns; sourceIndex: Int32Array } {
  const order = entries
    .map((_, index) => index)
    .sort((i, j) => {
      const a = entries[i] as PointsEntry;
      const b = entries[j] as PointsEntry;
      return (
        compareIds(a.customerId, b.customerId) ||
        a.at.getTime() - b.at.getTime() ||
        sameInstantRank[a.type] - sameInstantRank[b.type] ||
        compareIds(a.id, b.id)
      );
    });
  const n = order.length;
  const positionOfId = new Map<string, number>();
  order.forEach((index, position) => positionOfId.set((entries[index] as PointsEntry).id, position));
  const customerIds: string[] = [];
  const columns = {
    customerIds,
    entryIds: new Array<string>(n),
    customer: new Int32Array(n),
    type: new Uint8Array(n),
    at: new Float64Array(n),
    points: new Float64Array(n),
    availableAt: new Float64Array(n).fill(Number.NaN),
    expiresAt: new Float64Array(n).fill(Number.NaN),
    ref: new Int32Array(n).fill(-1),
  };
  order.forEach((index, position) => {
    const entry = entries[index] as PointsEntry;
    if (customerIds[customerIds.length - 1] !== entry.customerId) customerIds.push(entry.customerId);
    columns.entryIds[position] = entry.id;
    columns.customer[position] = customerIds.length - 1;
    columns.type[position] = pointsEntryTypes.indexOf(entry.type);
    columns.at[position] = entry.at.getTime();
    columns.points[position] = entry.points ?? Number.NaN;
    if (entry.type === 'earn') {
      if (entry.availableAt) columns.availableAt[position] = entry.availableAt.getTime();
      if (entry.expiresAt) columns.expiresAt[position] = entry.expiresAt.getTime();
    }
    const refId = entry.type === 'reverse' ? entry.reverses : entry.type === 'expire' ? entry.lotId : undefined;
    if (refId !== undefined) columns.ref[position] = positionOfId.get(refId) ?? -1;
  });
  return { columns, sourceIndex: Int32Array.from(order) };
}
