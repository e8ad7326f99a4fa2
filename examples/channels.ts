// Channel preference end to end: customers and their interactions → ranked channels, a choice per
// customer, the campaign mix and the best send hour. Run with `npx tsx examples/channels.ts`.
import {
  channelContextFromCustomers,
  channelMix,
  channelPreferences,
  chooseChannel,
  sendTimePreference,
} from 'relmark/channels';
import type { CustomerInput, InteractionInput } from 'relmark/models';

const asOf = '2024-06-30T00:00:00Z';

const customers: CustomerInput[] = [
  {
    id: 'ada',
    email: 'ada@example.com',
    emailVerified: true,
    phone: '+441234567890',
    phoneVerified: true,
    timeZone: 'Europe/London',
    consents: [
      { channel: 'email', purpose: 'marketing', status: 'granted', at: '2023-01-10' },
      { channel: 'sms', purpose: 'marketing', status: 'granted', at: '2023-01-10' },
    ],
  },
  {
    id: 'bo',
    email: 'bo@example.com',
    emailVerified: true,
    pushTokens: [{ platform: 'ios', token: 'tok-bo' }],
    timeZone: 'America/New_York',
    statedPreferences: ['push'],
    consents: [
      { channel: 'email', purpose: 'marketing', status: 'granted', at: '2023-03-01' },
      { channel: 'push', purpose: 'marketing', status: 'granted', at: '2023-03-01' },
    ],
  },
  {
    id: 'cy',
    email: 'cy@example.com', // not verified: email is not reachable
    phone: '+33123456789',
    phoneVerified: true,
    timeZone: 'Europe/Paris',
    consents: [
      { channel: 'sms', purpose: 'marketing', status: 'granted', at: '2023-05-01' },
      { channel: 'sms', purpose: 'marketing', status: 'withdrawn', at: '2024-02-01' },
    ],
  },
];

// A small interaction log: Ada clicks emails and ignores texts; Bo opens emails now and then.
let id = 0;
const log = (customerId: string, channel: string, outcome: InteractionInput['outcome'], at: string): InteractionInput => ({
  id: ++id,
  customerId,
  channel,
  direction: 'outbound',
  purpose: 'marketing',
  outcome,
  at,
});
const interactions: InteractionInput[] = [
  log('ada', 'email', 'clicked', '2024-06-03T08:15:00Z'),
  log('ada', 'email', 'clicked', '2024-06-10T08:40:00Z'),
  log('ada', 'email', 'delivered', '2024-06-17T08:05:00Z'),
  log('ada', 'email', 'clicked', '2024-06-24T08:20:00Z'),
  log('ada', 'sms', 'delivered', '2024-06-05T12:00:00Z'),
  log('ada', 'sms', 'delivered', '2024-06-12T12:00:00Z'),
  log('ada', 'sms', 'delivered', '2024-06-19T12:00:00Z'),
  log('bo', 'email', 'opened', '2024-06-04T23:30:00Z'),
  log('bo', 'email', 'delivered', '2024-06-11T23:30:00Z'),
  log('cy', 'sms', 'clicked', '2024-01-15T17:00:00Z'),
];

const context = channelContextFromCustomers(customers);
const preferences = channelPreferences(interactions, { asOf, ...context });

console.log('Priors (empirical Bayes per channel):');
console.table(preferences.priors.map((p) => ({ channel: p.channel, method: p.method, alpha: p.alpha.toFixed(3), beta: p.beta.toFixed(3), customers: p.customers })));

for (const customer of preferences.customers) {
  console.log(`\n${customer.customerId}: ranked channels`);
  console.table(
    customer.channels.map((c) => ({
      channel: c.channel,
      source: c.source,
      score: c.score.toFixed(3),
      interval: `[${c.lower.toFixed(3)}, ${c.upper.toFixed(3)}]`,
      evidence: c.evidence.toFixed(2),
      reason: c.reason,
    })),
  );
  if (customer.blocked.length > 0) console.log('  blocked:', customer.blocked.map((b) => `${b.channel} (${b.reason})`).join(', '));
  const best = chooseChannel(customer);
  const explore = chooseChannel(customer, { strategy: 'thompson', seed: 2024 });
  console.log(`  best: ${best?.channel ?? 'none'}; Thompson (seed 2024): ${explore?.channel ?? 'none'}`);
}

console.log('\nCampaign mix:');
console.log(channelMix(preferences));

const sendTimes = sendTimePreference(interactions, { asOf, timeZone: context.timeZones });
console.log('\nBest send time (local):');
console.table(sendTimes.customers.map((c) => ({ customer: c.customerId, zone: c.timeZone, day: c.bestDay, hour: c.bestHour, evidence: c.evidence.toFixed(2) })));
