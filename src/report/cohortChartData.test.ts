import { describe, expect, it } from 'vitest';
import { cohortTable } from 'relmark/cohorts';
import { cohortChartData, renderHtmlReport, reportChartData } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

const table = cohortTable(
  [
    { customerId: 'ann', at: '2024-01-05', amount: 40 },
    { customerId: 'ann', at: '2024-02-11', amount: 20 },
    { customerId: 'bob', at: '2024-01-20', amount: 10 },
    { customerId: 'cy', at: '2024-02-02', amount: 30 },
    { customerId: 'cy', at: '2024-03-03', amount: 30 },
  ],
  { asOf: '2024-03-15', period: 'month' },
);

describe('cohortChartData', () => {
  it('gives the retention triangle and the value curves, leaving the running period and the future empty', () => {
    const data = cohortChartData(table);
    expect(data.retention).toEqual({ rows: ['2024-01', '2024-02'], columns: ['+0', '+1', '+2'], values: [[1, 0.5, null], [1, null, null]] });
    expect(data.valueCurves).toEqual({ x: [0, 1, 2], series: [{ name: '2024-01', values: [25, 35, null] }, { name: '2024-02', values: [30, null, null] }] });
    expect(cohortChartData(table, { maxCurves: 1 }).valueCurves.series.map((s) => s.name)).toEqual(['2024-02']);
  });

  it('rejects a table of another shape, and a bad maxCurves, with their paths', () => {
    expect(thrownRelmarkError(() => cohortChartData({ period: 'month', cohorts: [{ cohort: 1 }] } as never)).issues[0]!.path.slice(0, 3)).toEqual(['table', 'cohorts', 0]);
    expect(thrownRelmarkError(() => cohortChartData(table, { maxCurves: -1 })).issues[0]!.path).toEqual(['maxCurves']);
  });
});

describe('the HTML report with a cohort table', () => {
  it('draws the retention heat map with its colour legend and the value curves, and lists their data', () => {
    const html = renderHtmlReport({ asOf: '2024-03-15', cohorts: table });
    expect([...html.matchAll(/data-chart="([a-z-]+)"/g)].map((m) => m[1])).toEqual(['cohort-retention', 'cohort-value']);
    const heat = /<figure class="chart" data-chart="cohort-retention".*?<\/figure>/s.exec(html)![0];
    expect(heat).toMatch(/<g class="legend" data-min="0" data-max="1">/);
    // Two cohorts × three periods: six cells, three of them empty (the running month and the future).
    expect(heat.match(/<rect class="cell"/g)).toHaveLength(6);
    expect(heat.match(/fill="none"/g)).toHaveLength(3);
    const value = /<figure class="chart" data-chart="cohort-value".*?<\/figure>/s.exec(html)![0];
    expect(value).toContain('2024-01');
    expect(value).toContain('2024-02');
    const data = reportChartData({ asOf: '2024-03-15', cohorts: table });
    expect(data.charts).toEqual(['cohort-retention', 'cohort-value']);
    expect(data.cohorts).toEqual(cohortChartData(table));
  });
});
