import {
  fmScore,
  rfmCode,
  rfmMigration,
  scoreRfm,
  segmentRfm,
  summarizeRfm,
  summarizeRfmCustomers,
  summarizeSegments,
  validateSegmentMap,
} from '../../../src/rfm/index.js';
import type { SweepCase } from '../run.js';

const transactions = () => [
  { id: 'p1', customerId: 'ann', at: '2024-01-10', amount: 40 },
  { id: 'p2', customerId: 'ann', at: '2024-03-01', amount: 60 },
  { id: 'r1', customerId: 'ann', at: '2024-03-05', amount: 10, kind: 'refund', refundOf: 'p2' },
  { id: 'p3', customerId: 'bob', at: '2023-12-24', amount: 25 },
  { id: 'p4', customerId: 'cy', at: '2024-02-24', amount: 1e6 },
];
const summaries = () => [
  { customerId: 'a', recency: 2, frequency: 5, monetary: 120 },
  { customerId: 'b', recency: 30, frequency: 1, monetary: 15 },
  { customerId: 'c', recency: 30, frequency: 2, monetary: 40 },
  { customerId: 'd', recency: 200, frequency: 1, monetary: 5 },
];
const scores = () => [
  { customerId: 'a', r: 5, f: 5, m: 4 },
  { customerId: 'b', r: 1, f: 5, m: 5 },
  { customerId: 'c', r: 3, f: 2, m: 1 },
];
const segmentMap = () => ({
  name: 'two-level',
  provenance: 'example',
  segments: [
    { name: 'Recent', description: '', action: '', rule: { r: { min: 2, max: 2 } } },
    { name: 'Best', description: '', action: '', codes: ['222'] },
  ],
  fallback: { name: 'Other', description: '', action: '' },
});

export const rfmCases: readonly SweepCase[] = [
  { area: 'rfm', name: 'summarizeRfm', args: () => [transactions(), { asOf: '2024-03-31', monetary: 'mean', window: { months: 12 } }], call: (t, o) => summarizeRfm(t as never, o as never) },
  {
    area: 'rfm',
    name: 'summarizeRfmCustomers',
    args: () => [[{ customerId: 'a', firstPurchaseAt: '2024-01-01', lastPurchaseAt: '2024-03-17', orders: 4, revenue: 200 }], { asOf: '2024-03-31', timeUnit: 'week', monetary: 'mean' }],
    call: (rows, o) => summarizeRfmCustomers(rows as never, o as never),
  },
  { area: 'rfm', name: 'scoreRfm', args: () => [summaries(), { bins: 4 }], call: (s, o) => scoreRfm(s as never, o as never) },
  { area: 'rfm', name: 'segmentRfm', args: () => [scores(), {}], call: (s, o) => segmentRfm(s as never, o as never) },
  {
    area: 'rfm',
    name: 'summarizeSegments',
    args: () => [[{ customerId: 'a', segment: 'Champions' }, { customerId: 'b', segment: 'Lost' }], [{ customerId: 'a', recency: 1, frequency: 4, monetary: 300 }, { customerId: 'b', recency: 90, frequency: 1, monetary: 50 }], {}],
    call: (m, s, o) => summarizeSegments(m as never, s as never, o as never),
  },
  {
    area: 'rfm',
    name: 'rfmMigration',
    args: () => [[{ customerId: 'a', segment: 'Champions' }, { customerId: 'b', segment: 'At Risk' }], [{ customerId: 'a', segment: 'At Risk' }, { customerId: 'c', segment: 'New Customers' }]],
    call: (a, b) => rfmMigration(a as never, b as never),
  },
  { area: 'rfm', name: 'validateSegmentMap', args: () => [segmentMap(), 2], call: (map, bins) => validateSegmentMap(map as never, bins as never) },
  { area: 'rfm', name: 'rfmCode', args: () => [5, 4, 1], call: (r, f, m) => rfmCode(r as never, f as never, m as never) },
  { area: 'rfm', name: 'fmScore', args: () => [4, 5], call: (f, m) => fmScore(f as never, m as never) },
];
