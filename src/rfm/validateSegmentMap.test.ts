import { describe, expect, it } from 'vitest';
import type { RfmSegmentMap } from './rfmSegmentMap.js';
import { validateSegmentMap } from './validateSegmentMap.js';

const blank = { description: '', action: '' };
const map = (segments: RfmSegmentMap['segments']): RfmSegmentMap => ({ name: 't', provenance: 'test', segments, fallback: { name: 'Other', ...blank } });

describe('validateSegmentMap', () => {
  it('finds uncovered cells, overlaps, unreachable rules and impossible codes', () => {
    const check = validateSegmentMap(
      map([
        { name: 'Top', ...blank, rule: { r: { min: 2, max: 2 }, f: { min: 2, max: 2 } } },
        { name: 'Shadowed', ...blank, codes: ['222', '221'] },
        { name: 'Bottom', ...blank, rule: { fm: { min: 1, max: 1 } } },
        { name: 'Typo', ...blank, codes: ['232'] },
      ]),
      2,
    );
    expect(check).toEqual({
      valid: false,
      cells: 8,
      // fm = ⌊(f + m + 1) / 2⌋ is 1 only for f = m = 1
      uncovered: ['112', '121', '122', '212'],
      overlaps: [
        { code: '221', segments: ['Top', 'Shadowed'] },
        { code: '222', segments: ['Top', 'Shadowed'] },
      ],
      unreachable: ['Shadowed', 'Typo'],
      impossibleCodes: [{ segment: 'Typo', code: '232' }],
    });
  });

  it('accepts bins per dimension', () => {
    const check = validateSegmentMap(map([{ name: 'All', ...blank, rule: {} }]), { r: 3, f: 2, m: 4 });
    expect(check).toMatchObject({ valid: true, cells: 24, uncovered: [] });
  });

  it('reports every cell uncovered for a map without segments', () => {
    expect(validateSegmentMap(map([]), 2).uncovered).toEqual(['111', '112', '121', '122', '211', '212', '221', '222']);
  });
});
