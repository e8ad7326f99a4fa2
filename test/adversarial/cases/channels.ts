import {
  channelContextFromCustomers,
  channelMix,
  channelPreferences,
  chooseChannel,
  consentStatus,
  reachableChannels,
  sendTimePreference,
} from '../../../src/channels/index.js';
import type { SweepCase } from '../run.js';

const asOf = '2024-05-01T10:00:00Z';
const interactions = () => [
  { id: 1, customerId: 'c1', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at: asOf },
  { id: 2, customerId: 'c1', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'clicked', at: '2024-04-01T08:00:00Z' },
  { id: 3, customerId: 'c1', channel: 'sms', direction: 'outbound', purpose: 'marketing', outcome: 'delivered', at: '2024-03-01T20:00:00Z' },
  { id: 4, customerId: 'c2', channel: 'sms', direction: 'inbound', purpose: 'marketing', outcome: 'responded', at: '2024-04-20T12:00:00Z' },
];
const score = { score: 0.5, lower: 0.1, upper: 0.9, evidence: 0, alpha: 1, beta: 1, lastEngagedAt: null, reason: '' };

export const channelsCases: readonly SweepCase[] = [
  {
    area: 'channels',
    name: 'channelPreferences',
    args: () => [
      interactions(),
      {
        asOf,
        prior: { alpha: 1, beta: 1 },
        consentDefault: 'allow',
        consents: { c1: [{ channel: 'push', purpose: 'marketing', status: 'withdrawn', at: '2024-01-01' }] },
        statedPreferences: { c2: ['sms'] },
        reachability: { c1: ['email', 'sms', 'push'], c2: ['sms'] },
      },
    ],
    call: (rows, options) => channelPreferences(rows as never, options as never),
  },
  {
    area: 'channels',
    name: 'channelPreferences (empirical prior)',
    args: () => [interactions(), { asOf, prior: 'empirical', empiricalMinCustomers: 2, consentDefault: 'allow', halfLifeDays: 30 }],
    call: (rows, options) => channelPreferences(rows as never, options as never),
  },
  {
    area: 'channels',
    name: 'chooseChannel',
    args: () => [[{ channel: 'email', source: 'inferred', alpha: 9, beta: 3 }, { channel: 'sms', source: 'default', alpha: 1, beta: 1 }], { strategy: 'thompson', seed: 42, exclude: ['push'] }],
    call: (ranking, options) => chooseChannel(ranking as never, options as never),
  },
  {
    area: 'channels',
    name: 'channelMix',
    args: () => [[
      { customerId: 'a', channels: [{ channel: 'sms', source: 'stated', ...score }, { channel: 'email', source: 'default', ...score }], blocked: [] },
      { customerId: 'c', channels: [], blocked: [{ channel: 'email', reason: 'no_consent' }] },
    ]],
    call: (preferences) => channelMix(preferences as never),
  },
  {
    area: 'channels',
    name: 'consentStatus',
    args: () => [[{ channel: 'sms', purpose: 'marketing', status: 'granted', at: new Date('2024-01-01') }, { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: new Date('2024-03-01') }], 'sms', 'marketing'],
    call: (consents, channel, purpose) => consentStatus(consents as never, channel as never, purpose as never),
  },
  {
    area: 'channels',
    name: 'reachableChannels',
    args: () => [{ email: 'a@example.com', emailVerified: true, phone: '+441234567890', pushTokens: ['t'] }, { requireVerified: false }],
    call: (points, options) => reachableChannels(points as never, options as never),
  },
  {
    area: 'channels',
    name: 'channelContextFromCustomers',
    args: () => [[{ id: 'c1', email: 'a@example.com', emailVerified: true, timeZone: 'Europe/London', statedPreferences: ['email'] }, { id: 'c2', phone: '+441234567890', phoneVerified: true }], {}],
    call: (customers, options) => channelContextFromCustomers(customers as never, options as never),
  },
  {
    area: 'channels',
    name: 'sendTimePreference',
    args: () => [interactions(), { asOf, timeZone: { c1: 'Europe/Paris' }, defaultTimeZone: 'America/New_York' }],
    call: (rows, options) => sendTimePreference(rows as never, options as never),
  },
];
