import { parseBasketLines } from '../../../src/models/index.js';
import { productAffinities, recommendationCandidates, recommendProducts } from '../../../src/recommend/index.js';
import type { SweepCase } from '../run.js';

const lines = () => [
  { id: 'l1', transactionId: 't1', customerId: 'ann', at: '2024-05-01', sku: 'coffee', quantity: 1, unitPrice: 7 },
  { id: 'l2', transactionId: 't1', customerId: 'ann', at: '2024-05-01', sku: 'filters' },
  { id: 'l3', transactionId: 't2', customerId: 'bob', at: '2024-05-02', sku: 'coffee' },
  { id: 'l4', transactionId: 't2', customerId: 'bob', at: '2024-05-02', sku: 'filters' },
  { id: 'l5', transactionId: 't3', customerId: 'cy', at: '2024-05-03', sku: 'tea' },
  { id: 'l6', transactionId: 't4', customerId: 'dee', at: '2024-05-03', sku: 'coffee' },
];
const recommendations = () => [
  { customerId: 'dee', method: 'rules', recommendations: [{ sku: 'filters', rank: 1, score: 0.67, basis: ['coffee'], evidence: 'bought coffee; 67% of baskets with coffee also have filters, lift 1.7' }] },
];

export const recommendCases: readonly SweepCase[] = [
  {
    area: 'recommend',
    name: 'productAffinities',
    args: () => [lines(), { minSupport: 0.2, minConfidence: 0.5, maxItems: 3 }],
    call: (l, o) => productAffinities(l as never, o as never),
  },
  {
    area: 'recommend',
    name: 'recommendProducts',
    args: () => [lines(), { asOf: '2024-06-01', k: 3, exclude: 'purchased', notRecommendable: ['tea'] }],
    call: (l, o) => recommendProducts(l as never, o as never),
  },
  {
    area: 'recommend',
    name: "recommendProducts (method 'itemCosine')",
    args: () => [lines(), { asOf: '2024-06-01', k: 3, method: 'itemCosine', neighbors: 5, customers: ['dee', 'zed'] }],
    call: (l, o) => recommendProducts(l as never, o as never),
  },
  {
    area: 'recommend',
    name: 'recommendationCandidates',
    args: () => [recommendations(), { channel: 'sms', channels: { dee: 'email' }, priority: 2, earliest: '2024-06-02', latest: '2024-06-09' }],
    call: (r, o) => recommendationCandidates(r as never, o as never),
  },
  {
    area: 'models',
    name: 'parseBasketLines',
    args: () => [lines(), { transactions: [{ id: 't1', customerId: 'ann' }, { id: 't2' }, { id: 't3' }, { id: 't4' }] }],
    call: (l, o) => parseBasketLines(l as never, o as never),
  },
];
