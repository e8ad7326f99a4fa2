import { describe, expect, it } from 'vitest';
import { thrownRelmarkError as thrown } from '../../test/helpers/thrownRelmarkError.js';
import { rfmGridSegments } from './rfmSegmentPresets.js';
import { segmentRfm } from './segmentRfm.js';
import { rfmMigration } from './rfmMigration.js';
import { summarizeSegments } from './summarizeSegments.js';


describe('segmentRfm', () => {
  it('names segments with the default map, recomputing code and fm, in input order', () => {
    expect(segmentRfm([{ customerId: 3, r: 2, f: 5, m: 4, code: 'stale' } as never, { customerId: 'z', r: 1, f: 1, m: 1 }])).toEqual([
      { customerId: '3', r: 2, f: 5, m: 4, code: '254', fm: 5, segment: 'At Risk' },
      { customerId: 'z', r: 1, f: 1, m: 1, code: '111', fm: 1, segment: 'Lost' },
    ]);
  });

  it('gives the fallback to scores no segment covers (6 bins on a 5-bin map)', () => {
    expect(segmentRfm([{ customerId: 'a', r: 6, f: 1, m: 1 }])[0]?.segment).toBe('Unclassified');
  });

  it('uses a given map', () => {
    expect(segmentRfm([{ customerId: 'a', r: 4, f: 1, m: 5 }], { map: rfmGridSegments })[0]?.segment).toBe('Promising');
  });

  it('returns [] for no scores', () => {
    expect(segmentRfm([])).toEqual([]);
  });

  it('rejects bad scores with their paths, repeated ids, and malformed maps', () => {
    const bad = thrown(() => segmentRfm([{ customerId: 'a', r: 0, f: 1.5, m: Number.NaN }]));
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues.map((i) => i.path)).toEqual([
      ['scores', 0, 'r'],
      ['scores', 0, 'f'],
      ['scores', 0, 'm'],
    ]);
    expect(thrown(() => segmentRfm([{ customerId: 'a', r: 1, f: 1, m: 1 }, { customerId: 'a', r: 2, f: 2, m: 2 }])).code).toBe('duplicate_id');
    const map = thrown(() =>
      segmentRfm([], {
        map: {
          ...rfmGridSegments,
          segments: [
            { name: 'A', description: '', action: '', codes: ['111'], rule: {} },
            { name: 'A', description: '', action: '', codes: ['1111'] },
          ],
        },
      }),
    );
    expect(map.code).toBe('invalid_options');
    expect(map.issues.map((i) => i.path)).toEqual([
      ['map', 'segments', 0],
      ['map', 'segments', 1, 'codes', 0],
      ['map', 'segments', 1, 'name'],
    ]);
  });
});

describe('summarizeSegments', () => {
  const segmented = [
    { customerId: 'a', segment: 'Champions' },
    { customerId: 'b', segment: 'Lost' },
  ];
  const summaries = [
    { customerId: 'a', recency: 1, frequency: 3, monetary: 40, orders: 4, revenue: 200 },
    { customerId: 'b', recency: 99, frequency: 1, monetary: 0 },
    { customerId: 'c', recency: 5, frequency: 1, monetary: 10 },
  ];

  it('uses orders and revenue when given, and lists every segment of a map in its order', () => {
    const rows = summarizeSegments(segmented, summaries, { map: rfmGridSegments });
    expect(rows.map((r) => r.segment)).toEqual([...rfmGridSegments.segments.map((s) => s.name), 'Unclassified', 'Lost']);
    expect(rows[0]).toEqual({ segment: 'Champions', customers: 1, customerShare: 0.5, orders: 4, revenue: 200, averageOrderValue: 50, revenueShare: 1 });
    expect(rows.at(-1)).toEqual({ segment: 'Lost', customers: 1, customerShare: 0.5, orders: 1, revenue: 0, averageOrderValue: 0, revenueShare: 0 });
    expect(rows[1]).toEqual({ segment: 'Loyal Customers', customers: 0, customerShare: 0, orders: 0, revenue: 0, averageOrderValue: null, revenueShare: 0 });
  });

  it('gives null shares without customers or revenue', () => {
    expect(summarizeSegments([], [])).toEqual([]);
    expect(summarizeSegments([{ customerId: 'b', segment: 'Lost' }], summaries)[0]).toMatchObject({ revenueShare: null });
  });

  it('rejects a segmented customer without a summary, with its path', () => {
    const error = thrown(() => summarizeSegments([{ customerId: 'x', segment: 'Lost' }], summaries));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_customer",
          "message": "Customer "x" has no summary",
          "path": [
            "segmented",
            0,
            "customerId",
          ],
        },
      ]
    `);
  });
});

describe('rfmMigration', () => {
  it('counts transitions, stays, appearances and disappearances', () => {
    const before = [
      { customerId: 'a', segment: 'Champions' },
      { customerId: 'b', segment: 'Champions' },
      { customerId: 'c', segment: 'Lost' },
    ];
    const after = [
      { customerId: 'a', segment: 'Champions' },
      { customerId: 'b', segment: 'At Risk' },
      { customerId: 'd', segment: 'New Customers' },
    ];
    expect(rfmMigration(before, after)).toEqual({
      segments: ['At Risk', 'Champions', 'Lost', 'New Customers'],
      counts: [
        [0, 0, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      appeared: [0, 0, 0, 1],
      disappeared: [0, 0, 1, 0],
      totals: { before: 3, after: 3, stayed: 1, moved: 1, appeared: 1, disappeared: 1 },
    });
  });

  it('handles empty lists', () => {
    expect(rfmMigration([], [])).toEqual({
      segments: [],
      counts: [],
      appeared: [],
      disappeared: [],
      totals: { before: 0, after: 0, stayed: 0, moved: 0, appeared: 0, disappeared: 0 },
    });
  });

  it('rejects a customer listed twice on one date', () => {
    const error = thrown(() => rfmMigration([], [{ customerId: 'a', segment: 'X' }, { customerId: 'a', segment: 'Y' }]));
    expect(error.code).toBe('duplicate_id');
    expect(error.issues.map((i) => i.path)).toEqual([['after', 1]]);
  });
});
