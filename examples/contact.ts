/**
 * relmark/contact: plan a week of messages for three customers in three time zones without
 * bombarding anyone, explain every decision, and list who is overdue for a contact.
 * Run with `npx tsx examples/contact.ts`.
 */
import { contactPressure, overdueCustomers, planContacts, type ContactPolicyInput } from 'relmark/contact';
import type { CustomerInput, InteractionInput } from 'relmark/models';

const asOf = '2024-10-25T16:00:00Z'; // a Friday; Europe leaves summer time on Sunday the 27th
const granted = (channel: string) => ({ channel, purpose: 'marketing' as const, status: 'granted' as const, at: '2024-01-01' });

const customers: CustomerInput[] = [
  { id: 'ada', timeZone: 'Europe/Paris', consents: [granted('email'), granted('sms')], attributes: { segment: 'champions', value: 1200 } },
  { id: 'bo', timeZone: 'America/New_York', consents: [granted('email'), { ...granted('sms'), status: 'withdrawn', at: '2024-06-01' }], attributes: { segment: 'loyal', value: 400 } },
  { id: 'cy', consents: [granted('email'), granted('phone')], attributes: { segment: 'champions', value: 800 } }, // no zone: the fallback applies
];

const sent = (id: string, customerId: string, channel: string, at: string): InteractionInput => ({
  id, customerId, channel, direction: 'outbound', purpose: 'marketing', outcome: 'delivered', at,
});
const history: InteractionInput[] = [
  sent('h1', 'ada', 'email', '2024-10-21T08:00:00Z'),
  sent('h2', 'ada', 'email', '2024-10-23T08:00:00Z'),
  sent('h3', 'bo', 'email', '2024-10-25T13:00:00Z'),
  sent('h4', 'cy', 'email', '2024-08-01T09:00:00Z'),
];

const policy: ContactPolicyInput = {
  fallbackTimeZone: 'Europe/London',
  caps: [
    { id: 'three-a-week', scope: { kind: 'all' }, max: 3, window: { kind: 'rolling', length: '7d' } },
    { id: 'one-email-a-day', scope: { kind: 'channels', channels: ['email'] }, max: 1, window: { kind: 'calendar', unit: 'day' } },
  ],
  minGaps: [{ channel: 'email', gap: '16h' }, { channel: 'sms', gap: '24h' }],
  quietHours: [{ start: '21:00', end: '08:00' }],
  capacity: [{ channel: 'phone', perDay: 1 }],
  underContact: [{ segment: 'champions', maxSilence: '30d' }, { maxSilence: '60d' }],
};

const candidates = [
  { id: 'autumn-sale-ada', customerId: 'ada', channel: 'email', priority: 3, expectedValue: 12 },
  { id: 'sms-flash-ada', customerId: 'ada', channel: 'sms', priority: 2, expectedValue: 8 },
  { id: 'newsletter-ada', customerId: 'ada', channel: 'email', priority: 1, latest: '2024-10-27T12:00:00Z' },
  { id: 'sms-flash-bo', customerId: 'bo', channel: 'sms', priority: 5 },
  { id: 'autumn-sale-bo', customerId: 'bo', channel: 'email', priority: 3 },
  { id: 'order-shipped-bo', customerId: 'bo', channel: 'email', purpose: 'transactional' as const },
  { id: 'win-back-call-cy', customerId: 'cy', channel: 'phone', priority: 4, expectedValue: 30 },
  { id: 'check-in-call-ada', customerId: 'ada', channel: 'phone', priority: 1, latest: '2024-10-26T18:00:00Z' },
];

const plan = planContacts({ customers, history, candidates, policy, asOf, horizon: '7d' });

const rows = [
  ...plan.scheduled.map((s) => ({ outcome: 'scheduled', candidate: s.candidateId, when: s.at.toISOString().slice(0, 16), why: s.movedBy ? `moved by ${s.movedBy.reason} (${s.movedBy.rule})` : '' })),
  ...plan.deferred.map((d) => ({ outcome: 'deferred', candidate: d.candidateId, when: `≥ ${d.notBefore.toISOString().slice(0, 16)}`, why: `${d.reason} (${d.rule})` })),
  ...plan.suppressed.map((d) => ({ outcome: 'suppressed', candidate: d.candidateId, when: '', why: `${d.reason} (${d.rule})${d.rivalId ? `, lost to ${d.rivalId}` : ''}` })),
];
console.log(`Plan as of ${asOf}, horizon 7 days`);
console.table(rows);

console.log('Contact pressure now (email):');
console.table(
  contactPressure(history, policy, asOf, { customers })
    .filter((r) => r.channel === 'email')
    .map((r) => ({ customer: r.customerId, headroom: r.headroom, status: r.status })),
);

console.log('Overdue customers, most valuable first:');
console.table(overdueCustomers(customers, history, policy, asOf).map((o) => ({ customer: o.customerId, segment: o.segment, value: o.value, silentDays: o.silentDays?.toFixed(1), reasons: o.reasons.join(', ') })));

// Output of `npx tsx examples/contact.ts`:
//
// Plan as of 2024-10-25T16:00:00Z, horizon 7 days
// ┌─────────┬──────────────┬─────────────────────┬────────────────────┬──────────────────────────────────────────────────────────┐
// │ (index) │ outcome      │ candidate           │ when               │ why                                                      │
// ├─────────┼──────────────┼─────────────────────┼────────────────────┼──────────────────────────────────────────────────────────┤
// │ 0       │ 'scheduled'  │ 'order-shipped-bo'  │ '2024-10-25T16:00' │ ''                                                       │
// │ 1       │ 'scheduled'  │ 'win-back-call-cy'  │ '2024-10-25T16:00' │ ''                                                       │
// │ 2       │ 'scheduled'  │ 'autumn-sale-ada'   │ '2024-10-25T16:00' │ ''                                                       │
// │ 3       │ 'scheduled'  │ 'autumn-sale-bo'    │ '2024-10-26T12:00' │ 'moved by quiet_hours (quietHours[0])'                   │
// │ 4       │ 'scheduled'  │ 'sms-flash-ada'     │ '2024-10-28T08:00' │ 'moved by lower_priority (three-a-week)'                 │
// │ 5       │ 'suppressed' │ 'sms-flash-bo'      │ ''                 │ 'no_consent (consent:sms/marketing)'                     │
// │ 6       │ 'suppressed' │ 'check-in-call-ada' │ ''                 │ 'no_consent (consent:phone/marketing)'                   │
// │ 7       │ 'suppressed' │ 'newsletter-ada'    │ ''                 │ 'lower_priority (three-a-week), lost to autumn-sale-ada' │
// └─────────┴──────────────┴─────────────────────┴────────────────────┴──────────────────────────────────────────────────────────┘
// Contact pressure now (email):
// ┌─────────┬──────────┬──────────┬──────────────────┐
// │ (index) │ customer │ headroom │ status           │
// ├─────────┼──────────┼──────────┼──────────────────┤
// │ 0       │ 'ada'    │ 1        │ 'on_target'      │
// │ 1       │ 'bo'     │ 0        │ 'saturated'      │
// │ 2       │ 'cy'     │ 1        │ 'undersaturated' │
// └─────────┴──────────┴──────────┴──────────────────┘
// Overdue customers, most valuable first:
// ┌─────────┬──────────┬─────────────┬───────┬────────────┬───────────────┐
// │ (index) │ customer │ segment     │ value │ silentDays │ reasons       │
// ├─────────┼──────────┼─────────────┼───────┼────────────┼───────────────┤
// │ 0       │ 'cy'     │ 'champions' │ 800   │ '85.3'     │ 'max_silence' │
// └─────────┴──────────┴─────────────┴───────┴────────────┴───────────────┘
