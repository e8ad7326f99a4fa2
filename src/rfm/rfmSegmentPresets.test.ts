import { describe, expect, it } from 'vitest';
import { RfmSegmentMapSchema } from './rfmSegmentMap.js';
import { bloomreachRfmSegments, defaultRfmSegments, rfmGridSegments, rfmPackageSegments } from './rfmSegmentPresets.js';
import { segmentRfmUnchecked } from './segmentRfm.js';
import { validateSegmentMap } from './validateSegmentMap.js';

// The code lists exactly as relmark issue #9 quotes them (Bloomreach / Spotler map).
const issueText = `Champions 555 554 544 545 454 455 445; Loyal 543 444 435 355 354 345 344 335; Potential Loyalist 553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323; New Customers 512 511 422 421 412 411 311; Promising 525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313; Need Attention 535 534 443 434 343 334 325 324; About To Sleep 331 321 312 221 213 231 241 251; At Risk 255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124; Cannot Lose Them 155 154 144 214 215 115 114 113; Hibernating 332 322 233 232 223 222 132 123 122 212 211; Lost 111 112 121 131 141 151`;

describe('segment map presets', () => {
  it('carries the Bloomreach code lists exactly as the issue quotes them, in order', () => {
    const expected = issueText.split('; ').map((part) => {
      const [, name, codes] = /^(\D+) (.+)$/.exec(part) ?? [];
      return [name, codes?.split(' ')];
    });
    expect(bloomreachRfmSegments.segments.map((s) => [s.name, s.codes])).toEqual(expected);
  });

  it('covers each of the 125 five-bin codes exactly once with the default map', () => {
    expect(defaultRfmSegments).toBe(bloomreachRfmSegments);
    expect(validateSegmentMap(bloomreachRfmSegments, 5)).toEqual({
      valid: true,
      cells: 125,
      uncovered: [],
      overlaps: [],
      unreachable: [],
      impossibleCodes: [],
    });
  });

  it('tiles the 25 recency × frequency cells with the grid, whatever the monetary score', () => {
    expect(validateSegmentMap(rfmGridSegments, 5)).toMatchObject({ valid: true, overlaps: [] });
    const cells = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => ({ customerId: `${r}${f}`, r, f, m: 1 })));
    const names = segmentRfmUnchecked(cells, { map: rfmGridSegments }).map((s) => s.segment);
    // rows r = 1 … 5, columns f = 1 … 5
    expect([0, 5, 10, 15, 20].map((i) => names.slice(i, i + 5))).toEqual([
      ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
      ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
      ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
      ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
      ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
    ]);
  });

  it("reproduces R rfm's last-match-wins assignment, and exposes its unreachable Champions and 36 uncovered cells", () => {
    const check = validateSegmentMap(rfmPackageSegments, 5);
    expect(check.unreachable).toEqual(['Champions']);
    expect(check.uncovered).toHaveLength(36);
    // An independent re-implementation of R's loop: assign in R's order, later rules overwrite.
    const rOrder = [...rfmPackageSegments.segments].reverse();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          let expected = 'Others';
          for (const s of rOrder) {
            const rule = s.rule!;
            const hit = [
              [rule.r, r],
              [rule.f, f],
              [rule.m, m],
            ].every(([range, v]) => range === undefined || ((range as { min: number }).min <= (v as number) && (v as number) <= (range as { max: number }).max));
            if (hit) expected = s.name;
          }
          expect(segmentRfmUnchecked([{ customerId: 'x', r, f, m }], { map: rfmPackageSegments })[0]?.segment).toBe(expected);
        }
      }
    }
  });

  it('ships valid, frozen maps whose every segment has a description and an action', () => {
    for (const map of [bloomreachRfmSegments, rfmGridSegments, rfmPackageSegments]) {
      expect(RfmSegmentMapSchema.safeParse(map).success).toBe(true);
      expect(Object.isFrozen(map) && Object.isFrozen(map.segments) && Object.isFrozen(map.segments[0])).toBe(true);
      for (const s of [...map.segments, map.fallback]) {
        expect(s.description.length).toBeGreaterThan(10);
        expect(s.action.length).toBeGreaterThan(10);
      }
      expect(map.provenance.length).toBeGreaterThan(10);
    }
    expect(bloomreachRfmSegments.segments.find((s) => s.name === 'At Risk')?.action).toMatch(/personal win-back/i);
  });

  it('lets users override a segment by copying the data', () => {
    const custom = {
      ...bloomreachRfmSegments,
      segments: bloomreachRfmSegments.segments.map((s) => (s.name === 'At Risk' ? { ...s, action: 'Call within a week' } : s)),
    };
    expect(custom.segments[7]).toMatchObject({ name: 'At Risk', action: 'Call within a week' });
    expect(bloomreachRfmSegments.segments[7]?.action).not.toBe('Call within a week');
  });
});
