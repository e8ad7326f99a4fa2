import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './logGamma.js';

// ref: scipy.special.gammaln (scipy 1.17.1), printed with repr():
//   from scipy.special import gammaln; [print(repr(x), repr(float(gammaln(x)))) for x in xs]
// tolerance: |actual − expected| ≤ 1e-13·|expected| + 1e-14 (relative 1e-13, absolute 1e-14 near the zeros at 1 and 2).
const reference: readonly (readonly [number, number])[] = [
  [1e-300, 690.7755278982137],
  [1e-10, 23.025850929882733],
  [0.001, 6.907178885383853],
  [0.1, 2.252712651734206],
  [0.25, 1.2880225246980774],
  [0.5, 0.5723649429247],
  [0.9, 0.06637623973474327],
  [0.999, 0.0005780385328917337],
  [1, 0],
  [1.001, -0.0005763935982832711],
  [1.5, -0.12078223763524526],
  [1.999, -0.0004224618006920533],
  [2, 0],
  [2.001, 0.000423106734800117],
  [2.5, 0.2846828704729192],
  [3, 0.6931471805599453],
  [4.7, 2.736405146315567],
  [10, 12.801827480081469],
  [12.3, 18.238983407092245],
  [33.3, 82.60372358165493],
  [100, 359.1342053695754],
  [171.6, 709.6573587630563],
  [1000, 5905.220423209181],
  [12345.678, 103959.91990554606],
  [1e6, 12815504.569147611],
  [9999999, 151180933.2513784],
  [1e7, 151180949.36947393],
  [3e9, 62465634366.85156],
  [1e15, 3.3538776394910668e16],
  [-0.5, 1.2655121234846454],
  [-1.5, 0.860047015376481],
  [-2.3, 0.36956666345500805],
];

describe('logGamma', () => {
  it.each(reference)('logGamma(%d) matches scipy gammaln %d (rtol 1e-13, atol 1e-14)', (x, expected) => {
    const actual = logGamma(x);
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected) + 1e-14);
  });

  it('equals ln((n − 1)!) at the integers 1…30 (rtol 1e-14)', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      const actual = logGamma(n);
      expect(Math.abs(actual - logFactorial)).toBeLessThanOrEqual(1e-14 * Math.max(1, logFactorial));
      logFactorial += Math.log(n);
    }
  });

  it('satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x across the Lanczos/Stirling switch', () => {
    for (const x of [0.3, 1.7, 9.5, 77.7, 5e6, 9999999.5]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThanOrEqual(1e-13 * Math.abs(logGamma(x + 1)) + 1e-13);
    }
  });

  it.each([
    [Number.NaN, Number.NaN],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    [0, Number.POSITIVE_INFINITY],
    [-3, Number.POSITIVE_INFINITY],
  ])('special case logGamma(%d) = %d', (x, expected) => {
    expect(logGamma(x)).toBe(expected);
  });

  it('gives ln B(a, b) in log space without overflow', () => {
    // B(2, 3) = 1/12; ln B(1e3, 1e3) from scipy.special.betaln = -1388.482601635902 (rtol 1e-13)
    expect(Math.abs(logBeta(2, 3) - Math.log(1 / 12))).toBeLessThan(1e-14);
    expect(Math.abs(logBeta(1000, 1000) + 1388.482601635902)).toBeLessThan(1e-13 * 1388.5);
  });
});
