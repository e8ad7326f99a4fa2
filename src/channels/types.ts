import type { Channel } from '../models/channel.js';

/**
 * Where a channel's place in a customer's ranking comes from.
 *
 * - `stated`: the customer asked for this channel (ranked first, in the customer's order).
 * - `inferred`: enough behaviour to rank it by its engagement score.
 * - `default`: too little evidence (below `minEvidence`); ranked last, in business order, not guessed.
 * @category Channels
 */
export type PreferenceSource = 'stated' | 'inferred' | 'default';

/**
 * One permitted channel of a customer, with its engagement score and credible interval.
 *
 * @remarks
 * `score` is the posterior mean of the customer's engagement rate on the channel,
 * α / (α + β) with α = α₀ + engagement and β = β₀ + (evidence − engagement), where (α₀, β₀) is the
 * channel's prior; `lower` and `upper` are the equal-tailed credible interval of that Beta
 * posterior (widened to contain `score` when the posterior is so skewed that it would not).
 * @category Channels
 */
export interface ChannelScore {
  readonly channel: Channel;
  readonly source: PreferenceSource;
  /** Posterior mean engagement rate, in [0, 1]. */
  readonly score: number;
  /** Lower end of the credible interval (`credibleLevel`, equal-tailed). */
  readonly lower: number;
  /** Upper end of the credible interval. */
  readonly upper: number;
  /** Effective number of contacts on the channel: outcome-weighted and decayed. */
  readonly evidence: number;
  /** The Beta posterior's first shape parameter (prior α + weighted, decayed engagements). */
  readonly alpha: number;
  /** The Beta posterior's second shape parameter (prior β + weighted, decayed non-engagements). */
  readonly beta: number;
  /** The latest positive outcome on the channel, or `null` if there was none. */
  readonly lastEngagedAt: Date | null;
  /** A short, human-readable reason for the channel's place. */
  readonly reason: string;
}

/**
 * Why a channel is not in a customer's ranking.
 *
 * - `consent_withdrawn`: the latest consent event for the purpose withdrew it.
 * - `no_consent`: no consent event for the purpose, and the purpose needs an explicit grant.
 * - `unreachable`: no verified address, number or token for it (see `reachability`).
 * @category Channels
 */
export type BlockedReason = 'consent_withdrawn' | 'no_consent' | 'unreachable';

/** A channel that a hard filter removed, with the first filter that removed it. @category Channels */
export interface BlockedChannel {
  readonly channel: Channel;
  readonly reason: BlockedReason;
}

/** One customer's ranked, permitted channels and the channels that were filtered out. @category Channels */
export interface CustomerChannelPreference {
  readonly customerId: string;
  /** Permitted channels, best first: stated, then inferred by score, then default in business order. */
  readonly channels: readonly ChannelScore[];
  /** Channels removed by consent or reachability, in business order. */
  readonly blocked: readonly BlockedChannel[];
}

/** The Beta prior used for one channel. @category Channels */
export interface ChannelPrior {
  readonly channel: Channel;
  readonly alpha: number;
  readonly beta: number;
  /**
   * `fixed`: given in the options; `empirical`: fitted to the population by maximising the
   * beta-binomial marginal likelihood; `fallback`: `empirical` was asked but fewer than
   * `empiricalMinCustomers` customers had contacts on the channel, so Beta(1, 1) was used.
   */
  readonly method: 'fixed' | 'empirical' | 'fallback';
  /** Customers with at least one weighted contact on the channel. */
  readonly customers: number;
}

/** The result of `channelPreferences`. @category Channels */
export interface ChannelPreferences {
  /** One entry per customer, by customer id in code-unit order. */
  readonly customers: readonly CustomerChannelPreference[];
  /** One prior per ranked channel, in business order. */
  readonly priors: readonly ChannelPrior[];
}
