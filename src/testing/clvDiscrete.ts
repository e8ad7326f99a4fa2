import * as fc from 'fast-check';
import type { BgBbHistory } from '../clv/bgBb/bgBbHistory.js';
import type { BgBbParams } from '../clv/bgBb/bgBbParams.js';
import type { SbgParams } from '../clv/sbg/sbgParams.js';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Constraints of {@link bgBbHistoryArbitrary}. @category Testing */
export interface BgBbHistoryConstraints {
  /** The largest number of opportunities n. @defaultValue 20 */
  readonly maxN?: number;
}

/**
 * Valid BG/BB histories: integers 0 ≤ x ≤ tx ≤ n ≤ maxN, with tx = 0 exactly when x = 0.
 *
 * @remarks Includes the edge cases n = 0, x = tx = n and x = 0. The same fast-check seed gives the
 * same values.
 * @param constraints - The largest n.
 * @returns An arbitrary of {@link BgBbHistory}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { bgBbHistoryArbitrary } from 'relmark/testing';
 * const [h] = fc.sample(bgBbHistoryArbitrary({ maxN: 6 }), { numRuns: 1, seed: 1 });
 * h !== undefined && h.x <= h.tx && h.tx <= h.n && h.n <= 6;
 * //=> true
 * ```
 * @category Testing
 */
export function bgBbHistoryArbitrary(constraints: BgBbHistoryConstraints = {}): fc.Arbitrary<BgBbHistory> {
  const maxN = constraints.maxN ?? 20;
  return fc
    .integer({ min: 0, max: maxN })
    .chain((n) => fc.integer({ min: 0, max: n }).chain((tx) => fc.integer({ min: tx === 0 ? 0 : 1, max: tx }).map((x) => ({ x, tx, n }))));
}

/**
 * BG/BB parameters in ranges seen in practice: α, β, γ ∈ [0.1, 10], δ ∈ [0.1, 20]. Every value
 * passes `BgBbParamsSchema`.
 * @remarks Includes γ near 1, where the closed form of the expectation over more than 10,000
 * opportunities loses digits (shorter horizons are summed term by term).
 * @returns An arbitrary of {@link BgBbParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { bgBbParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(bgBbParamsArbitrary(), { numRuns: 1, seed: 7 });
 * p !== undefined && p.alpha > 0 && p.delta > 0;
 * //=> true
 * ```
 * @category Testing
 */
export function bgBbParamsArbitrary(): fc.Arbitrary<BgBbParams> {
  return fc.record({ alpha: finite(0.1, 10), beta: finite(0.1, 10), gamma: finite(0.1, 10), delta: finite(0.1, 20) });
}

/**
 * Shifted-beta-geometric parameters: α, β ∈ [0.1, 10]. Every value passes `SbgParamsSchema`.
 * @remarks Includes α ≤ 1, where the expected lifetime is infinite.
 * @returns An arbitrary of {@link SbgParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { sbgParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(sbgParamsArbitrary(), { numRuns: 1, seed: 3 });
 * p !== undefined && p.alpha >= 0.1 && p.beta <= 10;
 * //=> true
 * ```
 * @category Testing
 */
export function sbgParamsArbitrary(): fc.Arbitrary<SbgParams> {
  return fc.record({ alpha: finite(0.1, 10), beta: finite(0.1, 10) });
}
