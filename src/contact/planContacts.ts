import type { Channel, Purpose } from '../models/channel.js';
import type { Customer, CustomerInput } from '../models/customer.js';
import type { InstantInput } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { issuesFromZod } from '../errors/fromZodError.js';
import type { RelmarkIssue } from '../errors/RelmarkError.js';
import type { ContactCandidate, ContactCandidateInput, ContactHistoryEntry, ContactHistoryEntryInput } from './contactCandidate.js';
import { ContactDurationSchema, type ContactDurationInput } from './contactDuration.js';
import type { ContactDecision, ContactPlan, ContactReason, DeferredContact, ScheduledContact, SuppressedContact } from './contactPlan.js';
import type { ContactPolicy, ContactPolicyInput, QuietHoursRule } from './contactPolicy.js';
import {
  calendarWindow,
  capCounts,
  type ContactFacts,
  type NamedCap,
  capLimits,
  countsTowardLimits,
  customerRules,
  hasConsent,
  isExempt,
  overrideIndexOf,
  type CustomerRules,
} from './contactRules.js';
import { localDayNumber, localMinuteOfDay, nextLocalTime, offsetChangesBetween, startOfLocalDay } from '../internal/localTime.js';
import { parseContactArgs } from './parseContactArgs.js';

/** The arguments of {@link planContacts}. @category Contact */
export interface PlanContactsArgs {
  /** Every customer a candidate names (time zone, consents, attributes); ids unique. */
  readonly customers: readonly CustomerInput[];
  /** Past interactions up to `asOf`; outbound ones are the contacts already made. Ids unique. */
  readonly history: readonly ContactHistoryEntryInput[];
  /** Proposed messages; ids unique. */
  readonly candidates: readonly ContactCandidateInput[];
  /** The contact policy (see {@link ContactPolicySchema}). */
  readonly policy: ContactPolicyInput;
  /** The time of planning: nothing is scheduled before it; history after it is rejected. */
  readonly asOf: InstantInput;
  /** How far ahead to plan, as a duration (`'7d'`): contacts go out in `[asOf, asOf + horizon]`. */
  readonly horizon: ContactDurationInput;
}

/** The arguments of {@link planContactsUnchecked}: already validated values. @category Contact */
export interface PlanContactsUncheckedArgs {
  readonly customers: readonly Customer[];
  readonly history: readonly ContactHistoryEntry[];
  readonly candidates: readonly ContactCandidate[];
  readonly policy: ContactPolicy;
  readonly asOf: Date;
  /** The horizon in milliseconds. */
  readonly horizon: number;
}

/**
 * Plans which proposed messages to send, and when, so that no customer is bombarded: every cap,
 * minimum gap, quiet hour, pause, consent and daily capacity of the policy holds, and higher-ranked
 * candidates win scarce room.
 *
 * @remarks
 * Candidates are ranked: exempt purposes first (caps and gaps never block them, and they must be in
 * place before the contacts they count against), then priority (desc), expected value (desc),
 * `earliest` (asc) and id (code-unit order), so the plan does not depend on their input order. In rank order, each candidate gets the
 * EARLIEST allowed instant in `[max(earliest, asOf), min(latest, asOf + horizon)]`, given the history
 * and the contacts planned before it:
 * - consent is absolute: a withdrawn consent (latest event at or before `asOf`; a withdrawal wins a tie
 *   with a grant, whatever the list order, as in `consentStatus`), or no granted consent for a purpose
 *   in `consentRequiredFor`, suppresses the candidate (`no_consent`), whatever its rank;
 * - caps hold in EVERY window: rolling caps in every span of their length (half-open `[s, s + length)`),
 *   calendar caps in the customer's local day/week/month (their zone, or `fallbackTimeZone`);
 * - minimum gaps hold between the new contact and every counted contact on the channel, before or
 *   after it (a customer's `cadence` does the same across channels);
 * - quiet hours (local time, wrapping midnight): a contact REQUESTED inside them is moved to their
 *   end (`defer`, at most `maxDeferral` later) or suppressed (`drop`); a contact that another rule
 *   moves into quiet hours always moves on to their end;
 * - daily capacity counts history and plan on the calendar day of `capacityTimeZone`.
 * Exempt purposes skip caps, gaps, cadence and pauses (see {@link ContactPolicySchema}).
 * A candidate with no allowed instant is `deferred` if its `latest` lies after the horizon, else
 * `suppressed`; either way with the reason and the rule that blocked its last possible instant.
 * `lower_priority` replaces `cap`, `min_gap` or `capacity` when history alone would have allowed it.
 *
 * DST: wall times are read through the zone's offset at each instant. Quiet hours are judged on the
 * local wall clock, and the end of a quiet period is the first instant whose local time is outside it:
 * in a repeated (fall-back) hour that may be the second pass of `end` (02:15 CET in Berlin's repeated
 * hour, quiet until 02:30, goes out 15 minutes later), or the jump back itself when it lands before
 * `start`; in a skipped (spring-forward) hour it is the transition. Calendar boundaries (local
 * midnights) inside a gap move to the first valid instant, and an ambiguous one takes the earlier
 * instant, so a local day starts at the first instant whose local date is that day.
 *
 * The search for an instant jumps from boundary to boundary (the end of a quiet window, a gap or a
 * full cap window); it stops after 10,000 jumps and then reports the last blocking rule, which no
 * realistic horizon reaches.
 *
 * Edge cases: no candidates → three empty lists; history of customers without candidates is used
 * only for daily capacity. Each list is in rank order. Runs in O(n log n) for the ranking plus, per
 * candidate, O(k log k) per rule over the k contacts of its customer near the tried instant.
 *
 * @param args - Customers, history, candidates, policy, `asOf` and `horizon` (see {@link PlanContactsArgs}).
 * @returns `{ scheduled, deferred, suppressed }` (see {@link ContactPlan}).
 * @throws {@link RelmarkError} `invalid_input` for bad rows (every issue with its path, e.g.
 *   `['candidates', 12, 'channel']`) or a candidate naming an unknown customer (`unknown_customer`);
 *   `duplicate_id` when ids repeat; `future_date` for history or consents after `asOf`;
 *   `invalid_options` for a bad policy, `asOf` or `horizon` (e.g. an unknown `fallbackTimeZone`).
 *
 * @example
 * ```ts
 * import { planContacts } from 'relmark/contact';
 * const plan = planContacts({
 *   customers: [{ id: 'ada', timeZone: 'Europe/London', consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' }] }],
 *   history: [{ id: 'h1', customerId: 'ada', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-05-06T09:00:00Z' }],
 *   candidates: [
 *     { id: 'spring-sale', customerId: 'ada', channel: 'email', priority: 2, earliest: '2024-05-06T12:00:00Z' },
 *     { id: 'newsletter', customerId: 'ada', channel: 'email', priority: 1, earliest: '2024-05-06T12:00:00Z', latest: '2024-05-07T12:00:00Z' },
 *     { id: 'sms-promo', customerId: 'ada', channel: 'sms', earliest: '2024-05-06T12:00:00Z' },
 *   ],
 *   policy: {
 *     fallbackTimeZone: 'UTC',
 *     caps: [{ id: 'two-a-week', scope: { kind: 'all' }, max: 2, window: { kind: 'rolling', length: '7d' } }],
 *     minGaps: [{ channel: 'email', gap: '16h' }],
 *     quietHours: [{ start: '21:00', end: '08:00' }],
 *   },
 *   asOf: '2024-05-06T10:00:00Z',
 *   horizon: '3d',
 * });
 * plan.scheduled.map((s) => [s.candidateId, s.at.toISOString()]);
 * //=> [['spring-sale', '2024-05-07T07:00:00.000Z']]
 * plan.suppressed.map((s) => [s.candidateId, s.reason, s.rule]);
 * //=> [['newsletter', 'lower_priority', 'two-a-week'], ['sms-promo', 'no_consent', 'consent:sms/marketing']]
 * ```
 * @category Contact
 * @see {@link planContactsUnchecked} for validated input.
 */
export function planContacts(args: PlanContactsArgs): ContactPlan {
  const horizonResult = ContactDurationSchema.safeParse(args?.horizon);
  const extra: RelmarkIssue[] = horizonResult.success ? [] : issuesFromZod(horizonResult.error, ['horizon']);
  const parsed = parseContactArgs(
    'planContacts',
    { customers: args?.customers ?? [], history: args?.history ?? [], candidates: args?.candidates ?? [], policy: args?.policy, asOf: args?.asOf },
    extra,
  );
  return planContactsUnchecked({ ...parsed, horizon: horizonResult.data ?? 0 });
}

interface Contact {
  readonly ms: number;
  readonly channel: Channel;
  /** The candidate id for planned contacts, undefined for history. */
  readonly plannedId: string | undefined;
  /** Whether it counts toward minimum gaps and cadence. */
  readonly counted: boolean;
  /** Bit i set when it counts toward the customer's cap i (computed once, not per check). */
  readonly capMask: number;
}

interface CustomerState {
  readonly customer: Customer;
  readonly rules: CustomerRules;
  readonly contacts: Contact[];
  readonly policy: ContactPolicy;
  readonly asOf: number;
  /** Whether consent allows a (channel, purpose) pair, by the pair's number in the plan; filled on first use. */
  readonly consent: (boolean | undefined)[];
  /** The customer's number: customers are numbered by first appearance among the candidates. */
  readonly number: number;
  /** How many of `contacts` come from history (they come first). */
  historyCount: number;
}

const scheduledKind = 0;
const deferredKind = 1;
const suppressedKind = 2;

function contactOf(policy: ContactPolicy, state: CustomerState, ms: number, facts: ContactFacts, plannedId: string | undefined): Contact {
  let capMask = 0;
  const caps = state.rules.caps;
  for (let i = 0; i < caps.length; i++) if (capCounts(policy, (caps[i] as NamedCap).rule, facts)) capMask |= 1 << i;
  return { ms, channel: facts.channel, plannedId, counted: countsTowardLimits(policy, facts.purpose), capMask };
}

interface CapacityDay {
  history: number;
  planned: number;
  firstPlanned: string | undefined;
}

/** Stops a pathological search; real plans need a handful of steps per candidate. */
const maxSteps = 10_000;

/**
 * {@link planContacts} without validation, for arguments that already passed the schemas
 * (`parseBatch(ContactCandidateSchema, …)`, `ContactPolicySchema.parse`, …).
 *
 * @remarks Preconditions: unique candidate ids; every candidate's customer is in `customers`; history
 * at or before `asOf`; `horizon` ≥ 0 ms. If they are violated the result is unspecified, but the call
 * never mutates its input. Same rules, order and complexity as {@link planContacts}.
 * @param args - Validated arguments (see {@link PlanContactsUncheckedArgs}).
 * @returns The plan.
 * @example
 * ```ts
 * import { planContactsUnchecked, ContactPolicySchema } from 'relmark/contact';
 * const plan = planContactsUnchecked({
 *   customers: [{ id: 'c1' }],
 *   history: [],
 *   candidates: [{ id: 'x', customerId: 'c1', channel: 'push', purpose: 'service', priority: 0, expectedValue: 0 }],
 *   policy: ContactPolicySchema.parse({ fallbackTimeZone: 'UTC' }),
 *   asOf: new Date('2024-05-06T10:00:00Z'),
 *   horizon: 86_400_000,
 * });
 * plan.scheduled.map((s) => s.at.toISOString());
 * //=> ['2024-05-06T10:00:00.000Z']
 * ```
 * @category Contact
 */
export function planContactsUnchecked(args: PlanContactsUncheckedArgs): ContactPlan {
  const { policy } = args;
  const asOf = args.asOf.getTime();
  const horizonEnd = asOf + args.horizon;
  const plan: ContactPlan = { scheduled: [], deferred: [], suppressed: [] };

  const customersById = new Map(args.customers.map((customer) => [customer.id, customer]));
  const overrideIndex = overrideIndexOf(policy);
  const states = new Map<string, CustomerState>();
  // Each candidate's state, resolved once in input order (not looked up again in rank order), and
  // its number (customers numbered by first appearance among the candidates).
  const stateNumber = new Int32Array(args.candidates.length);
  // Customers without an override share their zone's rules (one object per zone, not per customer).
  const sharedRules = new Map<string, CustomerRules>();
  const rulesOf = (customer: Customer): CustomerRules => {
    if (overrideIndex.has(customer.id)) return customerRules(policy, customer, overrideIndex);
    const zone = customer.timeZone ?? policy.fallbackTimeZone;
    let rules = sharedRules.get(zone);
    if (rules === undefined) {
      rules = customerRules(policy, customer, overrideIndex);
      sharedRules.set(zone, rules);
    }
    return rules;
  };
  const stateList: CustomerState[] = [];
  args.candidates.forEach((candidate, i) => {
    let state = states.get(candidate.customerId);
    if (state === undefined) {
      const customer = customersById.get(candidate.customerId) ?? { id: candidate.customerId };
      state = { customer, rules: rulesOf(customer), contacts: [], policy, asOf, consent: [], number: states.size, historyCount: 0 };
      states.set(candidate.customerId, state);
      stateList.push(state);
    }
    stateNumber[i] = state.number;
  });

  const capacityZone = policy.capacityTimeZone ?? policy.fallbackTimeZone;
  const capacityRules = new Map(policy.capacity.map((rule, i) => [rule.channel, { perDay: rule.perDay, name: `capacity[${i}]` }]));
  const capacityDays = new Map<Channel, Map<number, CapacityDay>>();
  const capacityDay = (channel: Channel, ms: number): CapacityDay => {
    let days = capacityDays.get(channel);
    if (days === undefined) {
      days = new Map();
      capacityDays.set(channel, days);
    }
    const key = localDayNumber(capacityZone, ms);
    let day = days.get(key);
    if (day === undefined) {
      day = { history: 0, planned: 0, firstPlanned: undefined };
      days.set(key, day);
    }
    return day;
  };

  const firstCapacityDay = localDayNumber(capacityZone, asOf);
  for (const entry of args.history) {
    if (entry.direction !== 'outbound') continue;
    const ms = entry.at.getTime();
    if (capacityRules.has(entry.channel) && localDayNumber(capacityZone, ms) >= firstCapacityDay) capacityDay(entry.channel, ms).history++;
    const state = states.get(entry.customerId);
    if (state !== undefined) state.contacts.push(contactOf(policy, state, ms, entry, undefined));
  }
  for (const state of states.values()) state.historyCount = state.contacts.length;

  const minGaps = new Map(policy.minGaps.map((rule, i) => [rule.channel, { gap: rule.gap, name: `minGaps[${i}]` }]));
  const quietFor = (channel: Channel): { rule: QuietHoursRule; name: string }[] =>
    policy.quietHours.flatMap((rule, i) => (rule.channels === undefined || rule.channels.includes(channel) ? [{ rule, name: `quietHours[${i}]` }] : []));
  const quietByChannel = new Map<Channel, { rule: QuietHoursRule; name: string }[]>();

  // Calendar windows per zone, unit and local day, computed once per plan (not kept across calls).
  const windows = new Map<string, Map<number, readonly [number, number]>>();
  const units = ['day', 'week', 'month'] as const;
  const windowAt = (zone: string, unit: (typeof units)[number], t: number): readonly [number, number] => {
    let byDay = windows.get(zone);
    if (byDay === undefined) {
      byDay = new Map();
      windows.set(zone, byDay);
    }
    const key = localDayNumber(zone, t) * 3 + units.indexOf(unit);
    let window = byDay.get(key);
    if (window === undefined) {
      window = calendarWindow(zone, unit, policy.weekStartsOn, t);
      byDay.set(key, window);
    }
    return window;
  };

  // One search record for the whole plan: each candidate's settings are written into it, and the
  // worst block at the tried instant is kept in its fields, so the search allocates nothing per step.
  const search: Search = {
    contacts: [],
    zone: policy.fallbackTimeZone,
    caps: [],
    limitMask: 0,
    pause: undefined,
    quiet: [],
    gap: undefined,
    cadence: undefined,
    channel: 'email',
    capacity: undefined,
    capacityZone,
    capacityDay,
    windowAt,
    found: false,
    reason: 'cap',
    rule: '',
    next: 0,
    rivalId: undefined,
    nearMs: [],
    nearPlanned: [],
    capacityBlocked: false,
  };

  const consentPairs = new Map<Channel, Map<Purpose, number>>();
  const n = args.candidates.length;
  const order = rankCandidates(policy, args.candidates);
  // Each candidate's outcome, by input index, gathered into the three lists in rank order at the end.
  const kinds = new Uint8Array(n);
  const outcomes: (ScheduledContact | DeferredContact | SuppressedContact | undefined)[] = new Array<undefined>(n);
  const settle = (index: number, kind: number, outcome: ScheduledContact | DeferredContact | SuppressedContact): void => {
    kinds[index] = kind;
    outcomes[index] = outcome;
  };
  const decide = (index: number): void => {

    const candidate = args.candidates[index] as ContactCandidate;
    const state = stateList[stateNumber[index] as number] as CustomerState;
    const { id: candidateId, customerId, channel, purpose } = candidate;
    const latest = candidate.latest?.getTime() ?? Number.POSITIVE_INFINITY;
    if (latest < asOf) {
      settle(index, suppressedKind, { candidateId, customerId, channel, purpose, reason: 'expired', rule: 'latest' });
      return;
    }
    if (!consentOf(state, consentPairs, channel, purpose)) {
      settle(index, suppressedKind, { candidateId, customerId, channel, purpose, reason: 'no_consent', rule: `consent:${channel}/${purpose}` });
      return;
    }
    const requested = Math.max(candidate.earliest?.getTime() ?? asOf, asOf);
    if (requested > horizonEnd) {
      settle(index, deferredKind, { candidateId, customerId, channel, purpose, reason: 'after_horizon', rule: 'horizon', notBefore: new Date(requested) });
      return;
    }
    let quiet = quietByChannel.get(channel);
    if (quiet === undefined) {
      quiet = quietFor(channel);
      quietByChannel.set(channel, quiet);
    }
    // Quiet-hours actions judge the REQUESTED instant only: `drop` drops a contact requested inside
    // quiet hours, `maxDeferral` bounds how far such a contact may move. A contact moved into quiet
    // hours by another rule moves on to their end. This keeps the allowed instants independent of the
    // search path, so the planner always finds the earliest one.
    let latestAllowed = latest;
    let dropped: string | undefined;
    for (const { rule, name } of quiet) {
      if (!isQuiet(rule, state.rules.zone, requested)) continue;
      if (rule.action === 'drop') dropped ??= name;
      else if (rule.maxDeferral !== undefined) latestAllowed = Math.min(latestAllowed, requested + rule.maxDeferral);
    }
    if (dropped !== undefined) {
      settle(index, suppressedKind, { candidateId, customerId, channel, purpose, reason: 'quiet_hours', rule: dropped });
      return;
    }
    const limit = Math.min(latestAllowed, horizonEnd);
    const exempt = isExempt(policy, purpose);
    const { rules, contacts } = state;
    let limitMask = 0;
    for (let i = 0; i < rules.caps.length; i++) if (capLimits(policy, (rules.caps[i] as NamedCap).rule, candidate)) limitMask |= 1 << i;
    search.contacts = contacts;
    search.zone = rules.zone;
    search.caps = rules.caps;
    search.limitMask = limitMask;
    search.pause = exempt ? undefined : rules.pause;
    search.quiet = quiet;
    search.gap = exempt ? undefined : minGaps.get(channel);
    search.cadence = exempt ? undefined : rules.cadence;
    search.channel = channel;
    search.capacity = capacityRules.get(channel);

    let t = requested;
    let moved = false;
    let movedReason: ContactReason = 'cap';
    let movedRule = '';
    let movedRival: string | undefined;
    let blocked = false;
    for (let step = 0; step < maxSteps; step++) {
      findBlock(search, t);
      if (!search.found) break;
      if (search.next > limit || step === maxSteps - 1) {
        blocked = true;
        break;
      }
      moved = true;
      movedReason = search.reason;
      movedRule = search.rule;
      movedRival = search.rivalId;
      t = search.next;
    }

    if (!blocked) {
      state.contacts.push(contactOf(policy, state, t, candidate, candidateId));
      if (search.capacity !== undefined) {
        const day = capacityDay(channel, t);
        day.planned++;
        day.firstPlanned ??= candidateId;
      }
      settle(index, scheduledKind, 
        !moved
          ? { candidateId, customerId, channel, purpose, at: new Date(t), requestedAt: new Date(requested) }
          : { candidateId, customerId, channel, purpose, at: new Date(t), requestedAt: new Date(requested), movedBy: decisionOf(movedReason, movedRule, movedRival) },
      );
      return;
    }
    const reason: ContactReason = search.rivalId === undefined ? search.reason : 'lower_priority';
    const rule = search.rule;
    const rivalId = search.rivalId;
    if (search.next !== Number.POSITIVE_INFINITY && latestAllowed > horizonEnd) {
      const notBefore = new Date(search.next);
      settle(index, deferredKind, 
        rivalId === undefined
          ? { candidateId, customerId, channel, purpose, reason, rule, notBefore }
          : { candidateId, customerId, channel, purpose, reason, rule, rivalId, notBefore },
      );
    } else {
      settle(index, suppressedKind, 
        rivalId === undefined ? { candidateId, customerId, channel, purpose, reason, rule } : { candidateId, customerId, channel, purpose, reason, rule, rivalId },
      );
    }
  };

  // First customer by customer; with capacity rules, that order is only kept when no capacity check
  // could have blocked in rank order (see customerOrderHolds), else the plan is made again in
  // dependency order.
  const schedule = candidateSchedule(order, stateNumber, states.size);
  schedule.byCustomer(decide, () => search.capacityBlocked);
  if (capacityRules.size > 0 && !customerOrderHolds(search.capacityBlocked, capacityRules, capacityDays)) {
    for (const state of states.values()) state.contacts.length = state.historyCount;
    for (const days of capacityDays.values()) {
      for (const day of days.values()) {
        day.planned = 0;
        day.firstPlanned = undefined;
      }
    }
    search.capacityBlocked = false;
    const usesCapacity = new Uint8Array(n);
    args.candidates.forEach((candidate, i) => (usesCapacity[i] = capacityRules.has(candidate.channel) ? 1 : 0));
    schedule.inDependencyOrder(decide, (index) => usesCapacity[index] === 1);
  }
  for (let r = 0; r < n; r++) {
    const index = order[r] as number;
    const outcome = outcomes[index];
    if (kinds[index] === scheduledKind) plan.scheduled.push(outcome as ScheduledContact);
    else if (kinds[index] === deferredKind) plan.deferred.push(outcome as DeferredContact);
    else plan.suppressed.push(outcome as SuppressedContact);
  }
  return plan;
}

/**
 * The orders in which the planner decides candidates. Deciding in rank order gives the plan by
 * definition, but a plan of a million candidates then jumps between customers at every step and
 * spends most of its time waiting for memory. The orders here give the same decisions while
 * visiting one customer's candidates together.
 *
 * A candidate's decision depends only on (a) the contacts of its own customer: history and those
 * planned for the customer's higher-ranked candidates, and (b) for a channel with a daily capacity,
 * the capacity used by higher-ranked candidates on that channel, of any customer. So any order that
 * keeps each customer's candidates in rank order, and the capacity candidates in rank order among
 * themselves, is equivalent to rank order (`inDependencyOrder`). Without capacity rules, customer
 * by customer is such an order (`byCustomer`).
 */
interface CandidateSchedule {
  /** Customer by customer (in order of first appearance), each customer's candidates in rank order; stops once `stop()` is true. */
  byCustomer(decide: (index: number) => void, stop: () => boolean): void;
  /**
   * The capacity candidates first, in rank order, each preceded by its customer's candidates ranked
   * above it that were not decided yet; then each customer's remaining candidates.
   */
  inDependencyOrder(decide: (index: number) => void, usesCapacity: (index: number) => boolean): void;
}

function candidateSchedule(order: Int32Array, stateNumber: Int32Array, customers: number): CandidateSchedule {
  const n = order.length;
  // Offsets of each customer's candidates in `ranked`, and the candidate indices customer by
  // customer, each customer's in rank order (a counting sort).
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) (start[(stateNumber[i] as number) + 1] as number)++;
  for (let c = 0; c < customers; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, customers);
  const ranked = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const index = order[r] as number;
    const c = stateNumber[index] as number;
    ranked[fill[c] as number] = index;
    fill[c] = (fill[c] as number) + 1;
  }
  return {
    byCustomer(decide, stop) {
      for (let c = 0; c < customers; c++) {
        for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
          decide(ranked[k] as number);
          if (stop()) return;
        }
      }
    },
    inDependencyOrder(decide, usesCapacity) {
      // How many of each customer's candidates are decided (a prefix of its ranked list).
      const done = start.slice(0, customers);
      const decideUpTo = (c: number, index: number | undefined): void => {
        const end = start[c + 1] as number;
        let k = done[c] as number;
        while (k < end) {
          const next = ranked[k] as number;
          decide(next);
          k++;
          if (next === index) break;
        }
        done[c] = k;
      };
      for (let r = 0; r < n; r++) {
        const index = order[r] as number;
        if (usesCapacity(index)) decideUpTo(stateNumber[index] as number, index);
      }
      for (let c = 0; c < customers; c++) decideUpTo(c, undefined);
    },
  };
}

/**
 * Whether a plan made customer by customer equals the rank-order plan under capacity rules. It does
 * when no capacity check blocked and every capacity day ends with history + planned < perDay: then
 * in rank order each check sees at most the final count of its day, below the limit, so capacity
 * never blocks there either, and every decision is the one made without capacity, as here.
 */
function customerOrderHolds(
  blocked: boolean,
  capacityRules: ReadonlyMap<Channel, { readonly perDay: number }>,
  capacityDays: ReadonlyMap<Channel, ReadonlyMap<number, CapacityDay>>,
): boolean {
  if (blocked) return false;
  for (const [channel, days] of capacityDays) {
    const perDay = capacityRules.get(channel)?.perDay ?? 0;
    for (const day of days.values()) if (day.history + day.planned >= perDay) return false;
  }
  return true;
}

/**
 * Whether the policy allows the channel and purpose for this customer at `asOf`, computed once per
 * customer and (channel, purpose) pair: a customer's candidates repeat the same few pairs. Pairs are
 * numbered per plan, so the per-customer memo is a short array.
 */
function consentOf(state: CustomerState, pairs: Map<Channel, Map<Purpose, number>>, channel: Channel, purpose: Purpose): boolean {
  let byPurpose = pairs.get(channel);
  if (byPurpose === undefined) {
    byPurpose = new Map();
    pairs.set(channel, byPurpose);
  }
  let pair = byPurpose.get(purpose);
  if (pair === undefined) {
    pair = pairCount(pairs);
    byPurpose.set(purpose, pair);
  }
  let allowed = state.consent[pair];
  if (allowed === undefined) {
    allowed = hasConsent(state.policy, state.customer, channel, purpose, state.asOf);
    state.consent[pair] = allowed;
  }
  return allowed;
}

function pairCount(pairs: Map<Channel, Map<Purpose, number>>): number {
  let n = 0;
  for (const byPurpose of pairs.values()) n += byPurpose.size;
  return n;
}

type NamedQuiet = { readonly rule: QuietHoursRule; readonly name: string };

/** The planner's search state: one candidate's rules, and the worst block at the tried instant. */
interface Search {
  contacts: readonly Contact[];
  zone: string;
  caps: readonly NamedCap[];
  /** Bit i set when the customer's cap i limits the candidate. */
  limitMask: number;
  pause: CustomerRules['pause'];
  quiet: readonly NamedQuiet[];
  gap: { readonly gap: number; readonly name: string } | undefined;
  cadence: { readonly gap: number; readonly name: string } | undefined;
  channel: Channel;
  capacity: { readonly perDay: number; readonly name: string } | undefined;
  readonly capacityZone: string;
  readonly capacityDay: (channel: Channel, ms: number) => CapacityDay;
  readonly windowAt: (zone: string, unit: 'day' | 'week' | 'month', t: number) => readonly [number, number];
  /** Whether a rule blocks the tried instant; the fields below describe the worst one. */
  found: boolean;
  reason: ContactReason;
  rule: string;
  /** The earliest instant the worst rule could allow; +Infinity when it never will. */
  next: number;
  rivalId: string | undefined;
  /** Scratch for rollingCapBlock: the near contacts' instants and planned ids (reused, grown as needed). */
  readonly nearMs: number[];
  readonly nearPlanned: (string | undefined)[];
  /** Set when a daily-capacity check has blocked an instant (see customerOrderHolds). */
  capacityBlocked: boolean;
}

/**
 * Keeps the worse of the current block and a new one: the one whose earliest allowed instant is
 * later (the first on ties).
 */
function consider(s: Search, reason: ContactReason, rule: string, next: number, rivalId: string | undefined): void {
  if (s.found && !(next > s.next)) return;
  s.found = true;
  s.reason = reason;
  s.rule = rule;
  s.next = next;
  s.rivalId = rivalId;
}

/** Finds the worst rule that blocks instant `t` for the candidate described in `s` (none: `s.found` false). */
function findBlock(s: Search, t: number): void {
  s.found = false;
  const { pause, gap, cadence, capacity } = s;
  if (pause !== undefined && t >= pause.from && t < pause.to) consider(s, 'paused', pause.name, pause.to, undefined);
  for (const { rule, name } of s.quiet) {
    if (isQuiet(rule, s.zone, t)) consider(s, 'quiet_hours', name, quietEnd(rule, s.zone, t), undefined);
  }
  if (gap !== undefined) gapBlock(s, t, gap.gap, gap.name, s.channel);
  if (cadence !== undefined) gapBlock(s, t, cadence.gap, cadence.name, undefined);
  for (let i = 0; i < s.caps.length; i++) {
    const bit = 1 << i;
    if ((s.limitMask & bit) === 0) continue;
    const { rule, name } = s.caps[i] as NamedCap;
    if (rule.max === 0) consider(s, 'cap', name, Number.POSITIVE_INFINITY, undefined);
    else if (rule.window.kind === 'rolling') rollingCapBlock(s, bit, t, rule.window.length, rule.max, name);
    else calendarCapBlock(s, bit, s.windowAt(s.zone, rule.window.unit, t), rule.max, name);
  }
  if (capacity !== undefined) {
    const day = s.capacityDay(s.channel, t);
    if (day.history + day.planned >= capacity.perDay) {
      s.capacityBlocked = true;
      const next = capacity.perDay === 0 ? Number.POSITIVE_INFINITY : startOfLocalDay(s.capacityZone, localDayNumber(s.capacityZone, t) + 1);
      consider(s, 'capacity', capacity.name, next, day.history < capacity.perDay ? day.firstPlanned : undefined);
    }
  }
}

/** Whether `ms` lies inside the rule's quiet hours, read on the customer's wall clock. */
function isQuiet(rule: QuietHoursRule, zone: string, ms: number): boolean {
  const minute = localMinuteOfDay(zone, ms);
  return rule.start < rule.end ? minute >= rule.start && minute < rule.end : minute >= rule.start || minute < rule.end;
}

/**
 * The end of the quiet period that holds at `t`: the first instant after `t` whose local time is outside
 * the rule's window. The wall clock leaves the window either by reaching `end` (in either pass of a
 * repeated hour; at the transition when `end` is skipped) or by a DST jump that lands outside it (the
 * clock falling back from 02:45 to 02:00 leaves quiet hours 02:30–03:30); the earlier of the two wins.
 */
function quietEnd(rule: QuietHoursRule, zone: string, t: number): number {
  const reachesEnd = nextLocalTime(zone, t + 1, rule.end);
  for (const change of offsetChangesBetween(zone, t, reachesEnd)) if (!isQuiet(rule, zone, change)) return change;
  return reachesEnd;
}

function decisionOf(reason: ContactReason, rule: string, rivalId: string | undefined): ContactDecision {
  return rivalId === undefined ? { reason, rule } : { reason: 'lower_priority', rule, rivalId };
}

/**
 * The indices of the candidates in rank order: exempt purposes first (caps and gaps never block them, so they must be
 * in place before the contacts they count against), then priority desc, expected value desc,
 * earliest asc, id in code-unit order.
 *
 * A million-candidate comparator sort is slow, so the usual case avoids it: exemption, priority and
 * value (few distinct values) become a bucket number, candidates are counted into buckets, and each
 * bucket is sorted as exact float64 numbers `earliestRank·n + index` (earliest in whole ms from the
 * smallest, below 2^53) with the engine's numeric sort; only runs with equal earliest are sorted by
 * id. With too many distinct values or too wide a time range, the comparator sort is used. Both give
 * the same order.
 */
function rankCandidates(policy: ContactPolicy, candidates: readonly ContactCandidate[]): Int32Array {
  const n = candidates.length;
  const exempt = new Float64Array(n);
  const priority = new Float64Array(n);
  const value = new Float64Array(n);
  const earliest = new Float64Array(n);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  candidates.forEach((c, i) => {
    exempt[i] = isExempt(policy, c.purpose) ? 0 : 1; // exempt first
    priority[i] = -c.priority; // descending
    value[i] = -c.expectedValue; // descending
    const t = c.earliest?.getTime() ?? Number.NEGATIVE_INFINITY;
    earliest[i] = t;
    if (t !== Number.NEGATIVE_INFINITY) {
      if (t < first) first = t;
      if (t > last) last = t;
    }
  });
  const order = new Int32Array(n);
  const ranks = [exempt, priority, value].map((values) => fewRanks(values, 4096));
  // Earliest as whole ms after the smallest, 0 for "no earliest"; rank·n + index must stay exact.
  const span = first === Number.POSITIVE_INFINITY ? 1 : last - first + 2;
  const buckets = ranks.reduce((product, r) => product * (r?.distinct ?? Number.POSITIVE_INFINITY), 1);
  if (n > 0 && buckets <= 1 << 22 && span * n < Number.MAX_SAFE_INTEGER) {
    const bucketOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let key = 0;
      for (const r of ranks) key = key * (r as FewRanks).distinct + ((r as FewRanks).ranks[i] as number);
      bucketOf[i] = key;
    }
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) (start[(bucketOf[i] as number) + 1] as number)++;
    for (let k = 0; k < buckets; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const fill = start.slice(0, buckets);
    for (let i = 0; i < n; i++) {
      const k = bucketOf[i] as number;
      order[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) {
      const from = start[k] as number;
      const to = start[k + 1] as number;
      if (to - from < 2) continue;
      const keys = new Float64Array(to - from);
      for (let r = from; r < to; r++) {
        const i = order[r] as number;
        const t = earliest[i] as number;
        keys[r - from] = (t === Number.NEGATIVE_INFINITY ? 0 : t - first + 1) * n + i;
      }
      keys.sort();
      for (let r = from; r < to; r++) order[r] = (keys[r - from] as number) % n;
      // Runs with equal earliest go in id order. key − index = rank·n exactly (integers below 2^53).
      for (let r = from; r < to; ) {
        const key = (keys[r - from] as number) - (order[r] as number);
        let end = r + 1;
        while (end < to && (keys[end - from] as number) - (order[end] as number) === key) end++;
        if (end - r > 1) {
          const run = Array.from(order.subarray(r, end)).sort((i, j) => compareIds((candidates[i] as ContactCandidate).id, (candidates[j] as ContactCandidate).id));
          order.set(run, r);
        }
        r = end;
      }
    }
    return order;
  }
  const indices = Array.from({ length: n }, (_, i) => i);
  indices.sort(
    (i, j) =>
      (exempt[i] as number) - (exempt[j] as number) ||
      (priority[i] as number) - (priority[j] as number) ||
      (value[i] as number) - (value[j] as number) ||
      (earliest[i] as number) - (earliest[j] as number) ||
      compareIds((candidates[i] as ContactCandidate).id, (candidates[j] as ContactCandidate).id),
  );
  order.set(indices);
  return order;
}

interface FewRanks {
  readonly ranks: Int32Array;
  readonly distinct: number;
}

/**
 * Each value's position among the distinct values (ascending; -0 and 0 are one value, as for the
 * comparator), or undefined when there are more than `limit` distinct values.
 */
function fewRanks(values: Float64Array, limit: number): FewRanks | undefined {
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as number) + 0; // -0 → 0
    if (!seen.has(v)) {
      if (seen.size === limit) return undefined;
      seen.set(v, 0);
    }
  }
  const distinct = [...seen.keys()].sort((a, b) => a - b);
  distinct.forEach((v, rank) => seen.set(v, rank));
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = seen.get((values[i] as number) + 0) as number;
  return { ranks, distinct: Math.max(distinct.length, 1) };
}

/**
 * A minimum-gap conflict at `t`: any counted contact (on `channel`, or on any channel when it is
 * undefined) closer than `gap`, before or after.
 */
function gapBlock(s: Search, t: number, gap: number, name: string, channel: Channel | undefined): void {
  let next = Number.NEGATIVE_INFINITY;
  let fromHistory = false;
  let rivalId: string | undefined;
  const contacts = s.contacts;
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i] as Contact;
    if (Math.abs(c.ms - t) >= gap || !c.counted || (channel !== undefined && c.channel !== channel)) continue;
    if (c.plannedId === undefined) fromHistory = true;
    if (c.ms + gap > next) {
      next = c.ms + gap;
      rivalId = c.plannedId;
    }
  }
  if (next !== Number.NEGATIVE_INFINITY) consider(s, 'min_gap', name, next, fromHistory ? undefined : rivalId);
}

/**
 * A rolling-cap conflict at `t`: some span `[s, s + length)` containing `t` already holds `max`
 * counted contacts. The fullest spans containing `t` start at a contact in `(t − length, t]` or at
 * `t`, so only those starts are checked; the earliest allowed instant is past the last full span.
 * Only contacts "near" `t` (in `(t − length, t + length)`) can share a span with it; they are copied
 * into the search's reusable scratch arrays, in contact order.
 */
function rollingCapBlock(s: Search, bit: number, t: number, length: number, max: number, name: string): void {
  const { contacts, nearMs, nearPlanned } = s;
  let near = 0;
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i] as Contact;
    if ((c.capMask & bit) === 0 || c.ms <= t - length || c.ms >= t + length) continue;
    nearMs[near] = c.ms;
    nearPlanned[near] = c.plannedId;
    near++;
  }
  // Fewer contacts in reach than the cap allows: no span can be full.
  if (near < max) return;
  let next = Number.NEGATIVE_INFINITY;
  let fromHistory = false;
  let rivalId: string | undefined;
  for (let k = -1; k < near; k++) {
    const start = k < 0 ? t : (nearMs[k] as number);
    if (start > t) continue;
    let total = 0;
    let history = 0;
    let planned: string | undefined;
    for (let i = 0; i < near; i++) {
      const ms = nearMs[i] as number;
      if (ms < start || ms >= start + length) continue;
      total++;
      const plannedId = nearPlanned[i];
      if (plannedId === undefined) history++;
      else planned ??= plannedId;
    }
    if (total < max) continue;
    if (history >= max) fromHistory = true;
    if (start + length > next) {
      next = start + length;
      rivalId = planned;
    }
  }
  if (next !== Number.NEGATIVE_INFINITY) consider(s, 'cap', name, next, fromHistory ? undefined : rivalId);
}

/** A calendar-cap conflict: the local period `[start, end)` containing the instant is full. */
function calendarCapBlock(s: Search, bit: number, [start, end]: readonly [number, number], max: number, name: string): void {
  let total = 0;
  let history = 0;
  let planned: string | undefined;
  const contacts = s.contacts;
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i] as Contact;
    if ((c.capMask & bit) === 0 || c.ms < start || c.ms >= end) continue;
    total++;
    if (c.plannedId === undefined) history++;
    else planned ??= c.plannedId;
  }
  if (total >= max) consider(s, 'cap', name, end, history >= max ? undefined : planned);
}
