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

// Output of `npx tsx examples/channels.ts`:
//
// Priors (empirical Bayes per channel):
// ┌─────────┬─────────┬────────────┬─────────┬─────────┬───────────┐
// │ (index) │ channel │ method     │ alpha   │ beta    │ customers │
// ├─────────┼─────────┼────────────┼─────────┼─────────┼───────────┤
// │ 0       │ 'email' │ 'fallback' │ '1.000' │ '1.000' │ 2         │
// │ 1       │ 'sms'   │ 'fallback' │ '1.000' │ '1.000' │ 2         │
// │ 2       │ 'phone' │ 'fallback' │ '1.000' │ '1.000' │ 0         │
// │ 3       │ 'push'  │ 'fallback' │ '1.000' │ '1.000' │ 0         │
// └─────────┴─────────┴────────────┴─────────┴─────────┴───────────┘
//
// ada: ranked channels
// ┌─────────┬─────────┬────────────┬─────────┬──────────────────┬──────────┬────────────────────────────┐
// │ (index) │ channel │ source     │ score   │ interval         │ evidence │ reason                     │
// ├─────────┼─────────┼────────────┼─────────┼──────────────────┼──────────┼────────────────────────────┤
// │ 0       │ 'email' │ 'inferred' │ '0.656' │ '[0.319, 0.924]' │ '3.54'   │ 'inferred from engagement' │
// │ 1       │ 'sms'   │ 'inferred' │ '0.216' │ '[0.014, 0.562]' │ '2.62'   │ 'inferred from engagement' │
// └─────────┴─────────┴────────────┴─────────┴──────────────────┴──────────┴────────────────────────────┘
//   blocked: phone (no_consent), push (no_consent)
//   best: email; Thompson (seed 2024): email
//
// bo: ranked channels
// ┌─────────┬─────────┬───────────┬─────────┬──────────────────┬──────────┬───────────────────────────────────────┐
// │ (index) │ channel │ source    │ score   │ interval         │ evidence │ reason                                │
// ├─────────┼─────────┼───────────┼─────────┼──────────────────┼──────────┼───────────────────────────────────────┤
// │ 0       │ 'push'  │ 'stated'  │ '0.500' │ '[0.050, 0.950]' │ '0.00'   │ 'stated preference'                   │
// │ 1       │ 'email' │ 'default' │ '0.392' │ '[0.047, 0.824]' │ '1.08'   │ 'too little evidence: business order' │
// └─────────┴─────────┴───────────┴─────────┴──────────────────┴──────────┴───────────────────────────────────────┘
//   blocked: sms (no_consent), phone (no_consent)
//   best: push; Thompson (seed 2024): push
//
// cy: ranked channels
// ┌─────────┐
// │ (index) │
// ├─────────┤
// └─────────┘
//   blocked: email (no_consent), sms (consent_withdrawn), phone (no_consent), push (no_consent)
//   best: none; Thompson (seed 2024): none
//
// Campaign mix:
// {
//   customers: 3,
//   unreachable: 1,
//   channels: [
//     {
//       channel: 'email',
//       first: 1,
//       share: 0.3333333333333333,
//       permitted: 2
//     },
//     {
//       channel: 'push',
//       first: 1,
//       share: 0.3333333333333333,
//       permitted: 1
//     },
//     { channel: 'sms', first: 0, share: 0, permitted: 1 }
//   ]
// }
//
// Best send time (local):
// ┌─────────┬──────────┬────────────────────┬───────────┬──────┬──────────┐
// │ (index) │ customer │ zone               │ day       │ hour │ evidence │
// ├─────────┼──────────┼────────────────────┼───────────┼──────┼──────────┤
// │ 0       │ 'ada'    │ 'Europe/London'    │ 'monday'  │ 9    │ '2.63'   │
// │ 1       │ 'bo'     │ 'America/New_York' │ 'tuesday' │ 19   │ '0.21'   │
// │ 2       │ 'cy'     │ 'Europe/Paris'     │ 'monday'  │ 18   │ '0.28'   │
// └─────────┴──────────┴────────────────────┴───────────┴──────┴──────────┘
