import type { Channel } from '../models/channel.js';
import type { Customer, CustomerInput } from '../models/customer.js';
import type { InstantInput } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import type { ContactHistoryEntry, ContactHistoryEntryInput } from './contactCandidate.js';
import type { CapWindow, ContactPolicy, ContactPolicyInput } from './contactPolicy.js';
import { capCounts, capLimits, customerRules, overrideIndexOf, windowEndingAt } from './contactRules.js';
import { overdueCustomersUnchecked } from './overdueCustomers.js';
import { parseContactArgs } from './parseContactArgs.js';

/** Options for {@link contactPressure}. @category Contact */
export interface ContactPressureOptions {
  /**
   * Customers, for their time zones (calendar windows), overrides and under-contact segments; also
   * lists customers without history. Without them every customer uses `fallbackTimeZone`.
   * @defaultValue []
   */
  readonly customers?: readonly CustomerInput[];
}

/** How full one cap is for a customer and channel as of `asOf`. @category Contact */
export interface CapPressure {
  /** The cap's id, or its path (`caps[0]`, `overrides[1].caps[0]`). */
  readonly rule: string;
  readonly window: CapWindow;
  readonly max: number;
  /** Counted contacts in the window ending at `asOf`. */
  readonly count: number;
  /** `max − count`: how many more marketing contacts the cap allows now (negative when over). */
  readonly headroom: number;
}

/**
 * Contact pressure on one customer and channel: each applicable cap, the tightest headroom, and a
 * status: `saturated` (some cap has no headroom), `undersaturated` (the customer is overdue under
 * an under-contact rule) or `on_target`.
 * @category Contact
 */
export interface ContactPressure {
  readonly customerId: string;
  readonly channel: Channel;
  readonly caps: CapPressure[];
  /** The smallest headroom over `caps`, or `null` when no cap applies. */
  readonly headroom: number | null;
  readonly status: 'saturated' | 'on_target' | 'undersaturated';
}

/**
 * Measures how close each customer is to their caps on each channel as of `asOf`, and flags the
 * saturated and the neglected ones.
 *
 * @remarks
 * Rows: every customer in the history (outbound entries) or in `options.customers`, times every
 * channel in the history or named by the policy (cap scopes, gaps, quiet hours, capacity). The caps
 * reported are those that would limit a MARKETING contact on that channel (`tags`-scoped caps are
 * left out, as they depend on the message). Windows end at `asOf`: rolling ones are
 * `(asOf − length, asOf]`, calendar ones the customer's current local period so far, so
 * `headroom ≥ 1` exactly when {@link planContacts} could add a contact at `asOf` under that cap
 * (with no later contacts planned). `undersaturated` means {@link overdueCustomers} lists the
 * customer. Order: customer id, then channel, both in code-unit order. Runs in O(h + r·c·k).
 *
 * @param history - Interactions up to `asOf` (ids unique).
 * @param policy - The contact policy.
 * @param asOf - The time of measurement.
 * @param options - Customers for zones, overrides and segments.
 * @returns One row per customer and channel.
 * @throws {@link RelmarkError} `invalid_input` for bad rows; `duplicate_id` for repeated ids;
 *   `future_date` for history after `asOf`; `invalid_options` for a bad policy or `asOf`.
 * @example
 * ```ts
 * import { contactPressure } from 'relmark/contact';
 * const rows = contactPressure(
 *   [
 *     { id: 'h1', customerId: 'ada', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-05-30' },
 *     { id: 'h2', customerId: 'ada', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-05-31' },
 *   ],
 *   { fallbackTimeZone: 'UTC', caps: [{ id: 'email-week', scope: { kind: 'channels', channels: ['email'] }, max: 2, window: { kind: 'rolling', length: '7d' } }] },
 *   '2024-06-01',
 * );
 * rows.map((r) => [r.channel, r.headroom, r.status]);
 * //=> [['email', 0, 'saturated']]
 * ```
 * @category Contact
 * @see {@link contactPressureUnchecked} for validated input.
 */
export function contactPressure(
  history: readonly ContactHistoryEntryInput[],
  policy: ContactPolicyInput,
  asOf: InstantInput,
  options: ContactPressureOptions = {},
): ContactPressure[] {
  const args = parseContactArgs('contactPressure', { customers: options?.customers ?? [], history, policy, asOf });
  return contactPressureUnchecked(args.history, args.policy, args.asOf, { customers: args.customers });
}

/**
 * {@link contactPressure} without validation, for values that already passed the schemas.
 * @remarks Preconditions: unique ids, history at or before `asOf`. Same rows and order.
 * @param history - Validated history.
 * @param policy - A parsed policy.
 * @param asOf - The time of measurement.
 * @param options - Validated customers.
 * @returns One row per customer and channel.
 * @example
 * ```ts
 * import { contactPressureUnchecked, ContactPolicySchema } from 'relmark/contact';
 * const policy = ContactPolicySchema.parse({ fallbackTimeZone: 'UTC', minGaps: [{ channel: 'sms', gap: '1d' }] });
 * contactPressureUnchecked([], policy, new Date('2024-06-01'), { customers: [{ id: 'c1' }] }).map((r) => [r.channel, r.status]);
 * //=> [['sms', 'on_target']]
 * ```
 * @category Contact
 */
export function contactPressureUnchecked(
  history: readonly ContactHistoryEntry[],
  policy: ContactPolicy,
  asOf: Date,
  options: { readonly customers?: readonly Customer[] } = {},
): ContactPressure[] {
  const now = asOf.getTime();
  const customers = new Map((options.customers ?? []).map((customer) => [customer.id, customer]));
  const contactsOf = new Map<string, ContactHistoryEntry[]>();
  const channels = new Set<Channel>(policyChannels(policy));
  for (const entry of history) {
    if (entry.direction !== 'outbound') continue;
    channels.add(entry.channel);
    const list = contactsOf.get(entry.customerId);
    if (list === undefined) contactsOf.set(entry.customerId, [entry]);
    else list.push(entry);
  }
  const ids = [...new Set([...customers.keys(), ...contactsOf.keys()])].sort(compareIds);
  const sortedChannels = [...channels].sort(compareIds);
  const overrideIndex = overrideIndexOf(policy);
  const overdue = new Set(overdueCustomersUnchecked([...customers.values()], history, policy, asOf).map((o) => o.customerId));

  const rows: ContactPressure[] = [];
  for (const customerId of ids) {
    const customer = customers.get(customerId) ?? { id: customerId };
    const rules = customerRules(policy, customer, overrideIndex);
    const contacts = contactsOf.get(customerId) ?? [];
    for (const channel of sortedChannels) {
      const probe = { channel, purpose: 'marketing' as const, tags: undefined };
      const caps: CapPressure[] = [];
      for (const { rule, name } of rules.caps) {
        if (rule.scope.kind === 'tags' || !capLimits(policy, rule, probe)) continue;
        const [from, to] = windowEndingAt(rule.window, rules.zone, policy.weekStartsOn, now);
        let count = 0;
        for (const entry of contacts) {
          const at = entry.at.getTime();
          if (at > from && at <= to && capCounts(policy, rule, entry)) count++;
        }
        caps.push({ rule: name, window: rule.window, max: rule.max, count, headroom: rule.max - count });
      }
      const headroom = caps.length === 0 ? null : Math.min(...caps.map((cap) => cap.headroom));
      const status = headroom !== null && headroom <= 0 ? 'saturated' : overdue.has(customerId) ? 'undersaturated' : 'on_target';
      rows.push({ customerId, channel, caps, headroom, status });
    }
  }
  return rows;
}

function policyChannels(policy: ContactPolicy): Channel[] {
  return [
    ...policy.caps.flatMap((cap) => (cap.scope.kind === 'channels' ? cap.scope.channels : [])),
    ...policy.overrides.flatMap((o) => (o.caps ?? []).flatMap((cap) => (cap.scope.kind === 'channels' ? cap.scope.channels : []))),
    ...policy.minGaps.map((rule) => rule.channel),
    ...policy.quietHours.flatMap((rule) => rule.channels ?? []),
    ...policy.capacity.map((rule) => rule.channel),
  ];
}
