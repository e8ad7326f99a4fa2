import type { Channel } from '../models/channel.js';
import { msPerDay } from '../internal/time.js';
import { requireOptions, wrongType } from '../internal/guards.js';
import type { ContactCandidate } from './contactCandidate.js';
import type { OccasionsResult, UpcomingOccasion } from './upcomingOccasions.js';

/** Options of {@link occasionCandidates}. @category Contact */
export interface OccasionCandidatesOptions {
  /** The channel of the messages. */
  readonly channel: Channel;
  /** Priority per occasion name (`birthday`, `first_purchase`, `membership`, custom names); others get `priority`. */
  readonly priorities?: Readonly<Record<string, number>>;
  /** Priority of occasions not in `priorities`. @defaultValue 1 */
  readonly priority?: number;
  /** Send from this many days before the occasion's date (a birthday offer a few days ahead). @defaultValue 0 */
  readonly leadDays?: number;
  /** Prefix of candidate ids: `${idPrefix}${customerId}/${occasion}/${date}`. @defaultValue 'occasion:' */
  readonly idPrefix?: string;
}

/**
 * Turns {@link upcomingOccasions} into contact candidates with purpose `occasion`, a priority and an
 * explanation, for {@link planContacts}.
 *
 * @remarks
 * Each upcoming occasion becomes one candidate that may go out from `leadDays` before the occasion's
 * local date (its `startsAt` minus `leadDays` × 24 h) until the end of that local day (the next local
 * midnight, approximated as `startsAt` + 24 h − 1 ms; on a DST day this is an hour early or late).
 * Missing dates give no candidate: they stay in `missing`. Output order: the order of `upcoming`.
 *
 * @param occasions - The result of {@link upcomingOccasions}, or its `upcoming` list.
 * @param options - The channel, priorities, lead time and id prefix.
 * @returns One candidate per upcoming occasion.
 * @throws {@link RelmarkError} `invalid_input` when an entry is not an upcoming occasion;
 *   `invalid_options` for a bad channel, priority or lead time.
 * @example
 * ```ts
 * import { occasionCandidates, upcomingOccasions } from 'relmark/contact';
 * const found = upcomingOccasions([{ id: 'ada', birthday: '1990-05-17' }], { asOf: '2024-05-10', horizon: '14d' });
 * const [c] = occasionCandidates(found, { channel: 'email', leadDays: 2, priorities: { birthday: 3 } });
 * [c?.id, c?.purpose, c?.priority, c?.earliest?.toISOString()];
 * //=> ['occasion:ada/birthday/2024-05-17', 'occasion', 3, '2024-05-15T00:00:00.000Z']
 * c?.explanation;
 * //=> 'birthday on 2024-05-17 (34 years)'
 * ```
 * @category Contact
 */
export function occasionCandidates(occasions: OccasionsResult | readonly UpcomingOccasion[], options: OccasionCandidatesOptions): ContactCandidate[] {
  const list: unknown = Array.isArray(occasions) ? occasions : (occasions as OccasionsResult | undefined)?.upcoming;
  if (!Array.isArray(list)) throw wrongType('occasionCandidates', ['occasions'], 'the result of upcomingOccasions or its upcoming list', occasions);
  if (options === undefined) throw wrongType('occasionCandidates', ['options'], 'an object with a channel', options, 'invalid_options');
  requireOptions('occasionCandidates', options);
  const channel: unknown = options.channel;
  if (typeof channel !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(channel)) throw wrongType('occasionCandidates', ['options', 'channel'], 'a channel such as "email"', channel, 'invalid_options');
  const finite = (value: unknown, path: readonly (string | number)[], min: number): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw wrongType('occasionCandidates', path, `a finite number ≥ ${min}`, value, 'invalid_options');
    return value;
  };
  const priority = options.priority === undefined ? 1 : finite(options.priority, ['options', 'priority'], Number.NEGATIVE_INFINITY);
  const leadDays = options.leadDays === undefined ? 0 : finite(options.leadDays, ['options', 'leadDays'], 0);
  const priorities: unknown = options.priorities ?? {};
  if (typeof priorities !== 'object' || priorities === null || Array.isArray(priorities)) throw wrongType('occasionCandidates', ['options', 'priorities'], 'an object of numbers', priorities, 'invalid_options');
  const byName = new Map<string, number>();
  for (const [name, value] of Object.entries(priorities)) byName.set(name, finite(value, ['options', 'priorities', name], Number.NEGATIVE_INFINITY));
  const prefix: unknown = options.idPrefix ?? 'occasion:';
  if (typeof prefix !== 'string') throw wrongType('occasionCandidates', ['options', 'idPrefix'], 'a string', prefix, 'invalid_options');
  return list.map((entry: unknown, i) => {
    const o = entry as UpcomingOccasion | null;
    if (typeof o !== 'object' || o === null || typeof o.customerId !== 'string' || typeof o.occasion !== 'string' || typeof o.date !== 'string' || !(o.startsAt instanceof Date) || !Number.isFinite(o.startsAt.getTime()) || typeof o.years !== 'number' || !Number.isFinite(o.years)) {
      throw wrongType('occasionCandidates', ['occasions', i], 'an upcoming occasion', entry);
    }
    const start = o.startsAt.getTime();
    return {
      id: `${prefix}${o.customerId}/${o.occasion}/${o.date}`,
      customerId: o.customerId,
      channel: channel as Channel,
      purpose: 'occasion' as const,
      priority: byName.get(o.occasion) ?? priority,
      expectedValue: 0,
      earliest: new Date(start - leadDays * msPerDay),
      latest: new Date(start + msPerDay - 1),
      explanation: `${o.occasion.replace('_', ' ')} on ${o.date} (${o.years} year${o.years === 1 ? '' : 's'})`,
    };
  });
}
