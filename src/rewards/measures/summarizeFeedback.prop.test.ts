import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../models/interaction.js';
import { summarizeFeedback } from './summarizeFeedback.js';

const feedbackRows = fc.array(
  fc.record({
    customer: fc.nat({ max: 4 }),
    day: fc.nat({ max: 700 }),
    nps: fc.boolean(),
    score: fc.nat({ max: 10 }),
  }),
  { maxLength: 60 },
).map((rows) =>
  rows.map(({ customer, day, nps, score }, i): InteractionInput => ({
    id: i,
    customerId: `c${customer}`,
    channel: 'web',
    direction: 'inbound',
    purpose: 'feedback',
    outcome: 'responded',
    at: new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString(),
    feedback: nps ? { kind: 'nps', score } : { kind: 'csat', score: 1 + (score % 5) },
  })),
);

describe('summarizeFeedback laws', () => {
  it('counts every response up to asOf exactly once, whatever the windows and segments, in any input order', () => {
    fc.assert(
      fc.property(
        feedbackRows.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        fc.constantFrom('all' as const, 'month' as const, 'quarter' as const, 'year' as const),
        ([rows, shuffled], period) => {
          const options = { asOf: '2024-06-30', period, segments: { c0: 'x', c1: 'y', c2: 'x' } };
          const result = summarizeFeedback(rows, options);
          const inEffect = rows.filter((r) => Date.parse(r.at as string) <= Date.parse('2024-06-30'));
          expect(result.reduce((s, r) => s + (r.nps?.count ?? 0) + (r.csat?.count ?? 0), 0)).toBe(inEffect.length);
          for (const r of result) if (r.nps) expect(Math.abs(r.nps.nps)).toBeLessThanOrEqual(100);
          expect(summarizeFeedback(shuffled, options)).toEqual(result);
        },
      ),
    );
  });
});
