import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../../test/helpers/thrownRelmarkError.js';
import type { InteractionInput } from '../../models/interaction.js';
import { summarizeFeedback } from './summarizeFeedback.js';

const base = { channel: 'email', direction: 'inbound', purpose: 'feedback', outcome: 'responded' } as const;
const nps = (id: number, customerId: string, at: string, score: number): InteractionInput => ({ ...base, id, customerId, at, feedback: { kind: 'nps', score } });
const csat = (id: number, customerId: string, at: string, score: number): InteractionInput => ({ ...base, id, customerId, at, feedback: { kind: 'csat', score } });

describe('summarizeFeedback', () => {
  const rows = [nps(1, 'a', '2024-01-05', 10), nps(2, 'b', '2024-03-31T23:59:59Z', 9), nps(3, 'a', '2024-04-01', 0), csat(4, 'b', '2024-05-01', 4), nps(5, 'a', '2024-07-01', 10)];

  it('groups by UTC calendar quarter and ignores feedback after asOf', () => {
    const result = summarizeFeedback(rows, { asOf: '2024-06-30', period: 'quarter' });
    expect(result.map((r) => [r.periodStart, r.periodEnd, r.nps?.count ?? 0, r.nps?.nps ?? null, r.csat?.count ?? 0])).toEqual([
      ['2024-01-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', 2, 100, 0],
      ['2024-04-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z', 1, -100, 1],
    ]);
  });

  it('splits by segment, with customers outside every segment under null, listed first', () => {
    const result = summarizeFeedback(rows, { asOf: '2024-12-31', segments: { b: 'vip', a: 'Basic' } });
    expect(result.map((r) => [r.segment, r.nps?.promoters ?? 0, r.nps?.detractors ?? 0, r.csat?.topTwoBox ?? 0])).toEqual([
      ['Basic', 2, 1, 0],
      ['vip', 1, 0, 1],
    ]);
    expect(summarizeFeedback(rows, { asOf: '2024-12-31', segments: { b: 'vip' } }).map((r) => r.segment)).toEqual([null, 'vip']);
    expect(summarizeFeedback(rows, { asOf: '2024-12-31' })[0]).toMatchObject({ periodStart: '2024-01-05T00:00:00.000Z', periodEnd: '2024-12-31T00:00:00.000Z' });
  });

  it('returns [] without feedback, and skips interactions without feedback', () => {
    expect(summarizeFeedback([], { asOf: '2024-01-01' })).toEqual([]);
    expect(summarizeFeedback([{ ...base, id: 9, customerId: 'a', at: '2024-01-01' }], { asOf: '2024-02-01' })).toEqual([]);
  });

  it('rejects invalid interactions and options with paths', () => {
    const error = errorOf(() => summarizeFeedback([{ ...nps(1, 'a', '2024-01-01', 11) }, { ...csat(2, 'a', 'soon', 3) }], { asOf: '2024-02-01' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([['interactions', 0, 'feedback', 'score'], ['interactions', 1, 'at']]);
    expect(errorOf(() => summarizeFeedback([], { asOf: '2024-02-01', period: 'week' as 'month' })).code).toBe('invalid_options');
  });
});
