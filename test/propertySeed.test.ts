import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// `npm test` must be a function of the commit: test/setup.ts fixes fast-check's seed unless
// RELMARK_FC_SEED asks for fresh ones (`npm run test:random`).
const mode = process.env.RELMARK_FC_SEED;

describe('property-test seed', () => {
  it.skipIf(mode !== undefined)('is fixed by default, so every property draws the same cases on every run', () => {
    expect(fc.readConfigureGlobal().seed).toBe(20261207);
    const arbitrary = fc.array(fc.double(), { maxLength: 5 });
    expect(fc.sample(arbitrary, 20)).toEqual(fc.sample(arbitrary, 20));
  });

  it.skipIf(mode !== 'random')('is left unset by npm run test:random', () => {
    expect(fc.readConfigureGlobal().seed).toBeUndefined();
  });
});
