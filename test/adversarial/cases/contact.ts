import { contactPressure, dueCandidates, nextPurchaseDue, occasionCandidates, overdueCustomers, planContacts, upcomingOccasions } from '../../../src/contact/index.js';
import type { SweepCase } from '../run.js';

const customers = () => [
  { id: 'ada', timeZone: 'Europe/London', attributes: { segment: 'champions', value: 900 }, consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2024-01-01' }] },
  { id: 'bob', timeZone: 'America/New_York', attributes: { segment: 'champions', value: 300 }, consents: [{ channel: 'sms', purpose: 'marketing', status: 'granted', at: '2024-01-01' }] },
];
const history = () => [
  { id: 'h1', customerId: 'ada', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-04-01' },
  { id: 'h2', customerId: 'bob', channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'opened', at: '2024-05-05T09:00:00Z' },
];
const policy = () => ({
  fallbackTimeZone: 'UTC',
  caps: [{ id: 'two-a-week', scope: { kind: 'all' }, max: 2, window: { kind: 'rolling', length: '7d' } }],
  minGaps: [{ channel: 'email', gap: '16h' }],
  quietHours: [{ start: '21:00', end: '08:00' }],
  underContact: [{ segment: 'champions', maxSilence: '30d' }],
});

export const contactCases: readonly SweepCase[] = [
  {
    area: 'contact',
    name: 'planContacts',
    args: () => [
      {
        customers: customers(),
        history: history(),
        candidates: [
          { id: 'spring-sale', customerId: 'ada', channel: 'email', priority: 2, earliest: '2024-05-06T12:00:00Z' },
          { id: 'newsletter', customerId: 'ada', channel: 'email', priority: 1, earliest: '2024-05-06T12:00:00Z', latest: '2024-05-07T12:00:00Z' },
          { id: 'sms-promo', customerId: 'bob', channel: 'sms', earliest: '2024-05-06T12:00:00Z' },
        ],
        policy: policy(),
        asOf: '2024-05-06T10:00:00Z',
        horizon: '3d',
      },
    ],
    call: (args) => planContacts(args as never),
  },
  {
    area: 'contact',
    name: 'overdueCustomers',
    args: () => [customers(), history(), policy(), '2024-06-01'],
    call: (c, h, p, asOf) => overdueCustomers(c as never, h as never, p as never, asOf as never),
  },
  {
    area: 'contact',
    name: 'contactPressure',
    args: () => [history(), policy(), '2024-05-06', { customers: customers() }],
    call: (h, p, asOf, options) => contactPressure(h as never, p as never, asOf as never, options as never),
  },
  {
    area: 'contact',
    name: 'nextPurchaseDue',
    args: () => [
      [
        ...['2024-01-01', '2024-01-09', '2024-01-21', '2024-01-30'].map((at) => ({ customerId: 'ada', at, category: 'coffee' })),
        ...['2024-01-01', '2024-01-24', '2024-02-10'].map((at) => ({ customerId: 'bob', at, category: 'coffee' })),
      ],
      { asOf: '2024-03-01', coverage: 0.8, perCategory: true },
    ],
    call: (rows, options) => nextPurchaseDue(rows as never, options as never),
  },
  {
    area: 'contact',
    name: 'upcomingOccasions',
    args: () => [
      [{ id: 'ada', birthday: '1992-02-29', timeZone: 'Europe/London', createdAt: '2020-03-02', attributes: { wedding: '2015-06-01' } }, { id: 'bob' }],
      { asOf: '2025-02-20T12:00:00Z', horizon: '30d', custom: [{ name: 'wedding', attribute: 'wedding' }], purchases: [{ customerId: 'bob', at: '2021-03-01' }] },
    ],
    call: (customers, options) => upcomingOccasions(customers as never, options as never),
  },
  {
    area: 'contact',
    name: 'dueCandidates',
    args: () => [
      nextPurchaseDue(
        [
          ...['2024-01-01', '2024-01-09', '2024-01-21', '2024-01-30'].map((at) => ({ customerId: 'ada', at })),
          ...['2024-01-01', '2024-01-24', '2024-02-10'].map((at) => ({ customerId: 'bob', at })),
        ],
        { asOf: '2024-02-20' },
      ),
      { channel: 'email', leadDays: 2 },
    ],
    call: (dues, options) => dueCandidates(dues as never, options as never),
  },
  {
    area: 'contact',
    name: 'occasionCandidates',
    args: () => [upcomingOccasions([{ id: 'ada', birthday: '1990-05-17' }], { asOf: '2024-05-10', horizon: '14d' }), { channel: 'email', leadDays: 2, priorities: { birthday: 3 } }],
    call: (occasions, options) => occasionCandidates(occasions as never, options as never),
  },
];
