import { describe, expect, it } from 'vitest';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { dueCandidates } from './dueCandidates.js';
import { nextPurchaseDue } from './nextPurchaseDue.js';
import { occasionCandidates } from './occasionCandidates.js';
import { planContacts } from './planContacts.js';
import { upcomingOccasions } from './upcomingOccasions.js';

const rows = [
  ...['2024-01-01', '2024-01-09', '2024-01-21', '2024-01-30'].map((at) => ({ customerId: 'ada', at, category: 'coffee' })),
  ...['2024-01-01', '2024-01-24', '2024-02-10'].map((at) => ({ customerId: 'bob', at, category: 'coffee' })),
  { customerId: 'bob', at: '2024-01-05', category: 'filters' },
];

describe('nextPurchaseDue', () => {
  it('rejects bad rows and options with their paths', () => {
    const error = thrownRelmarkError(() => nextPurchaseDue([{ customerId: 'a', at: 'yesterday' }, { customerId: '', at: '2024-01-01' }] as never, { asOf: '2024-02-01', coverage: 1 }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([['options', 'coverage'], ['purchases', 0, 'at'], ['purchases', 1, 'customerId']]);
  });
  it('rejects purchases after asOf as future_date, and missing categories with perCategory', () => {
    expect(thrownRelmarkError(() => nextPurchaseDue(rows, { asOf: '2024-02-01' })).code).toBe('future_date');
    const error = thrownRelmarkError(() => nextPurchaseDue([{ customerId: 'a', at: '2024-01-01' }], { asOf: '2024-03-01', perCategory: true }));
    expect(error.issues.map((i) => i.path)).toEqual([['purchases', 0, 'category']]);
  });
  it('says when the data cannot estimate the population, and when it is empty', () => {
    expect(thrownRelmarkError(() => nextPurchaseDue([{ customerId: 'a', at: '2024-01-01' }, { customerId: 'a', at: '2024-01-05' }], { asOf: '2024-03-01' })).code).toBe('degenerate_data');
    expect(thrownRelmarkError(() => nextPurchaseDue([{ customerId: 'a', at: '2024-01-01', kind: 'refund' }], { asOf: '2024-03-01' })).code).toBe('empty_input');
  });
  it('per category: a category too small to estimate shrinks toward all data', () => {
    const due = nextPurchaseDue(rows, { asOf: '2024-03-01', perCategory: true });
    expect(due.map((d) => [d.customerId, d.category, d.population])).toEqual([
      ['ada', 'coffee', 'category'],
      ['bob', 'coffee', 'category'],
      ['bob', 'filters', 'all'],
    ]);
  });
});

describe('upcomingOccasions', () => {
  it('reads first purchases in the customer zone and lists a bad custom date as invalid', () => {
    const { upcoming, missing } = upcomingOccasions(
      [{ id: 'kim', timeZone: 'Pacific/Auckland', attributes: { wedding: '2019-13-01' } }],
      { asOf: '2025-03-01T00:00:00Z', horizon: '10d', occasions: ['first_purchase'], custom: [{ name: 'wedding', attribute: 'wedding' }], purchases: [{ customerId: 'kim', at: '2021-03-04T12:00:00Z' }] },
    );
    // 12:00 UTC on 4 March is 01:00 on 5 March in Auckland.
    expect(upcoming.map((o) => [o.occasion, o.date, o.years])).toEqual([['first_purchase', '2025-03-05', 4]]);
    expect(missing).toEqual([{ customerId: 'kim', occasion: 'wedding', reason: 'invalid_date' }]);
  });
  it('rejects a horizon over 364 days and duplicate customers with paths', () => {
    const error = thrownRelmarkError(() => upcomingOccasions([{ id: 'a' }], { asOf: '2025-01-01', horizon: '400d' }));
    expect([error.code, error.issues[0]?.path]).toEqual(['invalid_options', ['options', 'horizon']]);
    const duplicate = thrownRelmarkError(() => upcomingOccasions([{ id: 'a' }, { id: 'a' }], { asOf: '2025-01-01', horizon: '7d' }));
    expect(duplicate.code).toBe('duplicate_id');
  });
});

describe('due and occasion candidates in the planner', () => {
  it('plan like any candidate: marketing consent covers them, a withdrawn one stops them, caps apply', () => {
    const dues = nextPurchaseDue(rows.slice(0, 7), { asOf: '2024-02-20' });
    const occasions = upcomingOccasions([{ id: 'ada', birthday: '1990-02-22' }, { id: 'bob', birthday: '1985-02-21' }], { asOf: '2024-02-20T10:00:00Z', horizon: '7d', occasions: ['birthday'] });
    const candidates = [...dueCandidates(dues, { channel: 'email' }), ...occasionCandidates(occasions, { channel: 'email', priorities: { birthday: 3 } })];
    const plan = planContacts({
      customers: [
        { id: 'ada', consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2023-01-01' }] },
        { id: 'bob', consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', at: '2023-01-01' }, { channel: 'email', purpose: 'occasion', status: 'withdrawn', at: '2023-06-01' }] },
      ],
      history: [],
      candidates: candidates.map((c) => ({ ...c })),
      policy: { fallbackTimeZone: 'UTC', caps: [{ id: 'one-a-week', scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } }] },
      asOf: '2024-02-20T10:00:00Z',
      horizon: '7d',
    });
    expect(plan.scheduled.map((s) => [s.candidateId, s.purpose])).toEqual([
      ['occasion:ada/birthday/2024-02-22', 'occasion'],
      ['due:bob', 'replenishment'],
    ]);
    expect(plan.suppressed.map((s) => [s.candidateId, s.reason])).toEqual([['occasion:bob/birthday/2024-02-21', 'no_consent']]);
    // Overdue: no latest time, so it waits for the next plan behind the birthday offer.
    expect(plan.deferred.map((s) => [s.candidateId, s.reason, s.rivalId])).toEqual([['due:ada', 'lower_priority', 'occasion:ada/birthday/2024-02-22']]);
  });
  it('reject entries that are not due entries or occasions, with paths', () => {
    expect(thrownRelmarkError(() => dueCandidates([{ customerId: 'a' }] as never, { channel: 'email' })).issues[0]?.path).toEqual(['dues', 0]);
    expect(thrownRelmarkError(() => occasionCandidates([{}] as never, { channel: 'email' })).issues[0]?.path).toEqual(['occasions', 0]);
    expect(thrownRelmarkError(() => occasionCandidates([], { channel: 'E-mail' })).code).toBe('invalid_options');
  });
});
