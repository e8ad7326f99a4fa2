import { expect } from 'vitest';

/** Tolerances of {@link expectClose}: numpy's assert_allclose semantics. */
export interface CloseTolerance {
  readonly rtol?: number;
  readonly atol?: number;
}

/**
 * Asserts |actual − expected| ≤ atol + rtol·|expected| (numpy.testing.assert_allclose), elementwise
 * for arrays, with a message that shows both values and the tolerance.
 */
export function expectClose(actual: number | ArrayLike<number>, expected: number | ArrayLike<number>, tolerance: CloseTolerance = {}): void {
  const rtol = tolerance.rtol ?? 1e-7;
  const atol = tolerance.atol ?? 0;
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, 'length').toBe(e.length);
  a.forEach((value, i) => {
    const want = e[i] as number;
    const ok = value === want || Math.abs(value - want) <= atol + rtol * Math.abs(want);
    expect(ok, `element ${i}: ${value} is not within atol ${atol} + rtol ${rtol} of ${want}`).toBe(true);
  });
}
