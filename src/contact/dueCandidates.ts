import type { Channel } from '../models/channel.js';
import { msPerDay } from '../internal/time.js';
import { requireArray, requireOptions, wrongType } from '../internal/guards.js';
import type { ContactCandidate } from './contactCandidate.js';
import type { PurchaseDue } from './nextPurchaseDue.js';

/** Options of {@link dueCandidates}. @category Contact */
export interface DueCandidatesOptions {
  /** The channel of the messages. */
  readonly channel: Channel;
  /** Priority of a customer inside the due window. @defaultValue 1 */
  readonly priority?: number;
  /** Priority of an overdue customer (worth a reminder before they buy elsewhere). @defaultValue 2 */
  readonly overduePriority?: number;
  /** Start the message this many days before the window opens. @defaultValue 0 */
  readonly leadDays?: number;
  /** Prefix of candidate ids: `${idPrefix}${customerId}` (and `/${category}`). @defaultValue 'due:' */
  readonly idPrefix?: string;
}

/**
 * Turns due dates from {@link nextPurchaseDue} into contact candidates with purpose
 * `replenishment`, a priority and an explanation, for {@link planContacts}.
 *
 * @remarks
 * A customer inside or before the due window gets a candidate from `dueFrom − leadDays` to `dueUntil`
 * at `priority`; an overdue customer gets one with no time bounds (from the plan's `asOf`) at
 * `overduePriority`, whose `expectedValue` is the days overdue (so the longest overdue go first among
 * equals). Caps, gaps, quiet hours and consent then apply in the planner as for any candidate. The
 * explanation names the rhythm: "buys coffee about every 21 days; last 2024-05-01; due 2024-05-18 to
 * 2024-05-29". Output order: the input order.
 *
 * @param dues - Entries from {@link nextPurchaseDue} (one per customer or customer and category).
 * @param options - The channel, priorities, lead time and id prefix.
 * @returns One candidate per entry (`earliest`/`latest` as Dates, defaults filled in).
 * @throws {@link RelmarkError} `invalid_input` when `dues` is not an array of due entries;
 *   `invalid_options` for a bad channel, priority or lead time.
 * @example
 * ```ts
 * import { dueCandidates, nextPurchaseDue } from 'relmark/contact';
 * const dues = nextPurchaseDue(
 *   [
 *     ...['2024-01-01', '2024-01-09', '2024-01-21', '2024-01-30'].map((at) => ({ customerId: 'ada', at })),
 *     ...['2024-01-01', '2024-01-24', '2024-02-10'].map((at) => ({ customerId: 'bob', at })),
 *   ],
 *   { asOf: '2024-02-20' },
 * );
 * const [ada, bob] = dueCandidates(dues, { channel: 'email' });
 * [ada?.id, ada?.purpose, ada?.priority, ada?.latest];
 * //=> ['due:ada', 'replenishment', 2, undefined]
 * bob?.explanation;
 * //=> 'buys about every 19 days; last 2024-02-10; due 2024-02-23 to 2024-03-07'
 * ```
 * @category Contact
 */
export function dueCandidates(dues: readonly PurchaseDue[], options: DueCandidatesOptions): ContactCandidate[] {
  requireArray('dueCandidates', ['dues'], dues);
  if (options === undefined) throw wrongType('dueCandidates', ['options'], 'an object with a channel', options, 'invalid_options');
  requireOptions('dueCandidates', options);
  const channel: unknown = options.channel;
  if (typeof channel !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(channel)) throw wrongType('dueCandidates', ['options', 'channel'], 'a channel such as "email"', channel, 'invalid_options');
  const number = (name: 'priority' | 'overduePriority' | 'leadDays', fallback: number, min: number): number => {
    const value: unknown = options[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw wrongType('dueCandidates', ['options', name], `a finite number ≥ ${min}`, value, 'invalid_options');
    return value;
  };
  const priority = number('priority', 1, Number.NEGATIVE_INFINITY);
  const overduePriority = number('overduePriority', 2, Number.NEGATIVE_INFINITY);
  const leadDays = number('leadDays', 0, 0);
  const prefix: unknown = options.idPrefix ?? 'due:';
  if (typeof prefix !== 'string') throw wrongType('dueCandidates', ['options', 'idPrefix'], 'a string', prefix, 'invalid_options');
  return dues.map((due, i) => {
    if (
      typeof due !== 'object' ||
      due === null ||
      typeof due.customerId !== 'string' || !(due.dueFrom instanceof Date) || !(due.dueUntil instanceof Date) || !(due.lastPurchaseAt instanceof Date) || !Number.isFinite(due.dueUntil.getTime()) || !Number.isFinite(due.dueFrom.getTime()) ||
      !Number.isFinite(due.lastPurchaseAt.getTime()) ||
      (due.category !== null && typeof due.category !== 'string') ||
      typeof due.expectedGapDays !== 'number' ||
      !Number.isFinite(due.expectedGapDays) ||
      typeof due.daysSinceLast !== 'number' ||
      typeof due.overdue !== 'boolean'
    ) {
      throw wrongType('dueCandidates', ['dues', i], 'an entry from nextPurchaseDue', due);
    }
    const id = `${prefix}${due.customerId}${due.category === null ? '' : `/${due.category}`}`;
    const what = due.category === null ? 'buys' : `buys ${due.category}`;
    const explanation = `${what} about every ${Math.round(due.expectedGapDays)} days; last ${day(due.lastPurchaseAt)}; ${due.overdue ? `overdue since ${day(due.dueUntil)}` : `due ${day(due.dueFrom)} to ${day(due.dueUntil)}`}`;
    const base = { id, customerId: due.customerId, channel: channel as Channel, purpose: 'replenishment' as const, explanation };
    if (due.overdue) {
      const overdueDays = Math.max(0, due.daysSinceLast - due.expectedGapDays);
      return { ...base, priority: overduePriority, expectedValue: Number.isFinite(overdueDays) ? overdueDays : 0 };
    }
    return { ...base, priority, expectedValue: 0, earliest: new Date(due.dueFrom.getTime() - leadDays * msPerDay), latest: due.dueUntil };
  });
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
