import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { shardBounds } from './likelihoodPool.js';

describe('shardBounds', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 8 })])(
    'cuts the rows into `parts` contiguous shards covering every row, balanced in rows with x > 0 to within one',
    (xs, parts) => {
      const x = Float64Array.from(xs);
      const bounds = shardBounds(x, parts);
      expect(bounds.length).toBe(parts + 1);
      expect(bounds[0]).toBe(0);
      expect(bounds[parts]).toBe(x.length);
      for (let s = 0; s < parts; s++) expect(bounds[s]!).toBeLessThanOrEqual(bounds[s + 1]!);
      const positives = (from: number, to: number) => xs.slice(from, to).filter((v) => v > 0).length;
      const total = positives(0, x.length);
      for (let s = 0; s < parts; s++) {
        expect(Math.abs(positives(bounds[s]!, bounds[s + 1]!) - total / parts)).toBeLessThanOrEqual(1);
      }
    },
  );
});
