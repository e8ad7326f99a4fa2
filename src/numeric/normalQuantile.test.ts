import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.js';
import { criticalValue, normalQuantile } from './normalQuantile.js';

describe('normalQuantile', () => {
  // ref: Python 3 statistics.NormalDist().inv_cdf (Wichura's AS 241), rtol 2e-9 (Acklam's stated bound 1.15e-9)
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489],
    [0.9, 1.2815515655446],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [0.02425, -1.9729610513118845],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expectClose(normalQuantile(p), z, { rtol: 2e-9, atol: 1e-12 });
  });

  it.each([
    [0, Number.NEGATIVE_INFINITY],
    [1, Number.POSITIVE_INFINITY],
    [Number.NaN, Number.NaN],
  ])('has the special case Φ⁻¹(%s) = %s', (p, z) => {
    expect(normalQuantile(p)).toBe(z);
  });

  it('gives two-sided critical values', () => {
    expectClose(criticalValue(0.95), 1.959963984540054, { rtol: 2e-9 });
  });
});
