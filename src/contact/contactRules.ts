/**
 * How the policy's rules read one contact: scopes, exemptions, calendar windows and each customer's
 * effective rules. Shared by planContacts, contactPressure and overdueCustomers so that the three agree.
 * @internal
 * @module
 */
import type { Channel, Purpose } from '../models/channel.js';
import type { Customer } from '../models/customer.js';
import type { CapRule, CapScope, CapWindow, ContactPolicy } from './contactPolicy.js';
import { localDayNumber, monthBoundsDays, startOfLocalDay, startOfWeekDay } from '../internal/localTime.js';
import { consentStatus } from '../channels/consentStatus.js';

/** A contact as the rules see it (a past one, or a planned one). @internal */
export interface ContactFacts {
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly tags?: readonly string[] | undefined;
}

/** A cap with the name that plan results report (`id`, or its path). @internal */
export interface NamedCap {
  readonly rule: CapRule;
  readonly name: string;
}

/** One customer's effective rules. @internal */
export interface CustomerRules {
  readonly zone: string;
  readonly caps: readonly NamedCap[];
  readonly pause: { readonly from: number; readonly to: number; readonly name: string } | undefined;
  readonly cadence: { readonly gap: number; readonly name: string } | undefined;
}

/** Whether a purpose is exempt from caps, gaps, cadence and pauses. @internal */
export function isExempt(policy: ContactPolicy, purpose: Purpose): boolean {
  return policy.exemptPurposes.includes(purpose);
}

/** Whether a contact counts toward caps, minimum gaps and cadence. @internal */
export function countsTowardLimits(policy: ContactPolicy, purpose: Purpose): boolean {
  return policy.exemptPurposesCountTowardCaps || !isExempt(policy, purpose);
}

function inScope(scope: CapScope, contact: ContactFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'channels':
      return scope.channels.includes(contact.channel);
    case 'purposes':
      return scope.purposes.includes(contact.purpose);
    case 'tags':
      return contact.tags !== undefined && contact.tags.some((tag) => scope.tags.includes(tag));
  }
}

/**
 * Whether a cap limits a new contact: it is in scope and either not exempt, or the cap names its
 * purpose explicitly. @internal
 */
export function capLimits(policy: ContactPolicy, rule: CapRule, contact: ContactFacts): boolean {
  return inScope(rule.scope, contact) && (rule.scope.kind === 'purposes' || !isExempt(policy, contact.purpose));
}

/** Whether an existing contact uses up room under a cap. @internal */
export function capCounts(policy: ContactPolicy, rule: CapRule, contact: ContactFacts): boolean {
  return inScope(rule.scope, contact) && (rule.scope.kind === 'purposes' || countsTowardLimits(policy, contact.purpose));
}

/**
 * The calendar window `[start, end)` (UTC ms) of `unit` in `zone` that contains `ms`; weeks start on
 * `weekStartsOn` (0 = Sunday). Local midnights inside a DST gap move forward to the first valid instant.
 * @internal
 */
export function calendarWindow(zone: string, unit: 'day' | 'week' | 'month', weekStartsOn: number, ms: number): readonly [number, number] {
  const day = localDayNumber(zone, ms);
  let first: number;
  let next: number;
  if (unit === 'day') {
    first = day;
    next = day + 1;
  } else if (unit === 'week') {
    first = startOfWeekDay(day, weekStartsOn);
    next = first + 7;
  } else {
    [first, next] = monthBoundsDays(day);
  }
  return [startOfLocalDay(zone, first), startOfLocalDay(zone, next)];
}

/**
 * The window of a cap or touch rule that ends at `asOf` (for pressure and under-contact counts):
 * rolling windows are `(asOf − length, asOf]`, calendar windows the local period containing `asOf`.
 * Returned as `[fromExclusive, toInclusive]` for rolling, `[start − 1, asOf]` for calendar windows.
 * @internal
 */
export function windowEndingAt(window: CapWindow, zone: string, weekStartsOn: number, asOf: number): readonly [number, number] {
  if (window.kind === 'rolling') return [asOf - window.length, asOf];
  const [start] = calendarWindow(zone, window.unit, weekStartsOn, asOf);
  return [start - 1, asOf];
}

/** The effective rules of one customer (the override's caps replace the policy's). @internal */
export function customerRules(policy: ContactPolicy, customer: Customer | undefined, overrideIndex: ReadonlyMap<string, number>): CustomerRules {
  const index = customer === undefined ? undefined : overrideIndex.get(customer.id);
  const override = index === undefined ? undefined : policy.overrides[index];
  const caps: NamedCap[] =
    override?.caps !== undefined
      ? override.caps.map((rule, i) => ({ rule, name: rule.id ?? `overrides[${index}].caps[${i}]` }))
      : policy.caps.map((rule, i) => ({ rule, name: rule.id ?? `caps[${i}]` }));
  return {
    zone: customer?.timeZone ?? policy.fallbackTimeZone,
    caps,
    pause: override?.pause === undefined ? undefined : { from: override.pause.from.getTime(), to: override.pause.to.getTime(), name: `overrides[${index}].pause` },
    cadence: override?.cadence === undefined ? undefined : { gap: override.cadence, name: `overrides[${index}].cadence` },
  };
}

/** customerId → index in `policy.overrides`. @internal */
export function overrideIndexOf(policy: ContactPolicy): Map<string, number> {
  return new Map(policy.overrides.map((override, i) => [override.customerId, i]));
}

/** Purposes that are kinds of marketing: without a consent record of their own, the marketing consent applies. @internal */
const marketingKinds: ReadonlySet<Purpose> = new Set<Purpose>(['cross_sell', 'replenishment', 'occasion']);

/**
 * Whether the policy allows contacting on a channel for a purpose, given the consent in force at
 * `asOf` as `relmark/channels` decides it ({@link consentStatus}: the latest event wins, a withdrawal
 * wins a tie, whatever the list order). For `cross_sell`, `replenishment` and `occasion` without a record of their
 * own, the customer's marketing consent on the channel decides. @internal
 */
export function hasConsent(policy: ContactPolicy, customer: Customer | undefined, channel: Channel, purpose: Purpose, asOf: number): boolean {
  const consents = customer?.consents ?? [];
  let status = consentStatus(consents, channel, purpose, { asOf });
  if (status === 'none' && marketingKinds.has(purpose)) status = consentStatus(consents, channel, 'marketing', { asOf });
  return status === 'granted' || (status === 'none' && !policy.consentRequiredFor.includes(purpose));
}
