import * as fc from 'fast-check';
import type { BgNbdParams } from '../clv/bgNbd/bgNbdParams.js';
import type { GammaGammaParams } from '../clv/gammaGamma/gammaGammaParams.js';
import type { MbgNbdParams } from '../clv/mbgNbd/mbgNbdParams.js';
import type { ParetoNbdParams } from '../clv/paretoNbd/paretoNbdParams.js';
import type { PurchaseHistory } from '../clv/purchaseHistory.js';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** A double in [min, max] that is sometimes exactly 1 or within 1e-9 of it (removable singularities). */
const nearOne = (min: number, max: number) => fc.oneof({ arbitrary: finite(min, max), weight: 4 }, { arbitrary: fc.constantFrom(1, 1 + 1e-9, 1 - 1e-9), weight: 1 });

/** Constraints of {@link purchaseHistoryArbitrary}. @category Testing */
export interface PurchaseHistoryConstraints {
  /** The largest age T. @defaultValue 78 */
  readonly maxT?: number;
  /** The largest number of repeat purchases x. @defaultValue 50 */
  readonly maxX?: number;
}

/**
 * Valid purchase histories: integer x ≥ 0, 0 ≤ tx ≤ T ≤ maxT, tx = 0 and monetaryMean = 0 when
 * x = 0, monetaryMean in [0.01, 1000] otherwise. Every value passes `PurchaseHistorySchema`.
 *
 * @remarks Includes the edge cases T = 0, tx = T and x = 0; ids are short strings (they may repeat
 * across a generated array: deduplicate if you need unique ids). The same fast-check seed gives the
 * same values.
 * @param constraints - Bounds on T and x.
 * @returns An arbitrary of {@link PurchaseHistory}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { purchaseHistoryArbitrary } from 'relmark/testing';
 * const [h] = fc.sample(purchaseHistoryArbitrary({ maxT: 10 }), { numRuns: 1, seed: 1 });
 * h !== undefined && h.tx <= h.T && h.T <= 10;
 * //=> true
 * ```
 * @category Testing
 */
export function purchaseHistoryArbitrary(constraints: PurchaseHistoryConstraints = {}): fc.Arbitrary<PurchaseHistory> {
  const maxT = constraints.maxT ?? 78;
  const maxX = constraints.maxX ?? 50;
  return fc
    .record({
      customerId: fc.string({ minLength: 1, maxLength: 8 }),
      x: fc.integer({ min: 0, max: maxX }),
      T: finite(0, maxT),
      share: finite(0, 1),
      spend: finite(0.01, 1000),
    })
    .map(({ customerId, x, T, share, spend }) => ({
      customerId,
      x,
      tx: x === 0 ? 0 : T * share,
      T,
      monetaryMean: x === 0 ? 0 : spend,
    }));
}

/**
 * BG/NBD parameters in ranges seen in practice: r ∈ [0.05, 5], α ∈ [0.1, 50], a ∈ [0.1, 5],
 * b ∈ [0.1, 20]. Every value passes `BgNbdParamsSchema`.
 * @remarks Includes values at and near a = 1, the removable singularity of the BG/NBD expectation,
 * which relmark evaluates by its limit there.
 * @returns An arbitrary of {@link BgNbdParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { bgNbdParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(bgNbdParamsArbitrary(), { numRuns: 1, seed: 7 });
 * p !== undefined && p.r > 0 && p.alpha > 0 && p.a > 0 && p.b > 0;
 * //=> true
 * ```
 * @category Testing
 */
export function bgNbdParamsArbitrary(): fc.Arbitrary<BgNbdParams> {
  return fc.record({ r: finite(0.05, 5), alpha: finite(0.1, 50), a: nearOne(0.1, 5), b: finite(0.1, 20) });
}

/**
 * Gamma-Gamma parameters with a finite mean spend: p ∈ [0.5, 20], q ∈ [1.5, 20], v ∈ [0.5, 200].
 * @remarks q > 1 keeps the population mean spend v·p/(q − 1) finite, so expected spend exists for x = 0.
 * @returns An arbitrary of {@link GammaGammaParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { gammaGammaParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(gammaGammaParamsArbitrary(), { numRuns: 1, seed: 3 });
 * p !== undefined && p.q > 1;
 * //=> true
 * ```
 * @category Testing
 */
export function gammaGammaParamsArbitrary(): fc.Arbitrary<GammaGammaParams> {
  return fc.record({ p: finite(0.5, 20), q: finite(1.5, 20), v: finite(0.5, 200) });
}

/**
 * Pareto/NBD parameters in ranges seen in practice and beyond: r ∈ [0.05, 5], α ∈ [0.01, 50],
 * s ∈ [0.05, 5], β ∈ [0.01, 50]. Every value passes `ParetoNbdParamsSchema`.
 * @remarks Includes α far below β and the reverse (the regime where the hypergeometric series of
 * other implementations overflows) and s = 1 (the removable singularity of the expectation).
 * @returns An arbitrary of {@link ParetoNbdParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { paretoNbdParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(paretoNbdParamsArbitrary(), { numRuns: 1, seed: 7 });
 * p !== undefined && p.r > 0 && p.alpha > 0 && p.s > 0 && p.beta > 0;
 * //=> true
 * ```
 * @category Testing
 */
export function paretoNbdParamsArbitrary(): fc.Arbitrary<ParetoNbdParams> {
  return fc.record({ r: finite(0.05, 5), alpha: finite(0.01, 50), s: nearOne(0.05, 5), beta: finite(0.01, 50) });
}

/**
 * MBG/NBD parameters in ranges seen in practice: r ∈ [0.05, 5], α ∈ [0.1, 50], a ∈ [0.1, 5],
 * b ∈ [0.1, 20]. Every value passes `MbgNbdParamsSchema`.
 * @remarks Includes a = 1 (the removable singularity of the expectation, evaluated by its limit).
 * @returns An arbitrary of {@link MbgNbdParams}.
 * @example
 * ```ts
 * import * as fc from 'fast-check';
 * import { mbgNbdParamsArbitrary } from 'relmark/testing';
 * const [p] = fc.sample(mbgNbdParamsArbitrary(), { numRuns: 1, seed: 7 });
 * p !== undefined && p.a > 0 && p.b > 0;
 * //=> true
 * ```
 * @category Testing
 */
export function mbgNbdParamsArbitrary(): fc.Arbitrary<MbgNbdParams> {
  return fc.record({ r: finite(0.05, 5), alpha: finite(0.1, 50), a: nearOne(0.1, 5), b: finite(0.1, 20) });
}
