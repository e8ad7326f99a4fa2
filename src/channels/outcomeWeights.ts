import type { Outcome } from '../models/channel.js';

/** How much evidence each outcome carries; outcomes not listed carry none. @category Channels */
export type OutcomeWeights = Readonly<Partial<Record<Outcome, number>>>;

/**
 * The default weights of positive outcomes: each counts as `weight` contacts that all engaged.
 *
 * @remarks
 * Clicks, replies (`responded`) and conversions are full evidence. Opens count a quarter: mail
 * privacy features (Apple Mail Privacy Protection, image proxies) fire opens without a reader,
 * so an open is weak evidence. A positive outcome adds the same weight to engagement and to
 * evidence, which is why adding one can never lower a channel's score.
 * @example
 * ```ts
 * import { defaultPositiveOutcomes } from 'relmark/channels';
 * defaultPositiveOutcomes;
 * //=> { opened: 0.25, clicked: 1, responded: 1, converted: 1 }
 * ```
 * @category Channels
 */
export const defaultPositiveOutcomes: OutcomeWeights = Object.freeze({ opened: 0.25, clicked: 1, responded: 1, converted: 1 });

/**
 * The default weights of negative outcomes: each counts as `weight` contacts without engagement.
 *
 * @remarks
 * A message that was only sent or delivered is one contact that did not engage. A complaint or an
 * unsubscribe counts three. Bounces count nothing: they say the address is bad, which is
 * reachability's business, not the customer's preference. Each row is read as one contact with
 * its furthest outcome; a log with one row per stage of the same message (sent, then delivered,
 * then clicked) counts that message several times.
 * @example
 * ```ts
 * import { defaultNegativeOutcomes } from 'relmark/channels';
 * defaultNegativeOutcomes;
 * //=> { sent: 1, delivered: 1, bounced: 0, complained: 3, unsubscribed: 3 }
 * ```
 * @category Channels
 */
export const defaultNegativeOutcomes: OutcomeWeights = Object.freeze({ sent: 1, delivered: 1, bounced: 0, complained: 3, unsubscribed: 3 });
