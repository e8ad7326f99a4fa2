import fc from 'fast-check';
import { type Channel, type Outcome, OutcomeSchema, type Purpose } from '../models/channel.js';
import type { ChannelConsent } from '../models/consent.js';
import type { Interaction } from '../models/interaction.js';

/** Constraints of {@link interactionsArbitrary}. @category Testing */
export interface InteractionsConstraints {
  /** Customer ids to draw from. @defaultValue ['a', 'b', 'c'] */
  readonly customerIds?: readonly string[];
  /** Channels to draw from. @defaultValue ['email', 'sms', 'push'] */
  readonly channels?: readonly Channel[];
  /** Outcomes to draw from. @defaultValue every outcome */
  readonly outcomes?: readonly Outcome[];
  /** The latest instant an interaction may have (the `asOf` it must respect). @defaultValue 2024-06-30T00:00:00Z */
  readonly asOf?: Date;
  /** How far back interactions may lie, in days. @defaultValue 365 */
  readonly maxAgeDays?: number;
  /** @defaultValue 0 */
  readonly minLength?: number;
  /** @defaultValue 30 */
  readonly maxLength?: number;
}

/**
 * Valid interactions (unique ids `i0`, `i1`, …, none after `asOf`), as produced by `InteractionSchema`.
 *
 * @remarks Shrinks towards fewer interactions. Instants are whole seconds.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { interactionsArbitrary } from 'relmark/testing';
 * const rows = fc.sample(interactionsArbitrary({ minLength: 2, maxLength: 2 }), { numRuns: 1, seed: 1 })[0];
 * rows?.map((row) => row.id);
 * //=> ['i0', 'i1']
 * ```
 * @category Testing
 */
export function interactionsArbitrary(constraints: InteractionsConstraints = {}): fc.Arbitrary<Interaction[]> {
  const customerIds = constraints.customerIds ?? ['a', 'b', 'c'];
  const channels = constraints.channels ?? ['email', 'sms', 'push'];
  const outcomes = constraints.outcomes ?? OutcomeSchema.options;
  const asOfMs = (constraints.asOf ?? new Date('2024-06-30T00:00:00Z')).getTime();
  const maxAgeSeconds = Math.floor((constraints.maxAgeDays ?? 365) * 86_400);
  const row = fc.record({
    customerId: fc.constantFrom(...customerIds),
    channel: fc.constantFrom(...channels),
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    purpose: fc.constantFrom<Purpose>('marketing', 'service'),
    outcome: fc.constantFrom(...outcomes),
    ageSeconds: fc.integer({ min: 0, max: maxAgeSeconds }),
  });
  return fc
    .array(row, { minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 30 })
    .map((rows) =>
      rows.map(({ ageSeconds, ...rest }, index) => ({ id: `i${index}`, ...rest, at: new Date(asOfMs - ageSeconds * 1000) })),
    );
}

/** Constraints of {@link channelConsentsArbitrary}. @category Testing */
export interface ChannelConsentsConstraints {
  /** @defaultValue ['email', 'sms', 'push'] */
  readonly channels?: readonly Channel[];
  /** @defaultValue ['marketing', 'service'] */
  readonly purposes?: readonly Purpose[];
  /** The latest instant an event may have. @defaultValue 2024-06-30T00:00:00Z */
  readonly asOf?: Date;
  /** @defaultValue 6 */
  readonly maxLength?: number;
}

/**
 * One customer's consent history: grants and withdrawals at whole days before `asOf` (repeated days
 * are likely, so that same-instant conflicts are exercised).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { channelConsentsArbitrary } from 'relmark/testing';
 * const history = fc.sample(channelConsentsArbitrary(), { numRuns: 1, seed: 3 })[0] ?? [];
 * history.every((event) => event.status === 'granted' || event.status === 'withdrawn');
 * //=> true
 * ```
 * @category Testing
 */
export function channelConsentsArbitrary(constraints: ChannelConsentsConstraints = {}): fc.Arbitrary<ChannelConsent[]> {
  const asOfMs = (constraints.asOf ?? new Date('2024-06-30T00:00:00Z')).getTime();
  return fc.array(
    fc.record({
      channel: fc.constantFrom(...(constraints.channels ?? ['email', 'sms', 'push'])),
      purpose: fc.constantFrom(...(constraints.purposes ?? (['marketing', 'service'] as const))),
      status: fc.constantFrom('granted' as const, 'withdrawn' as const),
      daysBefore: fc.integer({ min: 0, max: 5 }),
    }).map(({ daysBefore, ...event }) => ({ ...event, at: new Date(asOfMs - daysBefore * 86_400_000) })),
    { maxLength: constraints.maxLength ?? 6 },
  );
}
