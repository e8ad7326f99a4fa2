import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../models/interaction.js';
import { serviceResponsiveness } from './serviceResponsiveness.js';

const interactions = fc
  .array(
    fc.record({
      customer: fc.nat({ max: 2 }),
      hour: fc.nat({ max: 200 }),
      inbound: fc.boolean(),
      complaint: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map(({ customer, hour, inbound, complaint }, i): InteractionInput => ({
      id: `i${i}`,
      customerId: `c${customer}`,
      channel: 'chat',
      direction: inbound ? 'inbound' : 'outbound',
      purpose: 'service',
      outcome: inbound && complaint ? 'complained' : 'delivered',
      at: new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000).toISOString(),
    })),
  );

describe('serviceResponsiveness laws', () => {
  it('accounts for every query once, keeps the share in [0, 1], and ignores input order', () => {
    fc.assert(
      fc.property(interactions.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        const options = { asOf: '2024-01-07T00:00:00Z', targetHours: 8 };
        const report = serviceResponsiveness(rows, options);
        expect(report.answered + report.unanswered).toBe(report.queries);
        expect(report.items).toHaveLength(report.queries);
        if (report.shareWithinTarget !== null) {
          expect(report.shareWithinTarget).toBeGreaterThanOrEqual(0);
          expect(report.shareWithinTarget).toBeLessThanOrEqual(1);
        }
        for (const q of report.items) if (q.responseHours !== null) expect(q.responseHours).toBeGreaterThanOrEqual(0);
        expect(serviceResponsiveness(shuffled, options)).toEqual(report);
      }),
    );
  });

  it('a later asOf never reopens an answered query', () => {
    fc.assert(
      fc.property(interactions, fc.nat({ max: 250 }), fc.nat({ max: 250 }), (rows, a, b) => {
        const at = (h: number) => new Date(Date.UTC(2024, 0, 1) + h * 3_600_000);
        const early = serviceResponsiveness(rows, { asOf: at(Math.min(a, b)) });
        const late = new Map(serviceResponsiveness(rows, { asOf: at(Math.max(a, b)) }).items.map((q) => [q.interactionId, q]));
        for (const q of early.items) if (q.respondedAt !== null) expect(late.get(q.interactionId)?.respondedAt).toBe(q.respondedAt);
      }),
    );
  });
});
