import type { Channel, Purpose } from '../models/channel.js';

/**
 * Why a candidate was not sent at its requested time (or at all):
 * - `cap`: a frequency cap is full in the window;
 * - `min_gap`: too close to another contact on the channel (or to any contact, for a customer's cadence);
 * - `quiet_hours`: inside the customer's local quiet hours (dropped, or deferred too far);
 * - `no_consent`: no granted consent in force, or a withdrawn one, for the channel and purpose;
 * - `paused`: inside the customer's pause;
 * - `capacity`: the channel's daily capacity is used up;
 * - `lower_priority`: a cap, gap or capacity would have allowed it, but a higher-ranked candidate of
 *   this plan took the room (`rivalId` names that candidate);
 * - `expired`: its `latest` time is before `asOf`;
 * - `after_horizon`: its `earliest` time is after the plan's horizon.
 * @category Contact
 */
export type ContactReason =
  | 'cap'
  | 'min_gap'
  | 'quiet_hours'
  | 'no_consent'
  | 'paused'
  | 'capacity'
  | 'lower_priority'
  | 'expired'
  | 'after_horizon';

/** The fields every plan outcome repeats from its candidate. @category Contact */
export interface PlannedCandidate {
  readonly candidateId: string;
  readonly customerId: string;
  readonly channel: Channel;
  readonly purpose: Purpose;
}

/** A decision with the rule that made it: `rule` is a cap's id or a policy path (`minGaps[0]`). @category Contact */
export interface ContactDecision {
  readonly reason: ContactReason;
  readonly rule: string;
  /** For `lower_priority`: the higher-ranked scheduled candidate that took the room. */
  readonly rivalId?: string;
}

/**
 * A candidate that will be sent at `at`. `requestedAt` is when it asked to go (its `earliest`, or
 * `asOf`); when a rule moved it later, `movedBy` names the last rule that did.
 * @category Contact
 */
export interface ScheduledContact extends PlannedCandidate {
  readonly at: Date;
  readonly requestedAt: Date;
  readonly movedBy?: ContactDecision;
}

/**
 * A candidate that found no allowed time within the horizon but may still be sent after it (its
 * `latest` lies beyond the horizon): propose it again in the next plan, from `notBefore` on.
 * @category Contact
 */
export interface DeferredContact extends PlannedCandidate, ContactDecision {
  readonly notBefore: Date;
}

/** A candidate that will not be sent, with the reason and the deciding rule. @category Contact */
export interface SuppressedContact extends PlannedCandidate, ContactDecision {}

/**
 * The result of {@link planContacts}: every candidate appears in exactly one list, each list in rank
 * order (exempt purposes first, then priority desc, expected value desc, earliest asc, candidate id
 * in code-unit order).
 * @category Contact
 */
export interface ContactPlan {
  readonly scheduled: ScheduledContact[];
  readonly deferred: DeferredContact[];
  readonly suppressed: SuppressedContact[];
}
