import { requireSources } from '../internal/guards.js';
import * as z from 'zod';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { parseBatch } from '../models/parse.js';
import { IdSchema, InstantSchema } from '../models/primitives.js';
import { TransactionSchema, type TransactionInput } from '../models/transaction.js';
import type { PointsEntryInput } from '../models/reward.js';
import { collectPointsLedger, errorCodeOf } from './parsePointsLedger.js';

/**
 * One piece of tier-qualifying activity: an amount of a metric (qualifying points, spend or
 * purchases) credited to a member at an instant. Qualifying activity is kept apart from spendable
 * points: redeeming points never lowers a tier. Amounts may be negative (a refund lowers spend).
 * @example
 * ```ts
 * import { QualifyingActivitySchema } from 'relmark/rewards';
 * QualifyingActivitySchema.parse({ customerId: 7, at: '2024-05-01', metric: 'spend', amount: 120 }).customerId;
 * //=> '7'
 * ```
 * @category Rewards
 */
export const QualifyingActivitySchema = z.object({
  customerId: IdSchema,
  at: InstantSchema,
  metric: z.enum(['points', 'spend', 'purchases']),
  amount: z.number(),
});
/** @category Rewards */
export type QualifyingActivity = z.output<typeof QualifyingActivitySchema>;
/** @category Rewards */
export type QualifyingActivityInput = z.input<typeof QualifyingActivitySchema>;

/** Sources of {@link qualifyingActivityFrom}. @category Rewards */
export interface QualifyingActivitySources {
  /** Purchases and refunds (`TransactionSchema` rows). @defaultValue [] */
  readonly transactions?: readonly TransactionInput[];
  /** A points ledger (`PointsEntrySchema` rows). @defaultValue [] */
  readonly entries?: readonly PointsEntryInput[];
}

/**
 * Derives tier-qualifying activity from transactions and a points ledger.
 *
 * @remarks
 * A purchase gives `spend` (its amount) and one `purchases`; a refund gives negative `spend` (the
 * purchase still counts as made). An earn gives qualifying `points`; a reversal of an earn takes
 * them back (the points reversed, or all of them). Redemptions, expiries and adjustments do not
 * change qualifying points: they concern the spendable balance. The ledger's idempotency applies.
 * Output order: transactions in input order, then ledger entries in input order. O(n).
 * @param sources - Transactions and/or ledger entries; never mutated.
 * @returns The qualifying activity.
 * @throws {@link RelmarkError} `invalid_input` (path `['sources']`) when `sources` is not an object, and with every issue of either source (paths start with
 *   `transactions` or `entries`).
 * @example
 * ```ts
 * import { qualifyingActivityFrom } from 'relmark/rewards';
 * qualifyingActivityFrom({
 *   transactions: [{ id: 't1', customerId: 'c1', at: '2024-02-01', amount: 80 }],
 *   entries: [{ type: 'earn', id: 'e1', customerId: 'c1', at: '2024-02-01', points: 80 }],
 * }).map((a) => [a.metric, a.amount]);
 * //=> [['spend', 80], ['purchases', 1], ['points', 80]]
 * ```
 * @category Rewards
 */
export function qualifyingActivityFrom(sources: QualifyingActivitySources): QualifyingActivity[] {
  requireSources('qualifyingActivityFrom', sources);
  const transactions = parseBatch(TransactionSchema, sources.transactions ?? [], { pathName: 'transactions' });
  const { ledger, issues: ledgerIssues } = collectPointsLedger(sources.entries ?? []);
  const issues: RelmarkIssue[] = [...transactions.rejected.flatMap((row) => row.issues), ...ledgerIssues];
  if (issues.length > 0) throw new RelmarkError(errorCodeOf(issues), `qualifyingActivityFrom: ${issues.length} invalid row${issues.length === 1 ? '' : 's'}`, { issues });

  const activity: QualifyingActivity[] = [];
  for (const t of transactions.valid) {
    if (t.kind === 'purchase') {
      activity.push({ customerId: t.customerId, at: t.at, metric: 'spend', amount: t.amount });
      activity.push({ customerId: t.customerId, at: t.at, metric: 'purchases', amount: 1 });
    } else activity.push({ customerId: t.customerId, at: t.at, metric: 'spend', amount: -t.amount });
  }
  const earnPoints = new Map<string, number>();
  for (const entry of ledger.entries) if (entry.type === 'earn') earnPoints.set(entry.id, entry.points);
  for (const entry of ledger.entries) {
    if (entry.type === 'earn') activity.push({ customerId: entry.customerId, at: entry.at, metric: 'points', amount: entry.points });
    else if (entry.type === 'reverse' && earnPoints.has(entry.reverses)) {
      activity.push({ customerId: entry.customerId, at: entry.at, metric: 'points', amount: -(entry.points ?? (earnPoints.get(entry.reverses) as number)) });
    }
  }
  return activity;
}
