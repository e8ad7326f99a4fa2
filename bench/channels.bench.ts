import { bench, describe } from 'vitest';
import {
  channelPreferences,
  channelPreferencesUnchecked,
  type InteractionColumns,
  sendTimePreferenceUnchecked,
  toInteractionColumns,
} from '../src/channels/index.js';
import { createRandom } from '../src/internal/random.js';
import type { ChannelConsent, Interaction } from '../src/models/index.js';

/** The benchmark's channels. */
const benchChannels = ['email', 'sms', 'push', 'phone', 'web'] as const;

/**
 * Seeded synthetic interactions as columns: each customer has a hidden engagement rate per channel
 * (Beta(1, 4)), and each row is a contact over the year before asOf whose outcome is clicked
 * (probability rate), opened (0.3 of the rest) or delivered.
 */
function benchInteractionColumns(rows: number, customers: number, seed = 20241123): InteractionColumns {
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
const benchAsOf = new Date(Date.UTC(2024, 11, 31));

/** Seeded consent histories: every customer granted email and sms; a fifth withdrew sms later. */
function benchConsents(customerIds: readonly string[], seed = 7): Record<string, ChannelConsent[]> {
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

// Issue 6 target: 1,000,000 interactions over 100,000 customers and 5 channels, including the
// empirical-Bayes prior, under 1.5 s. Data is generated once, with a fixed seed.
const million = benchInteractionColumns(1_000_000, 100_000);
const consents = benchConsents(million.customerIds);
const outcomeNames = ['sent', 'delivered', 'opened', 'clicked'] as const;
const toRows = (columns: typeof million, count: number): Interaction[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `i${i}`,
    customerId: columns.customerIds[columns.customer[i] as number] as string,
    channel: columns.channels[columns.channel[i] as number] as string,
    direction: 'outbound' as const,
    purpose: 'marketing' as const,
    outcome: outcomeNames[columns.outcome[i] as number] ?? 'sent',
    at: new Date(columns.at[i] as number),
  }));
const millionRows = toRows(million, 1_000_000);
const small = benchInteractionColumns(100_000, 10_000);
const smallRows = toRows(small, 100_000);

const few = { iterations: 3, warmupIterations: 1, time: 0 };

describe('channelPreferences, 1M interactions, 100k customers, 5 channels', () => {
  bench('channelPreferencesUnchecked, empirical-Bayes prior, no consent records (target < 1.5 s)', () => {
    channelPreferencesUnchecked(million, { asOf: benchAsOf, consentDefault: 'allow' });
  }, few);

  bench('channelPreferencesUnchecked, empirical-Bayes prior, consents for every customer (target < 1.5 s)', () => {
    channelPreferencesUnchecked(million, { asOf: benchAsOf, consents });
  }, few);

  bench('channelPreferencesUnchecked, fixed prior', () => {
    channelPreferencesUnchecked(million, { asOf: benchAsOf, consentDefault: 'allow', prior: { alpha: 1, beta: 4 } });
  }, few);

  bench('toInteractionColumns (validated objects → columns)', () => {
    toInteractionColumns(millionRows);
  }, few);
});

describe('channelPreferences with validation (zod at the boundary)', () => {
  bench('channelPreferences, 100k interactions, 10k customers', () => {
    channelPreferences(smallRows, { asOf: benchAsOf, consentDefault: 'allow' });
  }, few);

  bench('channelPreferences, 1M interactions, 100k customers', () => {
    channelPreferences(millionRows, { asOf: benchAsOf, consentDefault: 'allow' });
  }, { iterations: 1, warmupIterations: 0, time: 0 });
});

describe('sendTimePreference, 1M interactions, 100k customers', () => {
  bench('sendTimePreferenceUnchecked, one zone (Europe/Paris)', () => {
    sendTimePreferenceUnchecked(million, { asOf: benchAsOf, timeZone: 'Europe/Paris' });
  }, few);
});
