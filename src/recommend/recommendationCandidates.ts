import * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import type { ContactCandidate } from '../contact/contactCandidate.js';
import { ChannelSchema, type Channel } from '../models/channel.js';
import { IdSchema, InstantSchema } from '../models/primitives.js';
import type { CustomerRecommendations } from './recommendProducts.js';
import { parseRecommendOptions } from './recommendInput.js';

/** Options for {@link recommendationCandidates}. @category Recommend */
export interface RecommendationCandidatesOptions {
  /** The channel of every candidate, unless `channels` names one for the customer. @defaultValue 'email' */
  readonly channel?: Channel;
  /** A channel per customer id (for example from `chooseChannel`). */
  readonly channels?: Readonly<Record<string, Channel>>;
  /** The candidates' priority (the planner ranks by priority, then expected value). @defaultValue 0 */
  readonly priority?: number;
  /** Products named per candidate, at most. @defaultValue 3 */
  readonly products?: number;
  /** Earliest send instant of every candidate. */
  readonly earliest?: Date | string | number;
  /** Latest send instant of every candidate. */
  readonly latest?: Date | string | number;
  /** Campaign id put on every candidate. */
  readonly campaignId?: string;
  /** Prefix of candidate ids: `<idPrefix>:<customerId>`. @defaultValue 'cross-sell' */
  readonly idPrefix?: string;
}

const OptionsSchema = z.object({
  channel: ChannelSchema.default('email'),
  channels: z.record(z.string(), ChannelSchema).optional(),
  priority: z.number().default(0),
  products: z.number().int().min(1).max(100).default(3),
  earliest: InstantSchema.optional(),
  latest: InstantSchema.optional(),
  campaignId: IdSchema.optional(),
  idPrefix: z.string().min(1).default('cross-sell'),
});

const RecommendationsSchema = z.array(
  z.object({
    customerId: IdSchema,
    method: z.enum(['rules', 'itemCosine']),
    recommendations: z.array(z.object({ sku: z.string().min(1), rank: z.number().int().min(1), score: z.number(), basis: z.array(z.string()), evidence: z.string() })),
  }),
);

/**
 * Turns recommendations into contact candidates with purpose `cross_sell`, one per customer with at
 * least one recommendation, so that `planContacts` applies caps, gaps, quiet hours, consent and
 * channel choice to them unchanged.
 *
 * @remarks
 * Each candidate names the customer's first `products` recommendations in `tags` (`sku:<sku>`,
 * after the tag `cross_sell`) and in `explanation` (the evidence of each, joined by " · "); its
 * `expectedValue` is the top recommendation's score (a rule's confidence, or a summed cosine), so
 * among candidates of equal priority the planner prefers the better-supported offer. Customers with
 * no recommendation get no candidate. Consent: the planner asks for consent per purpose; add
 * `'cross_sell'` to the policy's `consentRequiredFor` when consents are recorded per purpose, or
 * record cross-selling under your marketing consent. Output order is input order.
 *
 * @param recommendations - The result of {@link recommendProducts}; never mutated.
 * @param options - Channel(s), priority, products per candidate, send window, campaign, id prefix.
 * @returns Validated contact candidates.
 * @throws {@link RelmarkError} `invalid_input` when `recommendations` is not the shape
 *   {@link recommendProducts} returns (paths under `recommendations`); `invalid_options` for a bad
 *   option, or `latest` before `earliest`.
 * @example
 * ```ts
 * import { recommendationCandidates } from 'relmark/recommend';
 * const [candidate] = recommendationCandidates(
 *   [{ customerId: 'dee', method: 'rules', recommendations: [
 *     { sku: 'filters', rank: 1, score: 0.5, basis: ['coffee'], evidence: 'bought coffee; 50% of baskets with coffee also have filters, lift 1' },
 *   ] }],
 *   { channel: 'sms', priority: 2 },
 * );
 * [candidate?.id, candidate?.purpose, candidate?.channel, candidate?.tags];
 * //=> ['cross-sell:dee', 'cross_sell', 'sms', ['cross_sell', 'sku:filters']]
 * ```
 * @category Recommend
 */
export function recommendationCandidates(
  recommendations: readonly CustomerRecommendations[],
  options: RecommendationCandidatesOptions = {},
): ContactCandidate[] {
  const where = 'recommendationCandidates';
  const parsed = parseRecommendOptions(where, OptionsSchema, options ?? {});
  if (parsed.earliest !== undefined && parsed.latest !== undefined && parsed.latest.getTime() < parsed.earliest.getTime()) {
    throw new RelmarkError('invalid_options', `${where}: latest is before earliest`, {
      issues: [{ code: 'invalid_window', path: ['options', 'latest'], message: 'latest must not be before earliest' }],
    });
  }
  const list = parseRecommendInput(where, recommendations);
  const out: ContactCandidate[] = [];
  for (const entry of list) {
    const shown = entry.recommendations.slice(0, parsed.products);
    const top = shown[0];
    if (top === undefined) continue;
    const channel = parsed.channels !== undefined && Object.hasOwn(parsed.channels, entry.customerId) ? (parsed.channels[entry.customerId] as Channel) : parsed.channel;
    out.push({
      id: `${parsed.idPrefix}:${entry.customerId}`,
      customerId: entry.customerId,
      channel,
      purpose: 'cross_sell',
      priority: parsed.priority,
      expectedValue: top.score,
      ...(parsed.earliest === undefined ? {} : { earliest: parsed.earliest }),
      ...(parsed.latest === undefined ? {} : { latest: parsed.latest }),
      ...(parsed.campaignId === undefined ? {} : { campaignId: parsed.campaignId }),
      tags: ['cross_sell', ...shown.map((r) => `sku:${r.sku}`)],
      explanation: shown.map((r) => `${r.sku}: ${r.evidence}`).join(' · '),
    });
  }
  return out;
}

function parseRecommendInput(where: string, recommendations: unknown): z.output<typeof RecommendationsSchema> {
  const result = RecommendationsSchema.safeParse(recommendations);
  if (result.success) return result.data;
  throw new RelmarkError('invalid_input', `${where}: expected the result of recommendProducts`, {
    issues: issuesFromZod(result.error, ['recommendations']),
    cause: result.error,
  });
}
