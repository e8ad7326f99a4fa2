import type { Channel, Purpose } from '../models/channel.js';
import type { Customer, CustomerInput } from '../models/customer.js';
import type { InstantInput } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { issuesFromZod } from '../errors/fromZodError.js';
import type { RelmarkIssue } from '../errors/RelmarkError.js';
import type { ContactCandidate, ContactCandidateInput, ContactHistoryEntry, ContactHistoryEntryInput } from './contactCandidate.js';
import { ContactDurationSchema, type ContactDurationInput } from './contactDuration.js';
import type { ContactDecision, ContactPlan, ContactReason, PlannedCandidate } from './contactPlan.js';
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
  readonly purpose: Purpose;
  readonly tags: readonly string[] | undefined;
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
}

function contactOf(policy: ContactPolicy, state: CustomerState, ms: number, facts: ContactFacts, plannedId: string | undefined): Contact {
  let capMask = 0;
  const caps = state.rules.caps;
  for (let i = 0; i < caps.length; i++) if (capCounts(policy, (caps[i] as NamedCap).rule, facts)) capMask |= 1 << i;
  return { ms, channel: facts.channel, purpose: facts.purpose, tags: facts.tags, plannedId, counted: countsTowardLimits(policy, facts.purpose), capMask };
}

/** Worse of two blocks: the one whose earliest allowed instant is later (the first on ties). */
function worse(a: Block | undefined, b: Block | undefined): Block | undefined {
  return a === undefined || (b !== undefined && b.next > a.next) ? b : a;
}

interface Block {
  readonly reason: ContactReason;
  readonly rule: string;
  /** The earliest instant this rule could allow; +Infinity when it never will. */
  readonly next: number;
  readonly rivalId: string | undefined;
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
  // Each candidate's state, resolved once in input order (not looked up again in rank order).
  const stateOf = args.candidates.map((candidate) => {
    let state = states.get(candidate.customerId);
    if (state === undefined) {
      const customer = customersById.get(candidate.customerId) ?? { id: candidate.customerId };
      state = { customer, rules: customerRules(policy, customer, overrideIndex), contacts: [] };
      states.set(candidate.customerId, state);
    }
    return state;
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

  for (const index of rankCandidates(policy, args.candidates)) {
    const candidate = args.candidates[index] as ContactCandidate;
    const state = stateOf[index] as CustomerState;
    const base: PlannedCandidate = {
      candidateId: candidate.id,
      customerId: candidate.customerId,
      channel: candidate.channel,
      purpose: candidate.purpose,
    };
    const latest = candidate.latest?.getTime() ?? Number.POSITIVE_INFINITY;
    if (latest < asOf) {
      plan.suppressed.push({ ...base, reason: 'expired', rule: 'latest' });
      continue;
    }
    if (!hasConsent(policy, state.customer, candidate.channel, candidate.purpose, asOf)) {
      plan.suppressed.push({ ...base, reason: 'no_consent', rule: `consent:${candidate.channel}/${candidate.purpose}` });
      continue;
    }
    const requested = Math.max(candidate.earliest?.getTime() ?? asOf, asOf);
    if (requested > horizonEnd) {
      plan.deferred.push({ ...base, reason: 'after_horizon', rule: 'horizon', notBefore: new Date(requested) });
      continue;
    }
    let quiet = quietByChannel.get(candidate.channel);
    if (quiet === undefined) {
      quiet = quietFor(candidate.channel);
      quietByChannel.set(candidate.channel, quiet);
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
      plan.suppressed.push({ ...base, reason: 'quiet_hours', rule: dropped });
      continue;
    }
    const limit = Math.min(latestAllowed, horizonEnd);
    const exempt = isExempt(policy, candidate.purpose);

    const { rules, contacts } = state;
    const gap = exempt ? undefined : minGaps.get(candidate.channel);
    const cadence = exempt ? undefined : rules.cadence;
    const pause = exempt ? undefined : rules.pause;
    const capacity = capacityRules.get(candidate.channel);
    let limitMask = 0;
    for (let i = 0; i < rules.caps.length; i++) if (capLimits(policy, (rules.caps[i] as NamedCap).rule, candidate)) limitMask |= 1 << i;
    const blockAt = (t: number): Block | undefined => {
      let worst: Block | undefined;
      if (pause !== undefined && t >= pause.from && t < pause.to) {
        worst = worse(worst, { reason: 'paused', rule: pause.name, next: pause.to, rivalId: undefined });
      }
      for (const { rule, name } of quiet) {
        if (isQuiet(rule, rules.zone, t)) worst = worse(worst, { reason: 'quiet_hours', rule: name, next: quietEnd(rule, rules.zone, t), rivalId: undefined });
      }
      if (gap !== undefined) worst = worse(worst, gapBlock(contacts, t, gap.gap, gap.name, candidate.channel));
      if (cadence !== undefined) worst = worse(worst, gapBlock(contacts, t, cadence.gap, cadence.name, undefined));
      for (let i = 0; i < rules.caps.length; i++) {
        const bit = 1 << i;
        if ((limitMask & bit) === 0) continue;
        const { rule, name } = rules.caps[i] as NamedCap;
        const block =
          rule.max === 0
            ? { reason: 'cap' as const, rule: name, next: Number.POSITIVE_INFINITY, rivalId: undefined }
            : rule.window.kind === 'rolling'
              ? rollingCapBlock(contacts, bit, t, rule.window.length, rule.max, name)
              : calendarCapBlock(contacts, bit, windowAt(rules.zone, rule.window.unit, t), rule.max, name);
        worst = worse(worst, block);
      }
      if (capacity !== undefined) {
        const day = capacityDay(candidate.channel, t);
        if (day.history + day.planned >= capacity.perDay) {
          const next = capacity.perDay === 0 ? Number.POSITIVE_INFINITY : startOfLocalDay(capacityZone, localDayNumber(capacityZone, t) + 1);
          worst = worse(worst, { reason: 'capacity', rule: capacity.name, next, rivalId: day.history < capacity.perDay ? day.firstPlanned : undefined });
        }
      }
      return worst;
    };

    let t = requested;
    let movedBy: Block | undefined;
    let blocked: Block | undefined;
    for (let step = 0; step < maxSteps; step++) {
      const block = blockAt(t);
      if (block === undefined) break;
      if (block.next > limit || step === maxSteps - 1) {
        blocked = block;
        break;
      }
      movedBy = block;
      t = block.next;
    }

    if (blocked === undefined) {
      state.contacts.push(contactOf(policy, state, t, candidate, candidate.id));
      if (capacityRules.has(candidate.channel)) {
        const day = capacityDay(candidate.channel, t);
        day.planned++;
        day.firstPlanned ??= candidate.id;
      }
      plan.scheduled.push({
        ...base,
        at: new Date(t),
        requestedAt: new Date(requested),
        ...(movedBy === undefined ? {} : { movedBy: decisionOf(movedBy) }),
      });
      continue;
    }
    const decision = decisionOf(blocked);
    if (blocked.next !== Number.POSITIVE_INFINITY && latestAllowed > horizonEnd) {
      plan.deferred.push({ ...withDecision(base, decision), notBefore: new Date(blocked.next) });
    } else {
      plan.suppressed.push(withDecision(base, decision));
    }
  }
  return plan;
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

function withDecision(base: PlannedCandidate, decision: ContactDecision): PlannedCandidate & ContactDecision {
  const { candidateId, customerId, channel, purpose } = base;
  return decision.rivalId === undefined
    ? { candidateId, customerId, channel, purpose, reason: decision.reason, rule: decision.rule }
    : { candidateId, customerId, channel, purpose, reason: decision.reason, rule: decision.rule, rivalId: decision.rivalId };
}

function decisionOf(block: Block): ContactDecision {
  return block.rivalId === undefined ? { reason: block.reason, rule: block.rule } : { reason: 'lower_priority', rule: block.rule, rivalId: block.rivalId };
}

/**
 * The indices of the candidates in rank order: exempt purposes first (caps and gaps never block them, so they must be
 * in place before the contacts they count against), then priority desc, expected value desc,
 * earliest asc, id in code-unit order.
 */
function rankCandidates(policy: ContactPolicy, candidates: readonly ContactCandidate[]): number[] {
  // Sort keys are computed once (not in the comparator): this sort is a large share of a big plan.
  // Keys live in typed arrays, so comparisons do not chase candidate objects around the heap.
  const n = candidates.length;
  const exempt = new Uint8Array(n);
  const priority = new Float64Array(n);
  const value = new Float64Array(n);
  const earliest = new Float64Array(n);
  candidates.forEach((c, i) => {
    exempt[i] = isExempt(policy, c.purpose) ? 1 : 0;
    priority[i] = c.priority;
    value[i] = c.expectedValue;
    earliest[i] = c.earliest?.getTime() ?? Number.NEGATIVE_INFINITY;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (i, j) =>
      (exempt[j] as number) - (exempt[i] as number) ||
      (priority[j] as number) - (priority[i] as number) ||
      (value[j] as number) - (value[i] as number) ||
      (earliest[i] as number) - (earliest[j] as number) ||
      compareIds((candidates[i] as ContactCandidate).id, (candidates[j] as ContactCandidate).id),
  );
  return order;
}

/**
 * A minimum-gap conflict at `t`: any counted contact (on `channel`, or on any channel when it is
 * undefined) closer than `gap`, before or after.
 */
function gapBlock(contacts: readonly Contact[], t: number, gap: number, name: string, channel: Channel | undefined): Block | undefined {
  let next = Number.NEGATIVE_INFINITY;
  let fromHistory = false;
  let rivalId: string | undefined;
  for (const c of contacts) {
    if (Math.abs(c.ms - t) >= gap || !c.counted || (channel !== undefined && c.channel !== channel)) continue;
    if (c.plannedId === undefined) fromHistory = true;
    if (c.ms + gap > next) {
      next = c.ms + gap;
      rivalId = c.plannedId;
    }
  }
  if (next === Number.NEGATIVE_INFINITY) return undefined;
  return { reason: 'min_gap', rule: name, next, rivalId: fromHistory ? undefined : rivalId };
}

/**
 * A rolling-cap conflict at `t`: some span `[s, s + length)` containing `t` already holds `max`
 * counted contacts. The fullest spans containing `t` start at a contact in `(t − length, t]` or at
 * `t`, so only those starts are checked; the earliest allowed instant is past the last full span.
 */
function rollingCapBlock(contacts: readonly Contact[], bit: number, t: number, length: number, max: number, name: string): Block | undefined {
  const near = contacts.filter((c) => (c.capMask & bit) !== 0 && c.ms > t - length && c.ms < t + length);
  // Fewer contacts in reach than the cap allows: no span can be full.
  if (near.length < max) return undefined;
  let next = Number.NEGATIVE_INFINITY;
  let fromHistory = false;
  let rivalId: string | undefined;
  for (let k = -1; k < near.length; k++) {
    const s = k < 0 ? t : (near[k] as Contact).ms;
    if (s > t) continue;
    let total = 0;
    let history = 0;
    let planned: string | undefined;
    for (const c of near) {
      if (c.ms < s || c.ms >= s + length) continue;
      total++;
      if (c.plannedId === undefined) history++;
      else planned ??= c.plannedId;
    }
    if (total < max) continue;
    if (history >= max) fromHistory = true;
    if (s + length > next) {
      next = s + length;
      rivalId = planned;
    }
  }
  if (next === Number.NEGATIVE_INFINITY) return undefined;
  return { reason: 'cap', rule: name, next, rivalId: fromHistory ? undefined : rivalId };
}

/** A calendar-cap conflict: the local period `[start, end)` containing the instant is full. */
function calendarCapBlock(contacts: readonly Contact[], bit: number, [start, end]: readonly [number, number], max: number, name: string): Block | undefined {
  let total = 0;
  let history = 0;
  let planned: string | undefined;
  for (const c of contacts) {
    if ((c.capMask & bit) === 0 || c.ms < start || c.ms >= end) continue;
    total++;
    if (c.plannedId === undefined) history++;
    else planned ??= c.plannedId;
  }
  if (total < max) return undefined;
  return { reason: 'cap', rule: name, next: end, rivalId: history >= max ? undefined : planned };
}
