import { describe, expect, it } from 'vitest';
import { renderBarChart, renderHeatMap, renderLineChart } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { aliveGrid, clvHistogram, rfGrid } from './reportSeries.js';

describe('chart renderers', () => {
  it('draw "no data" for empty input', () => {
    expect(renderBarChart({ categories: [], series: [] })).toContain('>no data<');
    expect(renderHeatMap({ rows: [], columns: [], values: [] })).toContain('>no data<');
    expect(renderLineChart({ x: [], series: [] })).toContain('>no data<');
    expect(renderBarChart({ categories: ['a'], series: [{ name: 's', values: [Number.NaN] }] })).toContain('>no data<');
  });

  it('skip null and non-finite values, draw negative bars below zero', () => {
    const svg = renderBarChart({ categories: ['a', 'b', 'c', 'd'], series: [{ name: 's', values: [1, null, Number.POSITIVE_INFINITY, -2] }] });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).not.toContain('NaN');
    const zero = Number(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="[\d.]+" stroke="#333"\/>/.exec(svg)?.[1]);
    const negative = /<rect class="bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"[^>]*><title>s, d: -2</.exec(svg);
    expect(Number(negative?.[1])).toBeCloseTo(zero, 1);
    expect(Number(negative?.[2])).toBeGreaterThan(0);
  });

  it('give the value axis round ticks that include zero', () => {
    const svg = renderBarChart({ categories: ['a', 'b'], series: [{ name: 's', values: [13, 87] }] });
    const ticks = [...svg.matchAll(/text-anchor="end">(\d+)</g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBe(0);
    expect(ticks).toEqual(ticks.toSorted((a, b) => a - b));
    expect(ticks.every((t) => t % 10 === 0)).toBe(true);
  });

  it('heat map cells: empty outline for null, filled for values, values written', () => {
    const svg = renderHeatMap({ rows: ['r'], columns: ['a', 'b'], values: [[0.25, null]] }, { valueFormat: 'probability', domain: [0, 1] });
    expect(svg.match(/<rect class="cell"/g)).toHaveLength(2);
    expect(svg).toContain('fill="none" stroke="#ccc"');
    expect(svg).toContain('>0.25<');
  });

  it('line chart: one path per series, gaps at null', () => {
    const svg = renderLineChart({ x: [1, 2, 3, 4], series: [{ name: 'a', values: [1, null, 3, 4] }] }, { marker: { x: 2, label: 'cut' } });
    const d = /<path class="line" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('class="marker"');
  });
});

describe('report series', () => {
  it('rfGrid counts customers per (F, R) cell, F from high to low', () => {
    const grid = rfGrid([
      { customerId: 'a', r: 1, f: 2 },
      { customerId: 'b', r: 1, f: 2 },
      { customerId: 'c', r: 2, f: 1 },
      { customerId: 'd' },
    ]);
    expect(grid).toEqual({ rows: ['F2', 'F1'], columns: ['R1', 'R2'], values: [[2, 0], [0, 1]] });
  });

  it('clvHistogram counts every finite CLV once', () => {
    const values = [0, 1, 2, 3, 50, 51, 300];
    const hist = clvHistogram(values.map((clv, i) => ({ customerId: String(i), clv })));
    expect(hist?.series[0]?.values.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(values.length);
    expect(clvHistogram([{ customerId: 'a' }])).toBeUndefined();
  });

  it('clvHistogram puts the long tail above the 99th percentile in one last interval', () => {
    const values = [...Array.from({ length: 100 }, (_, i) => i + 1), 1e6];
    const hist = clvHistogram(values.map((clv, i) => ({ customerId: String(i), clv })));
    expect(hist?.categories.at(-1)).toBe('> 100');
    expect(hist?.series[0]?.values.at(-1)).toBe(1);
    expect(hist?.categories[0]).toBe('0–10');
    expect(hist?.series[0]?.values.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(values.length);
  });

  it('aliveGrid averages P(alive) per frequency bucket and recency interval', () => {
    const grid = aliveGrid([
      { customerId: 'a', x: 1, tx: 10, T: 12, probabilityAlive: 0.9 },
      { customerId: 'b', x: 1, tx: 9, T: 12, probabilityAlive: 0.7 },
      { customerId: 'c', x: 12, tx: 1, T: 40, probabilityAlive: 0.1 },
    ]);
    expect(grid?.rows).toEqual(['10+', '5–9', '3–4', '2', '1', '0']);
    const row1 = grid?.values[4] ?? [];
    expect(row1[0]).toBeCloseTo(0.8, 12);
    expect(grid?.values[0]?.filter((v) => v !== null)).toEqual([0.1]);
  });
});

describe('chart renderers on data of the wrong shape', () => {
  it('throw RelmarkError with the path, and still draw non-finite values as gaps', () => {
    const error = thrownRelmarkError(() => renderBarChart({ categories: ['a'], series: [{ name: 's', values: ['x'] }] } as never));
    expect([error.code, error.issues.map((i) => i.path)]).toEqual(['invalid_input', [['data', 'series', 0, 'values', 0]]]);
    expect(thrownRelmarkError(() => renderHeatMap({ rows: 'F1', columns: [], values: [] } as never)).issues.map((i) => i.path)).toEqual([['data', 'rows']]);
    expect(thrownRelmarkError(() => renderLineChart({ x: [1], series: [] }, { width: -1 })).code).toBe('invalid_options');
    expect(renderLineChart({ x: [1, 2], series: [{ name: 's', values: [Number.NaN, Number.POSITIVE_INFINITY] }] })).toContain('no data');
  });
});
