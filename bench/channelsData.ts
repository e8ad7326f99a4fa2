import { createRandom } from '../src/internal/random.js';
import type { InteractionColumns } from '../src/channels/index.js';
import type { ChannelConsent } from '../src/models/index.js';

/** The benchmark's channels. */
export const benchChannels = ['email', 'sms', 'push', 'phone', 'web'] as const;

/**
 * Seeded synthetic interactions as columns: each customer has a hidden engagement rate per channel
 * (Beta(1, 4)), and each row is a contact over the year before asOf whose outcome is clicked
 * (probability rate), opened (0.3 of the rest) or delivered.
 */
export function benchInteractionColumns(rows: number, customers: number, seed = 20241123): InteractionColumns {
  const random = createRandom(seed);
  const asOf = Date.UTC(2024, 11, 31);
  const rates = new Float64Array(customers * benchChannels.length);
  for (let i = 0; i < rates.length; i++) {
    // Beta(1, 4) by inversion: 1 − (1 − u)^(1/4).
    rates[i] = 1 - Math.pow(1 - random(), 1 / 4);
  }
  const customer = new Uint32Array(rows);
  const channel = new Uint16Array(rows);
  const outcome = new Uint8Array(rows);
  const at = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(random() * customers);
    const k = Math.floor(random() * benchChannels.length);
    customer[i] = c;
    channel[i] = k;
    const u = random();
    const rate = rates[c * benchChannels.length + k] as number;
    outcome[i] = u < rate ? 3 : random() < 0.3 ? 2 : 1; // clicked, opened, delivered
    at[i] = asOf - Math.floor(random() * 365 * 86_400_000);
  }
  const customerIds = Array.from({ length: customers }, (_, c) => `c${String(c).padStart(6, '0')}`);
  return { customerIds, channels: [...benchChannels], customer, channel, outcome, at };
}

/** The benchmark's asOf. */
export const benchAsOf = new Date(Date.UTC(2024, 11, 31));

/** Seeded consent histories: every customer granted email and sms; a fifth withdrew sms later. */
export function benchConsents(customerIds: readonly string[], seed = 7): Record<string, ChannelConsent[]> {
  const random = createRandom(seed);
  const consents: Record<string, ChannelConsent[]> = {};
  for (const id of customerIds) {
    const list: ChannelConsent[] = [
      { channel: 'email', purpose: 'marketing', status: 'granted', at: new Date(Date.UTC(2023, 0, 1)) },
      { channel: 'sms', purpose: 'marketing', status: 'granted', at: new Date(Date.UTC(2023, 0, 1)) },
      { channel: 'push', purpose: 'marketing', status: 'granted', at: new Date(Date.UTC(2023, 0, 1)) },
    ];
    if (random() < 0.2) list.push({ channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: new Date(Date.UTC(2024, 5, 1)) });
    consents[id] = list;
  }
  return consents;
}
