import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { rfmScoresArbitrary, rfmSummariesArbitrary } from '../testing/rfm.js';
import { rfmMigration } from './rfmMigration.js';
import { bloomreachRfmSegments, rfmGridSegments } from './rfmSegmentPresets.js';
import { scoreRfm } from './scoreRfm.js';
import { segmentRfm } from './segmentRfm.js';
import { summarizeSegments } from './summarizeSegments.js';
import { validateSegmentMap } from './validateSegmentMap.js';

const coveringMap = fc.constantFrom(bloomreachRfmSegments, rfmGridSegments);

test.prop([rfmScoresArbitrary({ bins: 5 }), coveringMap])('segment assignment is total for a covering map: nobody gets the fallback', (scores, map) => {
  expect(validateSegmentMap(map, 5).uncovered).toEqual([]);
  const names = new Set(map.segments.map((s) => s.name));
  const assigned = segmentRfm(scores, { map });
  expect(assigned).toHaveLength(scores.length);
  for (const a of assigned) expect(names.has(a.segment)).toBe(true);
});

test.prop([rfmSummariesArbitrary({ levels: 20 })])('segment summaries conserve customers, orders and revenue', (summaries) => {
  const assigned = segmentRfm(scoreRfm(summaries).scores);
  const rows = summarizeSegments(assigned, summaries, { map: bloomreachRfmSegments });
  expect(rows.reduce((sum, r) => sum + r.customers, 0)).toBe(summaries.length);
  expect(rows.reduce((sum, r) => sum + r.orders, 0)).toBe(summaries.reduce((sum, s) => sum + s.frequency, 0));
  const revenue = summaries.reduce((sum, s) => sum + s.monetary, 0);
  expect(Math.abs(rows.reduce((sum, r) => sum + r.revenue, 0) - revenue)).toBeLessThan(1e-9 * Math.max(1, Math.abs(revenue)) + 1e-9);
});

const memberships = fc
  .array(fc.record({ id: fc.integer({ min: 0, max: 30 }), segment: fc.constantFrom('A', 'B', 'C') }), { maxLength: 40 })
  .map((rows) => [...new Map(rows.map((r) => [r.id, { customerId: `c${r.id}`, segment: r.segment }])).values()]);

test.prop([memberships, memberships])('migration conserves segment sizes before and after', (before, after) => {
  const result = rfmMigration(before, after);
  result.segments.forEach((segment, i) => {
    const rowSum = result.counts[i]!.reduce((a, b) => a + b, 0) + result.disappeared[i]!;
    const colSum = result.counts.reduce((a, row) => a + row[i]!, 0) + result.appeared[i]!;
    expect(rowSum).toBe(before.filter((b) => b.segment === segment).length);
    expect(colSum).toBe(after.filter((a) => a.segment === segment).length);
  });
  const trace = result.counts.reduce((sum, row, i) => sum + row[i]!, 0);
  expect(result.totals.stayed).toBe(trace);
  expect(result.totals.stayed + result.totals.moved + result.totals.appeared).toBe(after.length);
  expect(rfmMigration(after, before).totals.appeared).toBe(result.totals.disappeared);
});

test.prop([rfmScoresArbitrary(), memberships])('segment functions never mutate their input', (scores, members) => {
  const frozenScores = Object.freeze(scores.map((s) => Object.freeze({ ...s })));
  const frozenMembers = Object.freeze(members.map((m) => Object.freeze({ ...m })));
  const before = structuredClone([frozenScores, frozenMembers]);
  const assigned = segmentRfm(frozenScores);
  rfmMigration(frozenMembers, frozenMembers);
  const summaries = Object.freeze(frozenScores.map((s) => Object.freeze({ customerId: s.customerId, recency: s.r, frequency: s.f, monetary: s.m })));
  const summariesBefore = structuredClone(summaries);
  summarizeSegments(Object.freeze(assigned.map((a) => Object.freeze(a))), summaries, Object.freeze({ map: bloomreachRfmSegments }));
  expect([frozenScores, frozenMembers]).toEqual(before);
  expect(summaries).toEqual(summariesBefore);
});
