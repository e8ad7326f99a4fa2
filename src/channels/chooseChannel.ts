import * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { type Channel, ChannelSchema } from '../models/channel.js';
import { createRandom } from '../internal/random.js';
import { parseOptions, throwIfIssues } from './parseChannelInput.js';
import { sampleBeta } from '../internal/samplers.js';
import type { ChannelScore, CustomerChannelPreference, PreferenceSource } from './types.js';

/** Options for {@link chooseChannel}. @category Channels */
export interface ChooseChannelOptions {
  /**
   * `'best'`: the first permitted channel of the ranking. `'thompson'`: a stated channel if there is
   * one, otherwise the channel whose draw from its Beta posterior is highest (Thompson sampling),
   * which explores channels with little evidence.
   * @defaultValue 'best'
   */
  readonly strategy?: 'best' | 'thompson';
  /** Seed of the draws; required for `'thompson'`. The same seed gives the same choice. */
  readonly seed?: number;
  /** Channels not to use now (already used today, down for maintenance). @defaultValue [] */
  readonly exclude?: readonly Channel[];
}

/** The channel chosen by {@link chooseChannel}. @category Channels */
export interface ChannelChoice {
  readonly channel: Channel;
  readonly source: PreferenceSource;
  /** Position of the channel in the customer's ranking (0 = first). */
  readonly rank: number;
  /** The Thompson draw that won, or `null` for `'best'` and for stated channels. */
  readonly draw: number | null;
}

const ScoreSchema = z.object({
  channel: ChannelSchema,
  source: z.enum(['stated', 'inferred', 'default']),
  alpha: z.number().positive(),
  beta: z.number().positive(),
});
const PreferenceSchema = z.union([z.array(ScoreSchema), z.object({ channels: z.array(ScoreSchema) })], {
  error: 'Expected a customer preference from channelPreferences, or its ranked channels',
});
const OptionsSchema = z
  .object({
    strategy: z.enum(['best', 'thompson']).optional(),
    seed: z.number().int().optional(),
    exclude: z.array(ChannelSchema).optional(),
  })
  .refine((options) => options.strategy !== 'thompson' || options.seed !== undefined, {
    path: ['seed'],
    message: "strategy 'thompson' needs a seed (an integer)",
  });

/**
 * Picks the channel to use now from one customer's ranking, falling through to the next
 * permitted channel when one is excluded.
 *
 * @remarks
 * The ranking already holds only channels with consent and reachability (see
 * `channelPreferences`), so the choice is always permitted. `'best'` takes the first channel not in
 * `exclude`. `'thompson'` honours a stated preference first (the first stated channel not
 * excluded); otherwise it draws p ~ Beta(α, β) from each remaining channel's posterior and takes
 * the highest draw (Thompson 1933; Chapelle & Li 2011), ties going to the better rank. Draws use
 * relmark's seeded generator and Marsaglia & Tsang's (2000) gamma sampler, in ranking order, so
 * the same seed gives the same choice. Vary the seed per customer and per send (for example a
 * campaign seed plus the customer's position) to avoid correlated draws.
 *
 * Edge cases: no permitted channel, or all excluded → `undefined`. Runs in O(K) for K channels.
 *
 * @param preference - A {@link CustomerChannelPreference} or its `channels` list.
 * @param options - Strategy, seed and exclusions.
 * @returns The chosen channel with its source, rank and draw, or `undefined`.
 * @throws {@link RelmarkError} `invalid_input` if the preference is not a ranking (each entry needs
 *   `channel`, `source`, positive `alpha` and `beta`); `invalid_options` for an unknown strategy,
 *   a non-integer seed, or `'thompson'` without a seed.
 * @example
 * ```ts
 * import { chooseChannel } from 'relmark/channels';
 * const ranking = [
 *   { channel: 'email', source: 'inferred', alpha: 9, beta: 3 },
 *   { channel: 'sms', source: 'default', alpha: 1, beta: 1 },
 * ] as const;
 * chooseChannel(ranking)?.channel;
 * //=> 'email'
 * chooseChannel(ranking, { exclude: ['email'] })?.channel;
 * //=> 'sms'
 * chooseChannel(ranking, { strategy: 'thompson', seed: 42 }) !== undefined;
 * //=> true
 * ```
 * @category Channels
 */
export function chooseChannel(
  preference: CustomerChannelPreference | readonly Pick<ChannelScore, 'channel' | 'source' | 'alpha' | 'beta'>[],
  options: ChooseChannelOptions = {},
): ChannelChoice | undefined {
  const parsedPreference = PreferenceSchema.safeParse(preference);
  const inputIssues = parsedPreference.success ? [] : issuesFromZod(parsedPreference.error, ['preference']);
  const parsedOptions = parseOptions(OptionsSchema, options);
  throwIfIssues('chooseChannel', inputIssues, parsedOptions.issues);
  const ranking = Array.isArray(preference) ? preference : (preference as CustomerChannelPreference).channels;
  return chooseChannelUnchecked(ranking, options);
}

/**
 * {@link chooseChannel} without validation, for rankings that `channelPreferences` produced.
 *
 * @remarks Preconditions: positive `alpha` and `beta` on every entry; an integer `seed` when the
 * strategy is `'thompson'` (a missing seed is taken as 0). Same behaviour and cost as {@link chooseChannel}.
 * @param ranking - One customer's ranked channels.
 * @param options - Strategy, seed and exclusions.
 * @returns The chosen channel, or `undefined` when none is left.
 * @example
 * ```ts
 * import { chooseChannelUnchecked } from 'relmark/channels';
 * chooseChannelUnchecked([{ channel: 'sms', source: 'stated', alpha: 1, beta: 1 }], { strategy: 'thompson', seed: 7 });
 * //=> { channel: 'sms', source: 'stated', rank: 0, draw: null }
 * ```
 * @category Channels
 */
export function chooseChannelUnchecked(
  ranking: readonly Pick<ChannelScore, 'channel' | 'source' | 'alpha' | 'beta'>[],
  options: ChooseChannelOptions = {},
): ChannelChoice | undefined {
  const excluded = new Set(options.exclude ?? []);
  const candidates = ranking.map((entry, rank) => ({ entry, rank })).filter(({ entry }) => !excluded.has(entry.channel));
  const first = candidates[0];
  if (first === undefined) return undefined;
  if ((options.strategy ?? 'best') === 'best' || first.entry.source === 'stated') {
    return { channel: first.entry.channel, source: first.entry.source, rank: first.rank, draw: null };
  }
  const random = createRandom(options.seed ?? 0);
  let best: ChannelChoice | undefined;
  for (const { entry, rank } of candidates) {
    const draw = sampleBeta(entry.alpha, entry.beta, random);
    if (best === undefined || draw > (best.draw as number)) best = { channel: entry.channel, source: entry.source, rank, draw };
  }
  return best;
}
