import * as z from 'zod';
import { idRecordSchema } from '../models/idRecord.js';
import { type Channel, ChannelSchema, type Purpose, PurposeSchema } from '../models/channel.js';
import { type ChannelConsent, type ChannelConsentInput, ChannelConsentSchema } from '../models/consent.js';
import type { InteractionInput } from '../models/interaction.js';
import { type InstantInput, InstantSchema } from '../models/primitives.js';
import { logBeta } from '../numeric/logGamma.js';
import { compareIds } from '../internal/order.js';
import { msPerDay } from '../internal/time.js';
import { betaQuantileGivenLogBeta } from '../numeric/betaQuantile.js';
import { businessOrder } from './businessOrder.js';
import { consentStatus } from './consentStatus.js';
import { fitBetaBinomialPrior } from './fitBetaBinomialPrior.js';
import { defaultNegativeOutcomes, defaultPositiveOutcomes, type OutcomeWeights } from './outcomeWeights.js';
import { HalfLifeDaysSchema, OutcomeWeightsSchema, parseChannelCall } from './parseChannelInput.js';
import { type InteractionColumns, outcomeCodes } from './toInteractionColumns.js';
import type { BlockedChannel, ChannelPreferences, ChannelPrior, ChannelScore, CustomerChannelPreference } from './types.js';

/** A Beta(α, β) prior on a customer's engagement rate; both shapes positive. @category Channels */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/** Options for {@link channelPreferences}. @category Channels */
export interface ChannelPreferencesOptions {
  /** The instant of the analysis: decay is measured back from it, and no interaction may be later. Required. */
  readonly asOf: InstantInput;
  /**
   * Days after which an interaction counts half as much (exponential decay, weight 2^(−age/halfLife)).
   * `Infinity` turns decay off.
   * @defaultValue 90
   */
  readonly halfLifeDays?: number;
  /**
   * Weights of positive outcomes; each adds `weight` to engagement and to evidence. Replaces the
   * defaults; an outcome listed here is dropped from the default negative outcomes.
   * @defaultValue {@link defaultPositiveOutcomes}: `{ opened: 0.25, clicked: 1, responded: 1, converted: 1 }`
   */
  readonly positiveOutcomes?: OutcomeWeights;
  /**
   * Weights of negative outcomes; each adds `weight` to evidence only. Must not share an outcome with
   * `positiveOutcomes` when both are given.
   * @defaultValue {@link defaultNegativeOutcomes}: `{ sent: 1, delivered: 1, bounced: 0, complained: 3, unsubscribed: 3 }`
   */
  readonly negativeOutcomes?: OutcomeWeights;
  /**
   * The Beta prior of every channel, or `'empirical'` to fit one prior per channel to the whole
   * population by maximising the beta-binomial marginal likelihood.
   * @defaultValue 'empirical'
   */
  readonly prior?: BetaPrior | 'empirical';
  /**
   * With `prior: 'empirical'`, the customers with contacts on a channel needed to fit its prior;
   * below this the channel uses Beta(1, 1) (`method: 'fallback'`), because a handful of customers
   * can put the likelihood's maximum at an extreme, overconfident prior.
   * @defaultValue 20
   */
  readonly empiricalMinCustomers?: number;
  /** Effective contacts (weighted, decayed) needed before a channel is ranked by its score. @defaultValue 2 */
  readonly minEvidence?: number;
  /** Probability mass of the equal-tailed credible interval, in (0, 1). @defaultValue 0.9 */
  readonly credibleLevel?: number;
  /** The purpose of the contact, for consent. @defaultValue 'marketing' */
  readonly purpose?: Purpose;
  /**
   * What a missing consent record means: `'deny'` (an explicit grant is needed) or `'allow'`
   * (contact unless withdrawn).
   * @defaultValue `'deny'` for `marketing` and `feedback`, `'allow'` for `transactional` and `service`
   */
  readonly consentDefault?: 'allow' | 'deny';
  /** Each customer's consent history, by customer id. Customers without an entry have no records. @defaultValue {} */
  readonly consents?: Readonly<Record<string, readonly ChannelConsentInput[]>>;
  /** Channels each customer asked for, most preferred first, by customer id. @defaultValue {} */
  readonly statedPreferences?: Readonly<Record<string, readonly Channel[]>>;
  /**
   * Channels on which each customer can be reached, by customer id (see `reachableChannels`). When
   * given, a customer without an entry is reachable on no channel. When omitted, reachability is not checked.
   */
  readonly reachability?: Readonly<Record<string, readonly Channel[]>>;
  /**
   * The channels to rank, in business order (the last tie-break). Interactions and stated
   * preferences on other channels are ignored.
   * @defaultValue every channel named in the interactions, consents, stated preferences or
   * reachability: relmark's `knownChannels` in their order, then others in code-unit order
   */
  readonly channels?: readonly Channel[];
}

/** {@link ChannelPreferencesOptions} for {@link channelPreferencesUnchecked}: instants already parsed. @category Channels */
export interface ChannelPreferencesUncheckedOptions
  extends Omit<ChannelPreferencesOptions, 'asOf' | 'consents'> {
  /** The instant of the analysis, as a `Date` or epoch milliseconds. */
  readonly asOf: Date | number;
  readonly consents?: Readonly<Record<string, readonly ChannelConsent[]>>;
}

// The fields of one (customer, channel) cell of the accumulator.
const engagementField = 0; // decayed, weighted positive outcomes
const evidenceField = 1; // decayed, weighted contacts
const rawEngagementField = 2; // the same without decay, for the empirical-Bayes prior
const rawEvidenceField = 3;
const lastField = 4; // latest positive outcome, epoch ms (−∞ when none)
const stride = 5;

const uniqueChannels = z
  .array(ChannelSchema)
  .refine((channels) => new Set(channels).size === channels.length, { message: 'A channel is listed twice' });

const OptionsSchema = z
  .object({
    asOf: InstantSchema,
    halfLifeDays: HalfLifeDaysSchema.optional(),
    positiveOutcomes: OutcomeWeightsSchema.optional(),
    negativeOutcomes: OutcomeWeightsSchema.optional(),
    prior: z
      .union([z.literal('empirical'), z.object({ alpha: z.number().positive(), beta: z.number().positive() })], {
        error: "Expected 'empirical' or a prior { alpha, beta } with both shapes positive",
      })
      .optional(),
    minEvidence: z.number().nonnegative().optional(),
    empiricalMinCustomers: z.number().int().min(2).optional(),
    credibleLevel: z.number().gt(0).lt(1).optional(),
    purpose: PurposeSchema.optional(),
    consentDefault: z.enum(['allow', 'deny']).optional(),
    // idRecordSchema, not z.record: z.record loses an own "__proto__" key, and with it a customer.
    consents: idRecordSchema(z.array(ChannelConsentSchema)).optional(),
    statedPreferences: idRecordSchema(uniqueChannels).optional(),
    reachability: idRecordSchema(z.array(ChannelSchema)).optional(),
    channels: uniqueChannels.optional(),
  })
  .superRefine((options, ctx) => {
    if (options.positiveOutcomes === undefined || options.negativeOutcomes === undefined) return;
    for (const outcome of Object.keys(options.positiveOutcomes)) {
      if (Object.hasOwn(options.negativeOutcomes, outcome)) {
        ctx.addIssue({ code: 'custom', path: ['negativeOutcomes', outcome], message: `Outcome "${outcome}" is both positive and negative` });
      }
    }
  });

/**
 * Ranks each customer's permitted channels: stated preference first, then channels learned from
 * behaviour by a Beta-binomial engagement score with a credible interval, then channels with too
 * little evidence in business order; never a channel without consent or reachability.
 *
 * @remarks
 * **Hard filters first.** A channel is dropped (and listed in `blocked`) when the consent in force
 * for `purpose` (the latest event per channel and purpose, see {@link consentStatus}) is
 * `withdrawn`, or is missing and `consentDefault` is `'deny'` (the default for `marketing` and
 * `feedback`: those need an explicit grant); or when `reachability` is given and does not list it.
 *
 * **Score.** Each interaction of the customer on the channel adds w·d to the evidence n, and to
 * the engagement s too when its outcome is positive, where w is the outcome's weight
 * ({@link defaultPositiveOutcomes}, {@link defaultNegativeOutcomes}) and d = 2^(−age/halfLifeDays)
 * with age measured back from `asOf`. With the channel's prior Beta(α₀, β₀) the posterior is
 * Beta(α₀ + s, β₀ + n − s) and `score` is its mean (α₀ + s)/(α₀ + β₀ + n); with no decay
 * (`halfLifeDays: Infinity`) this is the textbook Beta-binomial posterior mean. `lower` and
 * `upper` are the equal-tailed `credibleLevel` interval of that posterior (Beta quantiles by
 * Newton on the regularized incomplete beta), widened to contain `score` if a very skewed
 * posterior would exclude it. Decay discounts old evidence like a power prior (Ibrahim & Chen 2000).
 * Every interaction counts whatever its `purpose` and `direction` (an inbound reply is engagement
 * like a click on an outbound message); filter the rows first to learn from one purpose only.
 *
 * **Empirical Bayes.** With `prior: 'empirical'` each channel's (α₀, β₀) maximises the
 * beta-binomial marginal likelihood Σ ln B(α₀ + sᵢ, β₀ + nᵢ − sᵢ) − ln B(α₀, β₀) over every
 * customer with contacts on the channel (Casella 1985), on the weighted but *undecayed* counts:
 * the prior describes the population's long-run rates, decay then weighs each customer's own
 * recent evidence. Channels with fewer than `empiricalMinCustomers` (20) such customers fall back
 * to Beta(1, 1). The fit
 * is in log space (log-gamma) and ends on its search box, never at a non-finite value, when the
 * maximum is unbounded (no over-dispersion, or no engagement at all).
 *
 * **Ranking.** Stated channels that pass the filters come first, in the customer's order; then
 * channels with evidence ≥ `minEvidence` (`inferred`) by score, ties (scores within a relative
 * 1e-12, so that rounding never decides) broken by the most recent positive outcome, then
 * business order; then the rest (`default`) in business order, because a
 * score without evidence would be a guess.
 *
 * Edge cases: no interactions → every customer named in the options gets its stated and default
 * channels; a customer with every channel blocked → `channels: []`. Output: customers by id in
 * code-unit order (every customer in the interactions, consents, stated preferences or
 * reachability); priors in business order. Runs in O(n + C·K·log K) for n interactions, C customers
 * and K channels, plus the prior fit over the distinct (s, n) pairs.
 *
 * @param interactions - Interaction rows (validated with `InteractionSchema`; ids must be unique).
 * @param options - `asOf` (required) and the options above.
 * @returns The ranked channels of every customer and the prior of every channel.
 * @throws {@link RelmarkError} `invalid_input` listing every bad row and option with its path
 *   (`['interactions', 12, 'at']`, `['consents', 'c1', 0, 'status']`); `duplicate_id` when the only
 *   problem is repeated interaction ids; `future_date` when the only problem is interactions after
 *   `asOf`; `invalid_options` when only options are wrong; `not_converged` if the empirical-Bayes
 *   fit fails (details carry its diagnostics).
 *
 * @example
 * ```ts
 * import { channelPreferences } from 'relmark/channels';
 * const at = '2024-05-01T10:00:00Z';
 * const result = channelPreferences(
 *   [
 *     { id: 1, customerId: 'c1', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at },
 *     { id: 2, customerId: 'c1', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at },
 *     { id: 3, customerId: 'c1', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'delivered', at },
 *     { id: 4, customerId: 'c1', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'delivered', at },
 *   ],
 *   {
 *     asOf: at,
 *     prior: { alpha: 1, beta: 1 },
 *     consentDefault: 'allow',
 *     consents: { c1: [{ channel: 'push', purpose: 'marketing', status: 'withdrawn', at: '2024-01-01' }] },
 *   },
 * );
 * result.customers[0]?.channels.map((c) => [c.channel, c.source, c.score]);
 * //=> [['email', 'inferred', 0.75], ['sms', 'inferred', 0.25]]
 * result.customers[0]?.blocked;
 * //=> [{ channel: 'push', reason: 'consent_withdrawn' }]
 * ```
 * @category Channels
 * @see {@link channelPreferencesUnchecked} for validated, columnar input.
 */
export function channelPreferences(interactions: readonly InteractionInput[], options: ChannelPreferencesOptions): ChannelPreferences {
  const parsed = parseChannelCall('channelPreferences', OptionsSchema, interactions, options);
  return channelPreferencesUnchecked(parsed.columns, parsed.options as ChannelPreferencesUncheckedOptions);
}

/**
 * {@link channelPreferences} without validation, on {@link InteractionColumns}: the fast path for
 * large, already validated data (a million interactions).
 *
 * @remarks
 * Preconditions: every instant at or before `asOf`; options within their documented domains;
 * consents with `Date` instants. If they are violated the result is unspecified, but the call
 * never mutates its input. Same ranking, order and complexity as {@link channelPreferences}.
 * @param columns - The interactions as columns (see {@link toInteractionColumns}).
 * @param options - As for {@link channelPreferences}, with `asOf` a `Date` or epoch milliseconds.
 * @returns The ranked channels of every customer and the prior of every channel.
 * @throws {@link RelmarkError} `not_converged` if the empirical-Bayes fit fails.
 * @example
 * ```ts
 * import { channelPreferencesUnchecked } from 'relmark/channels';
 * const result = channelPreferencesUnchecked(
 *   {
 *     customerIds: ['a'],
 *     channels: ['email'],
 *     customer: Uint32Array.of(0, 0),
 *     channel: Uint16Array.of(0, 0),
 *     outcome: Uint8Array.of(3, 1), // clicked, delivered (indices into outcomeCodes)
 *     at: Float64Array.of(0, 0),
 *   },
 *   { asOf: 0, prior: { alpha: 1, beta: 1 }, purpose: 'service' },
 * );
 * result.customers[0]?.channels[0]?.score;
 * //=> 0.5
 * ```
 * @category Channels
 */
export function channelPreferencesUnchecked(
  columns: InteractionColumns,
  options: ChannelPreferencesUncheckedOptions,
): ChannelPreferences {
  const asOfMs = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  const halfLifeDays = options.halfLifeDays ?? 90;
  const minEvidence = options.minEvidence ?? 2;
  const credibleLevel = options.credibleLevel ?? 0.9;
  const purpose = options.purpose ?? 'marketing';
  const consentDefault = options.consentDefault ?? (purpose === 'marketing' || purpose === 'feedback' ? 'deny' : 'allow');
  const consents = options.consents ?? {};
  const stated = options.statedPreferences ?? {};
  const reachability = options.reachability;
  const { positive, negative } = resolveOutcomeWeights(options.positiveOutcomes, options.negativeOutcomes);

  // Object.keys once per record: enumerating a record of 100,000 customers is not free.
  const consentIds = Object.keys(consents);
  const statedIds = Object.keys(stated);
  const reachabilityIds = reachability === undefined ? [] : Object.keys(reachability);
  const channels = options.channels ?? defaultChannelOrder();
  function defaultChannelOrder(): Channel[] {
    const names = new Set<Channel>(columns.channels);
    for (const id of statedIds) for (const name of stated[id] as readonly Channel[]) names.add(name);
    for (const id of reachabilityIds) for (const name of (reachability as Record<string, readonly Channel[]>)[id] as readonly Channel[]) names.add(name);
    for (const id of consentIds) for (const event of consents[id] as readonly ChannelConsent[]) if (event.purpose === purpose) names.add(event.channel);
    return businessOrder(names);
  }
  const channelRank = new Map(channels.map((channel, index) => [channel, index]));
  const J = channels.length;
  const columnToChannel = Int32Array.from(columns.channels, (channel) => channelRank.get(channel) ?? -1);

  // Per (customer, channel): decayed engagement and evidence, undecayed ones for the prior fit,
  // and the latest positive outcome.
  const C = columns.customerIds.length;
  // Interleaved, one record of `stride` numbers per cell, so that a row touches one cache line.
  const cells = new Float64Array(C * J * stride);
  for (let cell = 0; cell < C * J; cell++) cells[cell * stride + lastField] = Number.NEGATIVE_INFINITY;
  const decayPerMs = Number.isFinite(halfLifeDays) ? Math.LN2 / (halfLifeDays * msPerDay) : 0;
  const { customer, channel, outcome, at } = columns;
  for (let i = 0; i < at.length; i++) {
    const j = columnToChannel[channel[i] as number] as number;
    if (j < 0) continue;
    const o = outcome[i] as number;
    const up = positive[o] as number;
    const down = negative[o] as number;
    if (up === 0 && down === 0) continue;
    const time = at[i] as number;
    const decay = decayPerMs === 0 ? 1 : Math.exp(-decayPerMs * (asOfMs - time));
    const base = ((customer[i] as number) * J + j) * stride;
    if (up > 0) {
      cells[base + engagementField] = (cells[base + engagementField] as number) + up * decay;
      cells[base + evidenceField] = (cells[base + evidenceField] as number) + up * decay;
      cells[base + rawEngagementField] = (cells[base + rawEngagementField] as number) + up;
      cells[base + rawEvidenceField] = (cells[base + rawEvidenceField] as number) + up;
      if (time > (cells[base + lastField] as number)) cells[base + lastField] = time;
    } else {
      cells[base + evidenceField] = (cells[base + evidenceField] as number) + down * decay;
      cells[base + rawEvidenceField] = (cells[base + rawEvidenceField] as number) + down;
    }
  }

  const priors = channels.map((name, j) => channelPrior(name, j, J, C, options.prior ?? 'empirical', options.empiricalMinCustomers ?? 20, cells));
  const lowerLevel = (1 - credibleLevel) / 2;
  const upperLevel = (1 + credibleLevel) / 2;
  // The interval of a customer without evidence is the prior's: computed once per channel.
  const priorIntervals = new Float64Array(2 * J);
  priors.forEach((prior, j) => {
    const logBetaAB = logBeta(prior.alpha, prior.beta);
    priorIntervals[2 * j] = betaQuantileGivenLogBeta(lowerLevel, prior.alpha, prior.beta, logBetaAB);
    priorIntervals[2 * j + 1] = betaQuantileGivenLogBeta(upperLevel, prior.alpha, prior.beta, logBetaAB);
  });

  const columnIndex = new Map(columns.customerIds.map((id, index) => [id, index]));
  const allIds = [...columns.customerIds];
  for (const keys of [consentIds, statedIds, reachabilityIds]) {
    for (const id of keys) {
      if (!columnIndex.has(id)) {
        columnIndex.set(id, -1);
        allIds.push(id);
      }
    }
  }
  const sortedIds = allIds.sort(compareIds);

  const customers: CustomerChannelPreference[] = new Array(sortedIds.length);
  const scoreOf = (c: number, j: number, source: ChannelScore['source'], reason: string): ChannelScore => {
    const prior = priors[j] as ChannelPrior;
    const base = (c * J + j) * stride;
    const n = c < 0 ? 0 : (cells[base + evidenceField] as number);
    const s = c < 0 ? 0 : (cells[base + engagementField] as number);
    const alpha = prior.alpha + s;
    const beta = prior.beta + Math.max(0, n - s);
    const score = alpha / (alpha + beta);
    let lower: number;
    let upper: number;
    if (n === 0) {
      lower = priorIntervals[2 * j] as number;
      upper = priorIntervals[2 * j + 1] as number;
    } else {
      const logBetaAB = logBeta(alpha, beta);
      lower = betaQuantileGivenLogBeta(lowerLevel, alpha, beta, logBetaAB);
      upper = betaQuantileGivenLogBeta(upperLevel, alpha, beta, logBetaAB);
    }
    const last = c < 0 ? Number.NEGATIVE_INFINITY : (cells[base + lastField] as number);
    return {
      channel: channels[j] as Channel,
      source,
      score,
      lower: Math.min(lower, score),
      upper: Math.max(upper, score),
      evidence: n,
      alpha,
      beta,
      lastEngagedAt: last === Number.NEGATIVE_INFINITY ? null : new Date(last),
      reason,
    };
  };
  // One frozen entry per (channel, reason), shared by every customer it applies to: a hundred
  // thousand customers would otherwise allocate hundreds of thousands of identical objects.
  const blockedEntries = channels.flatMap((name) =>
    (['consent_withdrawn', 'no_consent', 'unreachable'] as const).map((reason): BlockedChannel => Object.freeze({ channel: name, reason })),
  );
  // Scratch lists, reused for every customer to spare the garbage collector.
  const statedEntries: ChannelScore[] = [];
  const inferred: ChannelScore[] = [];
  const fallback: ChannelScore[] = [];
  for (let index = 0; index < sortedIds.length; index++) {
    const customerId = sortedIds[index] as string;
    const c = columnIndex.get(customerId) ?? -1;
    const history = ownEntry(consents, customerId);
    const reachable = reachability === undefined ? undefined : (ownEntry(reachability, customerId) ?? []);
    const statedList = ownEntry(stated, customerId) ?? [];
    const blocked: BlockedChannel[] = [];
    statedEntries.length = 0;
    inferred.length = 0;
    fallback.length = 0;
    for (let j = 0; j < J; j++) {
      const name = channels[j] as Channel;
      const status = history === undefined || history.length === 0 ? 'none' : consentStatus(history, name, purpose);
      if (status === 'withdrawn') blocked.push(blockedEntries[3 * j] as BlockedChannel);
      else if (status === 'none' && consentDefault === 'deny') blocked.push(blockedEntries[3 * j + 1] as BlockedChannel);
      else if (reachable !== undefined && !reachable.includes(name)) blocked.push(blockedEntries[3 * j + 2] as BlockedChannel);
      else if (statedList.includes(name)) statedEntries.push(scoreOf(c, j, 'stated', 'stated preference'));
      else {
        const n = c < 0 ? 0 : (cells[(c * J + j) * stride + evidenceField] as number);
        if (n >= minEvidence) inferred.push(scoreOf(c, j, 'inferred', 'inferred from engagement'));
        else fallback.push(scoreOf(c, j, 'default', n === 0 ? 'no evidence: business order' : 'too little evidence: business order'));
      }
    }
    // Stated in the customer's order; inferred by score, latest engagement, business order; the
    // rest already in business order (j runs in business order).
    if (statedEntries.length > 1) statedEntries.sort((x, y) => statedList.indexOf(x.channel) - statedList.indexOf(y.channel));
    if (inferred.length > 1) {
      inferred.sort(
        (x, y) =>
          compareScores(x.score, y.score) ||
          compareLatest(x.lastEngagedAt?.getTime(), y.lastEngagedAt?.getTime()) ||
          (channelRank.get(x.channel) as number) - (channelRank.get(y.channel) as number),
      );
    }
    const ranked: ChannelScore[] = [];
    for (const entry of statedEntries) ranked.push(entry);
    for (const entry of inferred) ranked.push(entry);
    for (const entry of fallback) ranked.push(entry);
    customers[index] = { customerId, channels: ranked, blocked };
  }

  return { customers, priors };
}

// Higher first. Scores within a relative 1e-12 tie: the order in which floating-point sums were
// added (the interactions' order) must not decide a ranking.
function compareScores(x: number, y: number): number {
  return Math.abs(y - x) <= 1e-12 * Math.max(x, y) ? 0 : y - x;
}

// Later first; a missing engagement (undefined) comes after any date, and two missing ones tie.
function compareLatest(x: number | undefined, y: number | undefined): number {
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return y - x;
}

function channelPrior(
  channel: Channel,
  j: number,
  J: number,
  C: number,
  prior: BetaPrior | 'empirical',
  minCustomers: number,
  cells: Float64Array,
): ChannelPrior {
  const successes = new Float64Array(C);
  const trials = new Float64Array(C);
  let customers = 0;
  for (let c = 0; c < C; c++) {
    successes[c] = cells[(c * J + j) * stride + rawEngagementField] as number;
    trials[c] = cells[(c * J + j) * stride + rawEvidenceField] as number;
    if ((trials[c] as number) > 0) customers++;
  }
  if (prior !== 'empirical') return { channel, alpha: prior.alpha, beta: prior.beta, method: 'fixed', customers };
  const fit = fitBetaBinomialPrior(successes, trials, minCustomers);
  return { channel, alpha: fit.alpha, beta: fit.beta, method: fit.method, customers };
}

function resolveOutcomeWeights(
  positiveOutcomes: OutcomeWeights | undefined,
  negativeOutcomes: OutcomeWeights | undefined,
): { positive: Float64Array; negative: Float64Array } {
  const up = positiveOutcomes ?? defaultPositiveOutcomes;
  const down = negativeOutcomes ?? defaultNegativeOutcomes;
  const positive = Float64Array.from(outcomeCodes, (code) => up[code] ?? 0);
  // An outcome made positive by the caller leaves the default negatives.
  const negative = Float64Array.from(outcomeCodes, (code) =>
    negativeOutcomes === undefined && positiveOutcomes !== undefined && Object.hasOwn(positiveOutcomes, code) ? 0 : (down[code] ?? 0),
  );
  return { positive, negative };
}


// An own property only: a customer id such as "constructor" must not reach Object.prototype.
function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
