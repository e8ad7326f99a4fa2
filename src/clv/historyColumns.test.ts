import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitParetoNbd, simulateBgNbd, toHistoryColumns, type WeightedHistoryPoint } from 'relmark/clv';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('toHistoryColumns and the fitters with weighted rows', () => {
  it('gives a weights column only when a row carries a weight, 1 where a row has none', () => {
    expect(toHistoryColumns([{ x: 1, tx: 2, T: 3 }]).weights).toBeUndefined();
    const columns = toHistoryColumns([{ x: 1, tx: 2, T: 3 }, { x: 0, tx: 0, T: 3, weight: 4 }]);
    expect(Array.from(columns.weights ?? [])).toEqual([1, 4]);
  });

  it('fits weighted rows (as compressedHistoriesSql returns them) to the optimum of the rows they stand for', () => {
    const histories = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 3000, T: 39, seed: 3 });
    const rounded = Array.from(histories.x, (x, i) => ({ x, tx: Math.round(histories.tx[i] as number), T: 39 }));
    const counts = new Map<string, WeightedHistoryPoint & { weight: number }>();
    for (const h of rounded) {
      const key = `${h.x}|${h.tx}`;
      const row = counts.get(key);
      counts.set(key, { ...h, weight: (row?.weight ?? 0) + 1 });
    }
    const rows = [...counts.values()];
    expect(rows.length).toBeLessThan(rounded.length / 5);
    for (const fit of [fitBgNbd, fitParetoNbd]) {
      const weighted = fit(rows);
      const expanded = fit(rounded);
      expect(weighted.customers).toBe(3000);
      expect(Math.abs(weighted.logLikelihood - expanded.logLikelihood)).toBeLessThanOrEqual(1e-9 * Math.abs(expanded.logLikelihood));
    }
  });

  it('rejects a weight that is not a finite number ≥ 0, with the row path', () => {
    const bad = [{ x: 1, tx: 2, T: 3, weight: -1 }, { x: 0, tx: 0, T: 3, weight: 'two' }] as unknown as WeightedHistoryPoint[];
    const shape = thrownRelmarkError(() => fitBgNbd(bad));
    expect([shape.code, shape.issues.map((i) => i.path)]).toEqual(['invalid_input', [['histories', 1, 'weight']]]);
    const value = thrownRelmarkError(() => fitBgNbd([bad[0] as WeightedHistoryPoint, { x: 2, tx: 3, T: 3, weight: Number.NaN }]));
    expect([value.code, value.issues.map((i) => i.path)]).toEqual(['invalid_input', [['histories', 0, 'weight'], ['histories', 1, 'weight']]]);
  });
});
