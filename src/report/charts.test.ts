import { describe, expect, it } from 'vitest';
import { renderBarChart, renderHeatMap, renderLineChart } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

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

  it('heat map legend: swatches from the lightest to the darkest colour, labelled at both ends', () => {
    const svg = renderHeatMap({ rows: ['r1', 'r2'], columns: ['a', 'b'], values: [[3, 17], [null, 40]] }, { legendTitle: 'customers', valueFormat: 'integer' });
    const legend = /<g class="legend" data-min="([^"]+)" data-max="([^"]+)">(.*?)<\/g>/.exec(svg);
    expect(legend?.slice(1, 3)).toEqual(['3', '40']);
    const fills = [...(legend?.[3] ?? '').matchAll(/class="legend-swatch"[^>]*fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills.length).toBeGreaterThanOrEqual(10);
    // The swatches are drawn from the bottom (low) up; the cell colours of the extremes match the ends.
    const cellFill = (v: string) => new RegExp(`fill="([^"]+)" stroke="none"><title>[^<]*: ${v}<`).exec(svg)?.[1];
    expect(cellFill('3')).toBe('rgb(238, 244, 251)');
    expect(cellFill('40')).toBe('rgb(8, 48, 107)');
    expect(legend?.[3]).toContain('>customers<');
    expect(legend?.[3]).toMatch(/>3<\/text>.*>40<\/text>/);
  });

  it('heat map legend of all-equal values shows one value', () => {
    const svg = renderHeatMap({ rows: ['r'], columns: ['a'], values: [[5]] });
    expect(/<g class="legend" data-min="5" data-max="5">/.test(svg)).toBe(true);
    expect(svg).not.toContain('NaN');
  });

  it('line chart: one path per series, gaps at null', () => {
    const svg = renderLineChart({ x: [1, 2, 3, 4], series: [{ name: 'a', values: [1, null, 3, 4] }] }, { marker: { x: 2, label: 'cut' } });
    const d = /<path class="line" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('class="marker"');
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
