import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendRelationshipLevel } from './recommendRelationshipLevel.js';

describe('recommendRelationshipLevel laws', () => {
  it('fewer customers or a higher margin never recommends a lower level', () => {
    const count = fc.integer({ min: 0, max: 100_000 });
    const margin = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(count, count, margin, margin, (c1, c2, m1, m2) => {
        const rank = (c: number, m: number) => recommendRelationshipLevel({ customerCount: c, margin: m }).rank;
        const [few, many] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(rank(few, m1)).toBeGreaterThanOrEqual(rank(many, m1));
        expect(rank(c1, high)).toBeGreaterThanOrEqual(rank(c1, low));
      }),
    );
  });
});
