import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { BgBbParamsSchema, SbgParamsSchema, bgBbProbabilityAlive } from 'relmark/clv';
import { bgBbHistoryArbitrary, bgBbParamsArbitrary, sbgParamsArbitrary } from 'relmark/testing';

describe('discrete CLV arbitraries', () => {
  test.prop([bgBbParamsArbitrary(), sbgParamsArbitrary()])('generate values that pass their schemas', (bgBb, sbg) => {
    expect(BgBbParamsSchema.safeParse(bgBb).success).toBe(true);
    expect(SbgParamsSchema.safeParse(sbg).success).toBe(true);
  });

  test.prop([bgBbHistoryArbitrary({ maxN: 12 })])('generate histories that the BG/BB functions accept', (history) => {
    expect(history.x <= history.tx && history.tx <= history.n && history.n <= 12).toBe(true);
    expect((history.x === 0) === (history.tx === 0)).toBe(true);
    expect(() => bgBbProbabilityAlive({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, history)).not.toThrow();
  });

  test.prop([fc.integer()], { numRuns: 20 })('give the same values for the same seed', (seed) => {
    for (const arbitrary of [bgBbHistoryArbitrary(), bgBbParamsArbitrary(), sbgParamsArbitrary()] as fc.Arbitrary<unknown>[]) {
      expect(fc.sample(arbitrary, { numRuns: 5, seed })).toEqual(fc.sample(arbitrary, { numRuns: 5, seed }));
    }
  });
});
