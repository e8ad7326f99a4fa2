/**
 * The last guard of the public CLV functions (issue #17): a value that is not a finite number is
 * never returned; it becomes a typed error that says why.
 * @internal
 * @module
 */
import { RelmarkError } from '../errors/RelmarkError.js';

/**
 * Returns `value` if it is finite; otherwise throws `not_converged` with `details.reason`
 * 'series_did_not_converge' (NaN: a series or quadrature gave up, as for discount rates or horizons
 * so extreme that the hypergeometric series needs more than its term budget) or 'not_representable'
 * (±∞: the value exceeds the range of doubles).
 * @internal
 */
export function finiteResult(value: number, where: string, inputs: Readonly<Record<string, unknown>>): number {
  if (Number.isFinite(value)) return value;
  const reason = Number.isNaN(value) ? 'series_did_not_converge' : 'not_representable';
  throw new RelmarkError(
    'not_converged',
    Number.isNaN(value)
      ? `${where}: the series for these inputs did not converge within its term budget (an extreme horizon or discount rate)`
      : `${where}: the value for these inputs exceeds the range of doubles`,
    { details: { reason, ...inputs } },
  );
}
