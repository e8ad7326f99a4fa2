import { describe, expect, it } from 'vitest';
import { defaultRfmSegments, fmScore, rfmCode, validateSegmentMap } from 'relmark/rfm';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const codeAndPaths = (fn: () => unknown) => {
  const error = thrownRelmarkError(fn);
  return [error.code, error.issues.map((i) => i.path)];
};

describe('RFM helpers on bad input', () => {
  it('fmScore throws instead of returning NaN, and rfmCode names a score that is not a number', () => {
    expect(codeAndPaths(() => fmScore(Number.NaN, 3))).toEqual(['invalid_input', [['f']]]);
    expect(codeAndPaths(() => fmScore(2, '3' as never))).toEqual(['invalid_input', [['m']]]);
    expect(codeAndPaths(() => rfmCode(1, Object.create(null) as never, 2))).toEqual(['invalid_input', [['f']]]);
    expect(rfmCode(11, 1, 2)).toBe('?12');
    expect(fmScore(-1e308, -1e308)).toBe(-1e308);
    expect([fmScore(4, 5), fmScore(1, 2), fmScore(3, 3), fmScore(10, 9)]).toEqual([5, 2, 3, 10]);
  });

  it('validateSegmentMap checks the bins (2–10) before enumerating cells, and the map', () => {
    expect(codeAndPaths(() => validateSegmentMap(defaultRfmSegments, 1e6))).toEqual(['invalid_options', [['bins']]]);
    expect(codeAndPaths(() => validateSegmentMap({ ...defaultRfmSegments, segments: 'x' } as never, 5))).toEqual(['invalid_options', [['map', 'segments']]]);
    expect(validateSegmentMap(defaultRfmSegments, { r: 5, f: 5, m: 5 }).cells).toBe(125);
  });
});
