import type { Customer, CustomerInput } from '../models/customer.js';
import type { InstantInput } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { msPerDay } from '../internal/time.js';
import type { ContactHistoryEntry, ContactHistoryEntryInput } from './contactCandidate.js';
import type { ContactPolicy, ContactPolicyInput, UnderContactRule } from './contactPolicy.js';
import { windowEndingAt } from './contactRules.js';
import { parseContactArgs } from './parseContactArgs.js';

/**
 * A customer who has been silent longer than their segment allows, or touched less often.
 * Durations are in days (fractional); `null` means "unknown": never contacted and no `createdAt`.
 * @category Contact
 */
export interface OverdueCustomer {
  readonly customerId: string;
  /** The customer's segment attribute, or `null` when absent. */
  readonly segment: string | null;
  /** The customer's value attribute (e.g. CLV), or `null` when absent or not a number. */
  readonly value: number | null;
  /** The last useful contact at or before `asOf`, or `null` when there was none. */
  readonly lastContactAt: Date | null;
  /** Days since the last useful contact (or since `createdAt` if none); `null` if neither is known. */
  readonly silentDays: number | null;
  /** The rule's `maxSilence` in days, or `null` when the rule has none. */
  readonly maxSilenceDays: number | null;
  /** Useful contacts in the rule's `minTouches` window ending at `asOf` (0 when the rule has none). */
  readonly touches: number;
  /** The rule's `minTouches.count`, or `null`. */
  readonly minTouches: number | null;
  /** Which limits are broken, in this order: `max_silence`, `min_touches`. */
  readonly reasons: ('max_silence' | 'min_touches')[];
}

/**
 * Finds the customers who have been silent longer than their segment allows (`maxSilence`) or got
 * fewer useful contacts than `minTouches` in the window ending at `asOf`, most valuable first: the
 * input for the next plan.
 *
 * @remarks
 * Each customer follows the FIRST `underContact` rule whose `segment` equals the customer's segment
 * attribute (`policy.segmentAttribute`, default `'segment'`), or that has no segment; customers
 * without a matching rule are never overdue. Useful contacts are outbound, not bounced, with a purpose
 * in `policy.usefulPurposes`. Silence runs from the last useful contact, else from `createdAt`; a
 * customer with neither counts as silent for ever (`silentDays: null`) and breaks any `maxSilence`.
 * Calendar `minTouches` windows are the customer's current local day/week/month so far.
 * Order: value (`policy.valueAttribute`, numbers only) desc with missing values last, then silence
 * desc (never contacted first), then id in code-unit order. Runs in O(h + n log n).
 *
 * @param customers - The customers to check (ids unique).
 * @param history - Interactions up to `asOf` (ids unique).
 * @param policy - The policy with its `underContact` rules.
 * @param asOf - The time of the check.
 * @returns The overdue customers, most valuable first.
 * @throws {@link RelmarkError} `invalid_input` for bad rows; `duplicate_id` for repeated ids;
 *   `future_date` for history after `asOf`; `invalid_options` for a bad policy or `asOf`.
 * @example
 * ```ts
 * import { overdueCustomers } from 'relmark/contact';
 * const overdue = overdueCustomers(
 *   [
 *     { id: 'ada', attributes: { segment: 'champions', value: 900 } },
 *     { id: 'bob', attributes: { segment: 'champions', value: 300 } },
 *     { id: 'cy', attributes: { segment: 'others', value: 50 } },
 *   ],
 *   [
 *     { id: 'h1', customerId: 'ada', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-04-01' },
 *     { id: 'h2', customerId: 'bob', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-05-20' },
 *   ],
 *   { fallbackTimeZone: 'UTC', underContact: [{ segment: 'champions', maxSilence: '30d' }] },
 *   '2024-06-01',
 * );
 * overdue.map((o) => [o.customerId, o.silentDays, o.reasons]);
 * //=> [['ada', 61, ['max_silence']]]
 * ```
 * @category Contact
 * @see {@link overdueCustomersUnchecked} for validated input.
 */
export function overdueCustomers(
  customers: readonly CustomerInput[],
  history: readonly ContactHistoryEntryInput[],
  policy: ContactPolicyInput,
  asOf: InstantInput,
): OverdueCustomer[] {
  const args = parseContactArgs('overdueCustomers', { customers, history, policy, asOf });
  return overdueCustomersUnchecked(args.customers, args.history, args.policy, args.asOf);
}

/**
 * {@link overdueCustomers} without validation, for values that already passed the schemas.
 * @remarks Preconditions: unique customer ids, history at or before `asOf`. Same rules and order.
 * @param customers - Validated customers.
 * @param history - Validated history.
 * @param policy - A parsed policy.
 * @param asOf - The time of the check.
 * @returns The overdue customers, most valuable first.
 * @example
 * ```ts
 * import { overdueCustomersUnchecked, ContactPolicySchema } from 'relmark/contact';
 * const policy = ContactPolicySchema.parse({ fallbackTimeZone: 'UTC', underContact: [{ maxSilence: '7d' }] });
 * overdueCustomersUnchecked([{ id: 'new' }], [], policy, new Date('2024-06-01')).map((o) => o.silentDays);
 * //=> [null]
 * ```
 * @category Contact
 */
export function overdueCustomersUnchecked(
  customers: readonly Customer[],
  history: readonly ContactHistoryEntry[],
  policy: ContactPolicy,
  asOf: Date,
): OverdueCustomer[] {
  const now = asOf.getTime();
  const useful = new Map<string, number[]>();
  for (const entry of history) {
    if (entry.direction !== 'outbound' || entry.outcome === 'bounced' || !policy.usefulPurposes.includes(entry.purpose)) continue;
    const at = entry.at.getTime();
    if (at > now) continue;
    const times = useful.get(entry.customerId);
    if (times === undefined) useful.set(entry.customerId, [at]);
    else times.push(at);
  }
  const overdue: OverdueCustomer[] = [];
  for (const customer of customers) {
    const segmentValue = customer.attributes?.[policy.segmentAttribute];
    const segment = typeof segmentValue === 'string' ? segmentValue : null;
    const rule = policy.underContact.find((r) => r.segment === undefined || r.segment === segment);
    if (rule === undefined) continue;
    const result = checkCustomer(customer, useful.get(customer.id) ?? [], rule, policy, now, segment);
    if (result.reasons.length > 0) overdue.push(result);
  }
  return overdue.sort(
    (a, b) =>
      (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) ||
      (b.silentDays ?? Number.POSITIVE_INFINITY) - (a.silentDays ?? Number.POSITIVE_INFINITY) ||
      compareIds(a.customerId, b.customerId),
  );
}

function checkCustomer(customer: Customer, times: readonly number[], rule: UnderContactRule, policy: ContactPolicy, now: number, segment: string | null): OverdueCustomer {
  let last: number | undefined;
  for (const t of times) if (last === undefined || t > last) last = t;
  const since = last ?? customer.createdAt?.getTime();
  const silence = since === undefined ? null : Math.max(0, now - since);
  const reasons: OverdueCustomer['reasons'] = [];
  if (rule.maxSilence !== undefined && (silence === null || silence > rule.maxSilence)) reasons.push('max_silence');
  let touches = 0;
  if (rule.minTouches !== undefined) {
    const [from, to] = windowEndingAt(rule.minTouches.window, customer.timeZone ?? policy.fallbackTimeZone, policy.weekStartsOn, now);
    touches = times.filter((t) => t > from && t <= to).length;
    if (touches < rule.minTouches.count) reasons.push('min_touches');
  }
  const value = customer.attributes?.[policy.valueAttribute];
  return {
    customerId: customer.id,
    segment,
    value: typeof value === 'number' && Number.isFinite(value) ? value : null,
    lastContactAt: last === undefined ? null : new Date(last),
    silentDays: silence === null ? null : silence / msPerDay,
    maxSilenceDays: rule.maxSilence === undefined ? null : rule.maxSilence / msPerDay,
    touches,
    minTouches: rule.minTouches?.count ?? null,
    reasons,
  };
}
