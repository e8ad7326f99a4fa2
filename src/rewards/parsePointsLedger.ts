import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { parseBatch } from '../models/parse.js';
import { PointsEntrySchema, type PointsEntry, type PointsEntryInput } from '../models/reward.js';

/**
 * A validated ledger: the entries to apply (input order, each idempotency key once), the index in
 * the input of each, and the repeats that were dropped.
 * @category Rewards
 */
export interface ParsedPointsLedger {
  readonly entries: PointsEntry[];
  /** `sourceIndex[k]` is the input index of `entries[k]`. */
  readonly sourceIndex: number[];
  /** Input entries skipped as repeats: `index` repeats the entry at `duplicateOf` (both input indices). */
  readonly duplicates: { readonly index: number; readonly duplicateOf: number }[];
}

/**
 * Validates a points ledger and applies idempotency, collecting every issue (never throwing).
 * @internal
 */
export function collectPointsLedger(entries: readonly unknown[], pathName = 'entries'): { ledger: ParsedPointsLedger; issues: RelmarkIssue[] } {
  const batch = parseBatch(PointsEntrySchema, entries, { pathName });
  const issues: RelmarkIssue[] = batch.rejected.flatMap((row) => row.issues);
  const at = (index: number, ...rest: (string | number)[]) => [pathName, index, ...rest];

  // Idempotency: the first entry with a key is applied; an identical repeat is dropped; a different
  // entry under the same key is a conflict (as in payment APIs), because one of them would be lost.
  const byKey = new Map<string, { index: number; content: string }>();
  const ledger: ParsedPointsLedger = { entries: [], sourceIndex: [], duplicates: [] };
  batch.valid.forEach((entry, k) => {
    const index = batch.validIndices[k] as number;
    const key = entry.idempotencyKey === undefined ? `id\u0000${entry.id}` : `key\u0000${entry.idempotencyKey}`;
    const content = JSON.stringify(entry);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, { index, content });
      ledger.entries.push(entry);
      ledger.sourceIndex.push(index);
    } else if (first.content === content) ledger.duplicates.push({ index, duplicateOf: first.index });
    else {
      const field = entry.idempotencyKey === undefined ? 'id' : 'idempotencyKey';
      issues.push({
        code: entry.idempotencyKey === undefined ? 'duplicate_id' : 'idempotency_conflict',
        path: at(index, field),
        message: `${field === 'id' ? 'Entry id' : 'Idempotency key'} "${field === 'id' ? entry.id : entry.idempotencyKey}" was already used by ${pathName}[${first.index}] for a different entry`,
      });
    }
  });

  const positionOfId = new Map<string, number>();
  ledger.entries.forEach((entry, k) => {
    const index = ledger.sourceIndex[k] as number;
    const first = positionOfId.get(entry.id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_id',
        path: at(index, 'id'),
        message: `Entry id "${entry.id}" appears more than once (first at ${pathName}[${ledger.sourceIndex[first]}])`,
      });
    } else positionOfId.set(entry.id, k);
  });

  ledger.entries.forEach((entry, k) => {
    const index = ledger.sourceIndex[k] as number;
    if (entry.type === 'earn') {
      if (entry.availableAt && entry.availableAt < entry.at) {
        issues.push({ code: 'available_before_earned', path: at(index, 'availableAt'), message: 'Points cannot become available before they are earned' });
      }
      const opens = entry.availableAt ?? entry.at;
      if (entry.expiresAt && entry.expiresAt <= opens) {
        issues.push({ code: 'expires_before_available', path: at(index, 'expiresAt'), message: 'Points must expire after they become available' });
      }
    }
    const refId = entry.type === 'reverse' ? entry.reverses : entry.type === 'expire' ? entry.lotId : undefined;
    if (refId === undefined) return;
    const field = entry.type === 'reverse' ? 'reverses' : 'lotId';
    const target = ledger.entries[positionOfId.get(refId) ?? -1];
    const problem =
      target === undefined
        ? `names entry "${refId}", which is not in the ledger`
        : target.customerId !== entry.customerId
          ? `names entry "${refId}" of another customer ("${target.customerId}")`
          : target.at > entry.at
            ? `names entry "${refId}", which is dated after it`
            : entry.type === 'reverse' && target.type === 'reverse'
              ? `names "${refId}", which is itself a reversal`
              : entry.type === 'expire' && !(target.type === 'earn' || (target.type === 'adjust' && target.points > 0))
                ? `names "${refId}", which is not an earn lot`
                : entry.type === 'reverse' && entry.points !== undefined && entry.points > Math.abs(target.points ?? 0)
                  ? `reverses ${entry.points} points of "${refId}", which holds ${Math.abs(target.points ?? 0)}`
                  : undefined;
    if (problem !== undefined) {
      const code = entry.type === 'expire' ? 'unknown_lot' : problem.startsWith('reverses') ? 'reversal_exceeds_entry' : 'invalid_reversal';
      issues.push({ code, path: at(index, field), message: `Entry "${entry.id}" ${problem}` });
    }
  });
  return { ledger, issues };
}

/** The error code for a list of issues: the specific one when all share it, `invalid_input` otherwise. @internal */
export function errorCodeOf(issues: readonly RelmarkIssue[]): RelmarkError['code'] {
  const codes = new Set(issues.map((issue) => issue.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  return only === 'duplicate_id' || only === 'future_date' ? only : 'invalid_input';
}

/**
 * Validates a loyalty-points ledger and applies idempotency: each idempotency key (or, for an entry
 * without one, each id) is applied once.
 *
 * @remarks
 * An exact repeat of an entry (same key, same content) is dropped and listed in `duplicates`; the
 * first occurrence in input order is kept. A different entry under a key already used is an
 * `idempotency_conflict` (or `duplicate_id` for a repeated id without a key), since keeping either
 * one would silently lose the other. Cross-entry checks: ids unique; a `reverse` names an earlier
 * (or simultaneous) entry of the same customer that is not itself a reversal, and reverses no more
 * than it holds; an `expire` with `lotId` names an earn lot of the same customer; an earn becomes
 * available no earlier than it is earned and expires after it becomes available. Runs in O(n).
 * @param entries - Raw ledger entries (see `PointsEntrySchema`); never mutated.
 * @returns The entries to apply, their input indices and the dropped repeats.
 * @throws {@link RelmarkError} `invalid_input` with every issue and its path (`['entries', 3, 'points']`);
 *   `duplicate_id` when every issue is a repeated id.
 * @example
 * ```ts
 * import { parsePointsLedger } from 'relmark/rewards';
 * const earn = { type: 'earn', id: 'e1', customerId: 'c1', at: '2024-01-01', points: 100, idempotencyKey: 'order-7' } as const;
 * const { entries, duplicates } = parsePointsLedger([earn, { ...earn }]);
 * [entries.length, duplicates];
 * //=> [1, [{ index: 1, duplicateOf: 0 }]]
 * ```
 * @category Rewards
 */
export function parsePointsLedger(entries: readonly PointsEntryInput[]): ParsedPointsLedger {
  const { ledger, issues } = collectPointsLedger(entries);
  if (issues.length > 0) {
    throw new RelmarkError(errorCodeOf(issues), `parsePointsLedger: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the ledger`, { issues });
  }
  return ledger;
}
