import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as errorOf } from '../../../test/helpers/thrownRelmarkError.js';
import { recommendRelationshipLevel } from './recommendRelationshipLevel.js';
import { relationshipLevels } from './relationshipLevels.js';

describe('recommendRelationshipLevel', () => {
  it.each([
    ['many', 'high', 'accountable'],
    ['many', 'medium', 'reactive'],
    ['many', 'low', 'basic'],
    ['medium', 'high', 'proactive'],
    ['medium', 'medium', 'accountable'],
    ['medium', 'low', 'reactive'],
    ['few', 'high', 'partnership'],
    ['few', 'medium', 'proactive'],
    ['few', 'low', 'accountable'],
  ] as const)('%s customers with %s margin → %s (Kotler matrix)', (customerCount, margin, level) => {
    expect(recommendRelationshipLevel({ customerCount, margin }).level).toBe(level);
  });

  it.each([
    [100, 0.15, 'few', 'medium'],
    [101, 0.1499, 'medium', 'low'],
    [10_000, 0.4, 'many', 'high'],
    [0, -0.2, 'few', 'low'],
  ])('bands %i customers and a margin of %s as %s / %s at the default limits', (customerCount, margin, customerBand, marginBand) => {
    expect(recommendRelationshipLevel({ customerCount, margin })).toMatchObject({ customerBand, marginBand });
  });

  it('takes custom bands', () => {
    expect(recommendRelationshipLevel({ customerCount: 500, margin: 0.2 }, { fewCustomersAtMost: 1000, highMarginAtLeast: 0.2 }).level).toBe('partnership');
  });

  it('returns the level definition with its contact obligations, each level keeping those below', () => {
    const advice = recommendRelationshipLevel({ customerCount: 'few', margin: 'low' });
    expect(advice.contactObligations).toEqual(relationshipLevels[2]?.contactObligations);
    for (let i = 1; i < relationshipLevels.length; i++) {
      const below = relationshipLevels[i - 1]?.contactObligations.filter((o) => o.trigger !== 'periodic') ?? [];
      expect(relationshipLevels[i]?.contactObligations).toEqual(expect.arrayContaining(below));
    }
  });

  it('rejects a bad count or margin as invalid_input and disordered bands as invalid_options', () => {
    const error = errorOf(() => recommendRelationshipLevel({ customerCount: -1, margin: Number.NaN }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path[0])).toEqual(['customerCount', 'margin']);
    const bands = errorOf(() => recommendRelationshipLevel({ customerCount: 5, margin: 0.1 }, { fewCustomersAtMost: 10, manyCustomersAtLeast: 5 }));
    expect(bands.code).toBe('invalid_options');
    expect(bands.issues.map((issue) => issue.path)).toEqual([['manyCustomersAtLeast']]);
  });
});
