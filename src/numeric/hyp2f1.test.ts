import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/helpers/expectClose.js';
import { hyp2f1 } from './hyp2f1.js';
import { logAddExp, logSumExp } from './logSumExp.js';

// ref: mpmath 1.3 hyp2f1 at 50 digits: [a, b, c, z, sign, ln|value|].
const table: [number, number, number, number, number, number][] = [
  [2.2425929, 4.425752, 4.218638, 0.4740285125962503, 1, 1.52046378290994],
  [0.243, 2.426, 2.219, 0.9, 1, 0.666613849418204],
  [200.243, 202.426, 202.219, 0.5, 1, 138.94033751606636],
  [1.5, 2.5, 3.5, 0.999, 1, 4.990004801257589],
  [0.243, 2.426, 0.5, 0.3, 1, 0.46958674964139296],
  [0.5, 0.7, -0.3, 0.4, -1, -1.9418117654532234],
  [0.243, 2.426, 2.219, 0, 1, 0],
];

describe('hyp2f1', () => {
  it.each(table)('2F1(%s, %s; %s; %s) matches mpmath (sign exact, ln|value| atol 1e-13)', (a, b, c, z, sign, logAbs) => {
    const value = hyp2f1(a, b, c, z);
    expect(value.sign).toBe(sign);
    expectClose(value.logAbs, logAbs, { atol: 1e-13, rtol: 1e-13 });
  });

  it.each([
    [1, 1, 1, 1],
    [1, 1, 1, -0.1],
    [0, 1, 1, 0.5],
    [1, 1, -2, 0.5],
    [1, 1, Number.NaN, 0.5],
  ])('is NaN outside its domain: 2F1(%s, %s; %s; %s)', (a, b, c, z) => {
    expect(Number.isNaN(hyp2f1(a, b, c, z).logAbs)).toBe(true);
  });
});

describe('logSumExp', () => {
  it('does not overflow and keeps the largest term', () => {
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, { rtol: 1e-15 });
    expectClose(logAddExp(-1000, -1000), -1000 + Math.LN2, { rtol: 1e-15 });
    expect(logAddExp(-745.2, Number.NEGATIVE_INFINITY)).toBe(-745.2);
  });

  it.each([
    [[], Number.NEGATIVE_INFINITY],
    [[Number.NaN, 1], Number.NaN],
    [[Number.POSITIVE_INFINITY, 1], Number.POSITIVE_INFINITY],
  ])('special case logSumExp(%j) = %s', (values, expected) => {
    expect(logSumExp(values)).toBe(expected);
  });
});
