import * as z from 'zod';
import { idRecordSchema } from '../models/idRecord.js';
import { type Channel, ChannelSchema } from '../models/channel.js';
import type { InteractionInput } from '../models/interaction.js';
import { type InstantInput, InstantSchema, TimeZoneSchema } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { msPerDay } from '../internal/time.js';
import { localHourOfWeek } from './localHourOfWeek.js';
import { defaultPositiveOutcomes, type OutcomeWeights } from './outcomeWeights.js';
import { HalfLifeDaysSchema, OutcomeWeightsSchema, parseChannelCall } from './parseChannelInput.js';
import { type InteractionColumns, outcomeCodes } from './toInteractionColumns.js';

/**
 * Days of the week, Monday first (ISO 8601), as `bestDay` names them.
 * @example
 * ```ts
 * import { weekdays } from 'relmark/channels';
 * weekdays[0];
 * //=> 'monday'
 * ```
 * @category Channels
 */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** A day of the week. @category Channels */
export type Weekday = (typeof weekdays)[number];

/** Options for {@link sendTimePreference}. @category Channels */
export interface SendTimePreferenceOptions {
  /** The instant of the analysis: decay is measured back from it, and no interaction may be later. Required. */
  readonly asOf: InstantInput;
  /**
   * The customers' IANA time zone: one for everybody, or one per customer id (for example
   * `channelContextFromCustomers(customers).timeZones`).
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string | Readonly<Record<string, string>>;
  /** The zone of customers missing from a per-customer `timeZone` record. @defaultValue 'UTC' */
  readonly defaultTimeZone?: string;
  /** Days after which an engagement counts half as much; `Infinity` turns decay off. @defaultValue 90 */
  readonly halfLifeDays?: number;
  /** Which outcomes are engagements, and how much each counts. @defaultValue {@link defaultPositiveOutcomes} */
  readonly positiveOutcomes?: OutcomeWeights;
  /** Pseudo-engagements pulling a customer's profile toward the population's. @defaultValue 10 */
  readonly smoothing?: number;
  /** Only engagements on these channels count. @defaultValue every channel */
  readonly channels?: readonly Channel[];
}

/** One customer's engagement by hour of the week. @category Channels */
export interface SendTimeProfile {
  readonly customerId: string;
  /** The zone the hours are in. */
  readonly timeZone: string;
  /** Weighted, decayed engagements of the customer. */
  readonly evidence: number;
  /** 168 shares summing to 1: index 0 is Monday 00:00–00:59 local time, 167 is Sunday 23:00–23:59. */
  readonly hourOfWeek: readonly number[];
  /** The index of the largest share (the earliest in the week on a tie). */
  readonly bestHourOfWeek: number;
  readonly bestDay: Weekday;
  /** Local hour of day, 0–23. */
  readonly bestHour: number;
}

/** The result of {@link sendTimePreference}. @category Channels */
export interface SendTimePreferences {
  /** The population's profile (168 shares summing to 1), each customer's engagements in their own local time. */
  readonly population: readonly number[];
  /** The population's best hour of the week. */
  readonly populationBestHourOfWeek: number;
  /** One profile per customer with an interaction, by customer id in code-unit order. */
  readonly customers: readonly SendTimeProfile[];
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  timeZone: z.union([TimeZoneSchema, idRecordSchema(TimeZoneSchema)]).optional(),
  defaultTimeZone: TimeZoneSchema.optional(),
  halfLifeDays: HalfLifeDaysSchema.optional(),
  positiveOutcomes: OutcomeWeightsSchema.optional(),
  smoothing: z.number().nonnegative().optional(),
  channels: z.array(ChannelSchema).optional(),
});

/**
 * When each customer engages: their engagements by hour of the week in their local time, smoothed
 * toward the population, with a best hour to send.
 *
 * @remarks
 * Each positive outcome adds w·d to its hour of the week in the customer's zone, w its weight
 * ({@link defaultPositiveOutcomes}) and d = 2^(−age/halfLifeDays). The population profile is
 * πₕ = (Cₕ + 1)/(C + 168) over all customers (add-one smoothing, so that no hour is impossible);
 * a customer with counts cₕ summing to n gets (cₕ + k·πₕ)/(n + k) with k = `smoothing`: the
 * posterior mean under a Dirichlet(k·π) prior, so a customer with little evidence looks like the
 * population and one with much evidence like themselves. Local time follows the IANA zone
 * (daylight saving included) through `Intl.DateTimeFormat`, never the machine's zone.
 *
 * Edge cases: no engagement at all → every profile is uniform and the best hour is 0 (Monday
 * 00:00); a customer with only negative outcomes gets the population profile. Output: customers
 * by id in code-unit order. Runs in O(n + 168·C).
 *
 * @param interactions - Interaction rows (validated with `InteractionSchema`; ids must be unique).
 * @param options - `asOf` (required), time zones and smoothing.
 * @returns The population profile and one profile per customer.
 * @throws {@link RelmarkError} `invalid_input` listing every bad row and option with its path;
 *   `duplicate_id` or `future_date` when that is the only problem; `invalid_options` for bad
 *   options only (an unknown time zone, a negative smoothing).
 * @example
 * ```ts
 * import { sendTimePreference } from 'relmark/channels';
 * const click = (id: number, at: string) =>
 *   ({ id, customerId: 'c1', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at }) as const;
 * const result = sendTimePreference(
 *   [click(1, '2024-06-03T18:10:00Z'), click(2, '2024-06-10T18:40:00Z'), click(3, '2024-06-17T18:05:00Z')],
 *   { asOf: '2024-06-30', timeZone: 'Europe/Paris' },
 * );
 * const profile = result.customers[0];
 * [profile?.bestDay, profile?.bestHour, profile?.evidence];
 * //=> ['monday', 20, 2.5894]
 * ```
 * @category Channels
 * @see {@link sendTimePreferenceUnchecked} for validated, columnar input.
 */
export function sendTimePreference(interactions: readonly InteractionInput[], options: SendTimePreferenceOptions): SendTimePreferences {
  const parsed = parseChannelCall('sendTimePreference', OptionsSchema, interactions, options);
  return sendTimePreferenceUnchecked(parsed.columns, parsed.options as SendTimePreferenceUncheckedOptions);
}

/** {@link SendTimePreferenceOptions} with `asOf` already parsed. @category Channels */
export interface SendTimePreferenceUncheckedOptions extends Omit<SendTimePreferenceOptions, 'asOf'> {
  readonly asOf: Date | number;
}

/**
 * {@link sendTimePreference} without validation, on {@link InteractionColumns}.
 *
 * @remarks Preconditions: valid IANA zones, every instant at or before `asOf`, options within their
 * domains. The input is never mutated. Same result, order and complexity as {@link sendTimePreference}.
 * @param columns - The interactions as columns (see {@link toInteractionColumns}).
 * @param options - As for {@link sendTimePreference}, with `asOf` a `Date` or epoch milliseconds.
 * @returns The population profile and one profile per customer.
 * @example
 * ```ts
 * import { sendTimePreferenceUnchecked } from 'relmark/channels';
 * const result = sendTimePreferenceUnchecked(
 *   { customerIds: ['a'], channels: ['email'], customer: Uint32Array.of(0), channel: Uint16Array.of(0), outcome: Uint8Array.of(3), at: Float64Array.of(Date.UTC(2024, 0, 2, 9)) },
 *   { asOf: Date.UTC(2024, 0, 31), timeZone: 'UTC' },
 * );
 * [result.customers[0]?.bestDay, result.customers[0]?.bestHour];
 * //=> ['tuesday', 9]
 * ```
 * @category Channels
 */
export function sendTimePreferenceUnchecked(columns: InteractionColumns, options: SendTimePreferenceUncheckedOptions): SendTimePreferences {
  const asOfMs = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  const halfLifeDays = options.halfLifeDays ?? 90;
  const decayPerMs = Number.isFinite(halfLifeDays) ? Math.LN2 / (halfLifeDays * msPerDay) : 0;
  const smoothing = options.smoothing ?? 10;
  const weights = options.positiveOutcomes ?? defaultPositiveOutcomes;
  const weightOf = Float64Array.from(outcomeCodes, (code) => weights[code] ?? 0);
  const counted = options.channels === undefined ? undefined : new Set<string>(options.channels);
  const channelCounts = Uint8Array.from(columns.channels, (channel) => (counted === undefined || counted.has(channel) ? 1 : 0));

  const zoneOf = (customerId: string): string => {
    const zone = options.timeZone;
    if (typeof zone === 'string') return zone;
    if (zone !== undefined && Object.hasOwn(zone, customerId)) return zone[customerId] as string;
    return options.defaultTimeZone ?? 'UTC';
  };
  const zones = columns.customerIds.map(zoneOf);
  const hourFunctions = new Map<string, (ms: number) => number>();
  const hourIn = (zone: string) => {
    let f = hourFunctions.get(zone);
    if (f === undefined) hourFunctions.set(zone, (f = localHourOfWeek(zone)));
    return f;
  };

  const C = columns.customerIds.length;
  const counts = new Float64Array(C * 168);
  const totals = new Float64Array(C);
  const population = new Float64Array(168);
  const { customer, channel, outcome, at } = columns;
  for (let i = 0; i < at.length; i++) {
    const w = weightOf[outcome[i] as number] as number;
    if (w === 0 || channelCounts[channel[i] as number] === 0) continue;
    const c = customer[i] as number;
    const time = at[i] as number;
    const value = w * (decayPerMs === 0 ? 1 : Math.exp(-decayPerMs * (asOfMs - time)));
    const hour = hourIn(zones[c] as string)(time);
    counts[c * 168 + hour] = (counts[c * 168 + hour] as number) + value;
    totals[c] = (totals[c] as number) + value;
    population[hour] = (population[hour] as number) + value;
  }

  let populationTotal = 0;
  for (let h = 0; h < 168; h++) populationTotal += population[h] as number;
  const populationShares = Array.from(population, (count) => (count + 1) / (populationTotal + 168));

  const order = columns.customerIds.map((id, index) => ({ id, index })).sort((x, y) => compareIds(x.id, y.id));
  const customers = order.map(({ id, index }): SendTimeProfile => {
    const n = totals[index] as number;
    // Without own evidence the formula is exactly the population's profile; taking it directly also
    // avoids 0/0 without smoothing and underflow with a tiny one.
    const profile = n === 0 ? populationShares.slice() : new Array<number>(168);
    if (n > 0) {
      for (let h = 0; h < 168; h++) {
        profile[h] = ((counts[index * 168 + h] as number) + smoothing * (populationShares[h] as number)) / (n + smoothing);
      }
    }
    const best = argmax(profile);
    return {
      customerId: id,
      timeZone: zones[index] as string,
      evidence: n,
      hourOfWeek: profile,
      bestHourOfWeek: best,
      bestDay: weekdays[Math.floor(best / 24)] as Weekday,
      bestHour: best % 24,
    };
  });
  return { population: populationShares, populationBestHourOfWeek: argmax(populationShares), customers };
}

// The first index of the largest value.
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
