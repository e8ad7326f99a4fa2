import { bench, describe } from 'vitest';
import {
  channelPreferences,
  channelPreferencesUnchecked,
  sendTimePreferenceUnchecked,
  toInteractionColumns,
} from '../src/channels/index.js';
import type { Interaction } from '../src/models/index.js';
import { benchAsOf, benchConsents, benchInteractionColumns } from './channelsData.js';

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
