import { describe, expect, it } from 'vitest';
import { PointsEntrySchema, TierProgramSchema } from './reward.js';

describe('PointsEntrySchema', () => {
  it.each([
    [{ type: 'earn', id: 'e', customerId: 'c', at: 0, points: 1.5 }, ['points']],
    [{ type: 'redeem', id: 'r', customerId: 'c', at: 0, points: -5 }, ['points']],
    [{ type: 'adjust', id: 'a', customerId: 'c', at: 0, points: 0, reason: 'x' }, ['points']],
    [{ type: 'adjust', id: 'a', customerId: 'c', at: 0, points: 10 }, ['reason']],
    [{ type: 'reverse', id: 'v', customerId: 'c', at: 0 }, ['reverses']],
  ])('rejects %j at %j', (entry, path) => {
    expect(PointsEntrySchema.safeParse(entry).error?.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('accepts a negative adjustment', () => {
    expect(PointsEntrySchema.parse({ type: 'adjust', id: 'a', customerId: 'c', at: 0, points: -40, reason: 'goodwill reversal' }).points).toBe(-40);
  });
});

describe('TierProgramSchema', () => {
  it('reports duplicate tier ids and ranks and rules naming unknown tiers', () => {
    const result = TierProgramSchema.safeParse({
      tiers: [
        { id: 'a', name: 'A', rank: 0 },
        { id: 'a', name: 'B', rank: 0 },
      ],
      rules: [{ tierId: 'z', metric: 'spend', threshold: 1, window: { kind: 'lifetime' } }],
      downgrade: 'none',
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['tiers', 1, 'id'],
      ['tiers', 1, 'rank'],
      ['rules', 0, 'tierId'],
    ]);
  });
});
