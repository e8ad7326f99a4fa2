import fc from 'fast-check';
import type { ContactCandidateInput, ContactHistoryEntryInput } from '../contact/contactCandidate.js';
import type { CapRuleInput, ContactPolicyInput } from '../contact/contactPolicy.js';
import type { CustomerInput } from '../models/customer.js';

/**
 * Zones with daylight saving, odd offsets and a midnight DST gap, so that local-time rules meet
 * their edge cases: Paris and New York (DST at 02:00), Santiago (gap at midnight), Lord Howe
 * (30-minute DST), Kathmandu (+05:45), UTC.
 * @example
 * ```ts
 * import { contactTimeZones } from 'relmark/testing';
 * contactTimeZones.includes('America/Santiago');
 * //=> true
 * ```
 * @category Arbitraries
 */
export const contactTimeZones = ['UTC', 'Europe/Paris', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu'] as const;

// Instants next to DST transitions in those zones (2024), so that plans straddle them.
const dstInstants = [
  Date.parse('2024-03-31T01:00:00Z'), // Europe: 02:00 → 03:00
  Date.parse('2024-10-27T01:00:00Z'), // Europe: 03:00 → 02:00
  Date.parse('2024-03-10T07:00:00Z'), // New York: 02:00 → 03:00
  Date.parse('2024-11-03T06:00:00Z'), // New York: 02:00 → 01:00
  Date.parse('2024-09-08T04:00:00Z'), // Santiago: 00:00 → 01:00
  Date.parse('2024-04-06T15:00:00Z'), // Lord Howe: 02:00 → 01:30
];

const channels = ['email', 'sms', 'phone'] as const;
const purposes = ['marketing', 'transactional', 'service', 'feedback'] as const;
const tags = ['promo', 'news'] as const;
const msPerHour = 3_600_000;

/** Constraints for {@link contactScenarioArbitrary}. @category Arbitraries */
export interface ContactScenarioConstraints {
  /** Most customers. @defaultValue 4 */
  readonly maxCustomers?: number;
  /** Most history entries. @defaultValue 14 */
  readonly maxHistory?: number;
  /** Most candidates. @defaultValue 14 */
  readonly maxCandidates?: number;
}

/** A generated planning problem: the arguments of `planContacts`. @category Arbitraries */
export interface ContactScenario {
  readonly customers: CustomerInput[];
  readonly history: ContactHistoryEntryInput[];
  readonly candidates: ContactCandidateInput[];
  readonly policy: ContactPolicyInput;
  readonly asOf: string;
  readonly horizon: string;
}

const clock = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 === 0 ? '00' : '30'}`);
const rollingLength = fc.constantFrom('6h', '1d', '3d', '7d');

/** Constraints for {@link contactPolicyArbitrary}. @category Arbitraries */
export interface ContactPolicyConstraints {
  /** Customer ids that overrides may name; none means no overrides. @defaultValue [] */
  readonly customerIds?: readonly string[];
  /** The instant that pauses fall around (from 2 days before to 4 days after). @defaultValue 2024-03-31T01:00:00Z */
  readonly around?: Date;
}

/**
 * Cap rules of every scope and window kind, with small maxima so that they bind.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { capRuleArbitrary } from 'relmark/testing';
 * import { CapRuleSchema } from 'relmark/contact';
 * fc.sample(capRuleArbitrary(), { numRuns: 20, seed: 1 }).every((r) => CapRuleSchema.safeParse(r).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function capRuleArbitrary(): fc.Arbitrary<CapRuleInput> {
  return fc.record({
    scope: fc.oneof(
      fc.constant({ kind: 'all' as const }),
      fc.record({ kind: fc.constant('channels' as const), channels: fc.subarray([...channels], { minLength: 1 }) }),
      fc.record({ kind: fc.constant('purposes' as const), purposes: fc.subarray([...purposes], { minLength: 1 }) }),
      fc.record({ kind: fc.constant('tags' as const), tags: fc.subarray([...tags], { minLength: 1 }) }),
    ),
    max: fc.integer({ min: 0, max: 3 }),
    window: fc.oneof(
      fc.record({ kind: fc.constant('rolling' as const), length: rollingLength }),
      fc.record({ kind: fc.constant('calendar' as const), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const) }),
    ),
  });
}

/**
 * Contact policies exercising every rule: caps, minimum gaps, quiet hours (wrapping midnight, over
 * DST hours), capacity, exemptions, consent requirements and customer overrides.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { contactPolicyArbitrary } from 'relmark/testing';
 * import { ContactPolicySchema } from 'relmark/contact';
 * fc.sample(contactPolicyArbitrary({ customerIds: ['c0'] }), { numRuns: 20, seed: 2 }).every((p) => ContactPolicySchema.safeParse(p).success);
 * //=> true
 * ```
 * @param constraints - Ids that overrides may name, and the instant pauses fall around.
 * @category Arbitraries
 */
export function contactPolicyArbitrary(constraints: ContactPolicyConstraints = {}): fc.Arbitrary<ContactPolicyInput> {
  const customerIds = constraints.customerIds ?? [];
  const around = constraints.around?.getTime() ?? Date.parse('2024-03-31T01:00:00Z');
  const override =
    customerIds.length === 0
      ? fc.constant(undefined)
      : fc.record(
          {
            customerId: fc.constantFrom(...customerIds),
            caps: fc.array(capRuleArbitrary(), { maxLength: 2 }),
            pause: fc
              .tuple(fc.integer({ min: -48, max: 96 }), fc.integer({ min: 1, max: 72 }))
              .map(([from, length]) => ({
                from: new Date(around + from * msPerHour).toISOString(),
                to: new Date(around + (from + length) * msPerHour).toISOString(),
              })),
            cadence: fc.constantFrom('12h', '2d'),
          },
          { requiredKeys: ['customerId'] },
        );
  return fc
    .record({
      fallbackTimeZone: fc.constantFrom(...contactTimeZones),
      weekStartsOn: fc.integer({ min: 0, max: 6 }),
      capacityTimeZone: fc.option(fc.constantFrom(...contactTimeZones), { nil: undefined }),
      caps: fc.array(capRuleArbitrary(), { maxLength: 3 }),
      minGaps: fc.uniqueArray(fc.record({ channel: fc.constantFrom(...channels), gap: fc.constantFrom('30m', '16h', '24h') }), {
        maxLength: 3,
        selector: (rule) => rule.channel,
      }),
      quietHours: fc.array(
        fc
          .record({
            channels: fc.option(fc.subarray([...channels], { minLength: 1 }), { nil: undefined }),
            start: clock,
            end: clock,
            action: fc.constantFrom('defer' as const, 'drop' as const),
            maxDeferral: fc.option(fc.constantFrom('2h', '12h'), { nil: undefined }),
          })
          .filter((rule) => rule.start !== rule.end),
        { maxLength: 2 },
      ),
      capacity: fc.uniqueArray(fc.record({ channel: fc.constantFrom(...channels), perDay: fc.integer({ min: 0, max: 4 }) }), {
        maxLength: 2,
        selector: (rule) => rule.channel,
      }),
      exemptPurposesCountTowardCaps: fc.boolean(),
      consentRequiredFor: fc.oneof(fc.constant<(typeof purposes)[number][]>([]), fc.subarray([...purposes])),
      overrides: fc.uniqueArray(override, { maxLength: 2, selector: (o) => o?.customerId }),
    })
    .map(({ overrides, capacityTimeZone, quietHours, ...policy }) => ({
      ...policy,
      ...(capacityTimeZone === undefined ? {} : { capacityTimeZone }),
      quietHours: quietHours.map(({ channels: only, maxDeferral, ...rule }) => ({
        ...rule,
        ...(only === undefined ? {} : { channels: only }),
        ...(maxDeferral === undefined ? {} : { maxDeferral }),
      })),
      overrides: overrides.flatMap((o) => (o === undefined ? [] : [o])),
    }));
}

/**
 * Whole planning problems: a few customers in different zones (some without one), consents,
 * history before `asOf`, candidates around `asOf`, and a policy, all next to a DST transition. Times
 * fall on a 15-minute grid so that ties and exact window edges happen.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { contactScenarioArbitrary } from 'relmark/testing';
 * import { planContacts } from 'relmark/contact';
 * const [scenario] = fc.sample(contactScenarioArbitrary(), { numRuns: 1, seed: 5 });
 * const plan = planContacts(scenario!);
 * plan.scheduled.length + plan.deferred.length + plan.suppressed.length === scenario!.candidates.length;
 * //=> true
 * ```
 * @param constraints - Size limits.
 * @category Arbitraries
 */
export function contactScenarioArbitrary(constraints: ContactScenarioConstraints = {}): fc.Arbitrary<ContactScenario> {
  const maxCustomers = constraints.maxCustomers ?? 4;
  return fc
    .record({
      anchor: fc.constantFrom(...dstInstants),
      shiftQuarters: fc.integer({ min: -8 * 4, max: 8 * 4 }),
      customerCount: fc.integer({ min: 1, max: maxCustomers }),
    })
    .chain(({ anchor, shiftQuarters, customerCount }) => {
      const asOf = anchor + shiftQuarters * 15 * 60_000;
      const ids = Array.from({ length: customerCount }, (_, i) => `c${i}`);
      const quarter = (min: number, max: number) => fc.integer({ min, max }).map((q) => new Date(asOf + q * 15 * 60_000).toISOString());
      const customer = (id: string) =>
        fc.record({
          id: fc.constant(id),
          timeZone: fc.option(fc.constantFrom(...contactTimeZones), { nil: undefined }),
          consents: fc.array(
            fc.record({
              channel: fc.constantFrom(...channels),
              purpose: fc.constantFrom(...purposes),
              status: fc.oneof({ weight: 5, arbitrary: fc.constant('granted' as const) }, { weight: 1, arbitrary: fc.constant('withdrawn' as const) }),
              at: quarter(-4 * 24 * 30, 0),
            }),
            { minLength: 4, maxLength: 16 },
          ),
        });
      const history = fc.array(
        fc.record({
          customerId: fc.constantFrom(...ids),
          channel: fc.constantFrom(...channels),
          direction: fc.constantFrom('outbound' as const, 'outbound' as const, 'inbound' as const),
          purpose: fc.constantFrom(...purposes),
          outcome: fc.constantFrom('delivered' as const, 'opened' as const, 'bounced' as const),
          at: quarter(-4 * 24 * 10, 0),
          tags: fc.subarray([...tags]),
        }),
        { maxLength: constraints.maxHistory ?? 14 },
      );
      const candidates = fc.array(
        fc
          .record({
            customerId: fc.constantFrom(...ids),
            channel: fc.constantFrom(...channels),
            purpose: fc.constantFrom(...purposes),
            priority: fc.integer({ min: 0, max: 3 }),
            expectedValue: fc.integer({ min: 0, max: 2 }),
            earliestQ: fc.option(fc.integer({ min: -4 * 24, max: 4 * 24 * 2 }), { nil: undefined }),
            windowQ: fc.option(fc.integer({ min: 0, max: 4 * 24 * 6 }), { nil: undefined }),
            tags: fc.subarray([...tags]),
          })
          .map(({ earliestQ, windowQ, ...c }) => {
            const earliest = earliestQ === undefined ? undefined : asOf + earliestQ * 15 * 60_000;
            const latest = windowQ === undefined ? undefined : (earliest ?? asOf) + windowQ * 15 * 60_000;
            return {
              ...c,
              ...(earliest === undefined ? {} : { earliest: new Date(earliest).toISOString() }),
              ...(latest === undefined ? {} : { latest: new Date(latest).toISOString() }),
            };
          }),
        { maxLength: constraints.maxCandidates ?? 14 },
      );
      return fc.record({
        customers: fc.tuple(...ids.map(customer)),
        history,
        candidates,
        policy: contactPolicyArbitrary({ customerIds: ids, around: new Date(asOf) }),
        asOf: fc.constant(new Date(asOf).toISOString()),
        horizon: fc.constantFrom('1d', '2d', '5d'),
      });
    })
    .map(({ customers, history, candidates, ...rest }) => ({
      ...rest,
      customers: customers.map(({ timeZone, ...c }) => (timeZone === undefined ? c : { ...c, timeZone })),
      history: history.map((h, i) => ({ id: `h${i}`, ...h })),
      candidates: candidates.map((c, i) => ({ id: `k${i}`, ...c })),
    }));
}
