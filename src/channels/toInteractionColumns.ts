import { type Channel, type Outcome, OutcomeSchema } from '../models/channel.js';
import type { Interaction } from '../models/interaction.js';

/**
 * The outcomes in the order that {@link InteractionColumns}' `outcome` column indexes.
 * @example
 * ```ts
 * import { outcomeCodes } from 'relmark/channels';
 * outcomeCodes.indexOf('clicked');
 * //=> 3
 * ```
 * @category Channels
 */
export const outcomeCodes: readonly Outcome[] = OutcomeSchema.options;

/**
 * Interactions as columns (a dictionary-encoded, typed-array layout) for the fast paths of
 * `channelPreferencesUnchecked` and `sendTimePreferenceUnchecked`.
 *
 * @remarks
 * Row `i` is customer `customerIds[customer[i]]`, channel `channels[channel[i]]`, outcome
 * `outcomeCodes[outcome[i]]`, at epoch milliseconds `at[i]`. All four columns have the same length.
 * @category Channels
 */
export interface InteractionColumns {
  /** The distinct customer ids (any order). */
  readonly customerIds: readonly string[];
  /** The distinct channels (any order). */
  readonly channels: readonly Channel[];
  /** Per row, an index into `customerIds`. */
  readonly customer: Uint32Array;
  /** Per row, an index into `channels`. */
  readonly channel: Uint16Array;
  /** Per row, an index into {@link outcomeCodes}. */
  readonly outcome: Uint8Array;
  /** Per row, the instant in epoch milliseconds (UTC). */
  readonly at: Float64Array;
}

/**
 * Turns validated interactions into {@link InteractionColumns}.
 *
 * @remarks
 * Customer ids and channels are numbered in order of first appearance. Runs in O(n); the input is
 * not mutated.
 * @param interactions - Validated interactions (for example `parseBatch(InteractionSchema, rows).valid`).
 * @returns The columns.
 * @example
 * ```ts
 * import { toInteractionColumns } from 'relmark/channels';
 * const columns = toInteractionColumns([
 *   { id: '1', customerId: 'a', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at: new Date(0) },
 *   { id: '2', customerId: 'b', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'sent', at: new Date(1000) },
 * ]);
 * [columns.customerIds, columns.channels, [...columns.customer], [...columns.outcome]];
 * //=> [['a', 'b'], ['sms'], [0, 1], [3, 0]]
 * ```
 * @category Channels
 */
export function toInteractionColumns(interactions: readonly Interaction[]): InteractionColumns {
  const n = interactions.length;
  const customerIds: string[] = [];
  const channels: Channel[] = [];
  const customerIndex = new Map<string, number>();
  const channelIndex = new Map<string, number>();
  const outcomeIndex = new Map<string, number>(outcomeCodes.map((code, index) => [code, index]));
  const customer = new Uint32Array(n);
  const channel = new Uint16Array(n);
  const outcome = new Uint8Array(n);
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = interactions[i] as Interaction;
    let c = customerIndex.get(row.customerId);
    if (c === undefined) {
      c = customerIds.length;
      customerIds.push(row.customerId);
      customerIndex.set(row.customerId, c);
    }
    let k = channelIndex.get(row.channel);
    if (k === undefined) {
      k = channels.length;
      channels.push(row.channel);
      channelIndex.set(row.channel, k);
    }
    customer[i] = c;
    channel[i] = k;
    outcome[i] = outcomeIndex.get(row.outcome) ?? 0;
    at[i] = row.at.getTime();
  }
  return { customerIds, channels, customer, channel, outcome, at };
}
