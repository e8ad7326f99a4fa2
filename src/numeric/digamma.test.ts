import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.js';
import { digamma } from './digamma.js';
import { logGamma } from './logGamma.js';

// ref: mpmath 1.3 at 50 digits, log|Γ(x)| and ψ(x) rounded to double (printed with repr).
const logGammaTable: [number, number][] = [
  [1e-300, 690.7755278982137],
  [1e-8, 18.42068073818021],
  [0.243, 1.3180435846996699],
  [0.5, 0.5723649429247001],
  [0.9999, 5.7729791561249e-5],
  [1, 0],
  [1.5, -0.12078223763524518],
  [2, 0],
  [2.5, 0.2846828704729192],
  [3.7, 1.428072326665388],
  [7.25, 7.0521854507385395],
  [14.9, 24.924132002217277],
  [15.1, 25.458999750992664],
  [33.3, 82.60372358165495],
  [171.5, 709.1431630309282],
  [1e5, 1051287.7089736569],
  [1e15, 3.3538776394910668e16],
  [-0.5, 1.2655121234846454],
  [-2.5, -0.05624371649767403],
];

const digammaTable: [number, number][] = [
  [1e-6, -1000000.5772140201],
  [0.243, -4.351093864423211],
  [1, -0.5772156649015329],
  [2.5, 0.7031566406452432],
  [5.9, 1.6878194259079582],
  [6.1, 1.724087960428538],
  [10, 2.251752589066721],
  [100, 4.600161852738087],
  [1e6, 13.815510057964191],
  [-0.5, 0.03648997397857652],
];

describe('logGamma', () => {
  // Accuracy claim: absolute error ≤ 1e-14 below 15, relative ≤ 1e-14 above (mpmath reference).
  it.each(logGammaTable)('logGamma(%s) matches mpmath (atol 1e-14, rtol 1e-14)', (x, expected) => {
    expectClose(logGamma(x), expected, { atol: 1e-14, rtol: 1e-14 });
  });

  it.each([
    [Number.NaN, Number.NaN],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], // as scipy.special.gammaln
    [0, Number.POSITIVE_INFINITY],
    [-3, Number.POSITIVE_INFINITY],
  ])('special case logGamma(%s) = %s', (x, expected) => {
    expect(logGamma(x)).toBe(expected);
  });

  it('satisfies the recurrence ln Γ(x+1) = ln Γ(x) + ln x on a grid', () => {
    for (let x = 0.05; x < 40; x += 0.37) expectClose(logGamma(x + 1), logGamma(x) + Math.log(x), { atol: 2e-14, rtol: 2e-15 });
  });
});

describe('digamma', () => {
  it.each(digammaTable)('digamma(%s) matches mpmath (atol 1e-13, rtol 1e-13)', (x, expected) => {
    expectClose(digamma(x), expected, { atol: 1e-13, rtol: 1e-13 });
  });

  it.each([
    [Number.NaN, Number.NaN],
    [0, Number.NaN],
    [-2, Number.NaN],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])('special case digamma(%s) = %s', (x, expected) => {
    expect(digamma(x)).toBe(expected);
  });

  it('is the derivative of logGamma (central differences, rtol 1e-7)', () => {
    for (const x of [0.3, 1.7, 4.2, 12.5, 60]) {
      const h = 1e-5 * x;
      expectClose(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), { rtol: 1e-7, atol: 1e-8 });
    }
  });
});
