import { renderBarChart, renderHeatMap, renderHtmlReport, renderLineChart } from '../../../src/report/index.js';
import { historiesSql, rfmSummarySql } from '../../../src/sql/index.js';
import type { SweepCase } from '../run.js';

export const reportCases: readonly SweepCase[] = [
  {
    area: 'report',
    name: 'renderHtmlReport',
    args: () => [
      {
        asOf: '2026-01-01',
        title: 'Report',
        segments: [{ segment: 'Champions', customers: 2, customerShare: 0.5, revenue: 90, revenueShare: 0.9, action: 'Reward them.' }],
        customers: [{ customerId: 'a', r: 5, f: 5, clv: 120 }, { customerId: 'b', r: 1, f: 2, clv: 3 }],
      },
    ],
    call: (input) => renderHtmlReport(input as never),
  },
  {
    area: 'report',
    name: 'renderBarChart',
    args: () => [{ categories: ['0', '1', '2+'], series: [{ name: 'actual', values: [5, 3, 2] }] }, { title: 'Repeat purchases' }],
    call: (data, options) => renderBarChart(data as never, options as never),
  },
  {
    area: 'report',
    name: 'renderHeatMap',
    args: () => [{ rows: ['F5', 'F1'], columns: ['R1', 'R5'], values: [[3, 9], [4, null]] }, { title: 'R × F' }],
    call: (data, options) => renderHeatMap(data as never, options as never),
  },
  {
    area: 'report',
    name: 'renderLineChart',
    args: () => [{ x: [1, 2, 3], series: [{ name: 'actual', values: [4, 6, 5] }, { name: 'expected', values: [5, 5, 5], dashed: true }] }, {}],
    call: (data, options) => renderLineChart(data as never, options as never),
  },
];

export const sqlCases: readonly SweepCase[] = [
  {
    area: 'sql',
    name: 'historiesSql',
    args: () => [{ dialect: 'postgresql', table: ['shop', 'orders'], asOf: '1997-09-30', columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' } }],
    call: (options) => historiesSql(options as never),
  },
  {
    area: 'sql',
    name: 'rfmSummarySql',
    args: () => [{ dialect: 'bigquery', table: 'shop.orders', asOf: '2024-03-31', frequency: 'days' }],
    call: (options) => rfmSummarySql(options as never),
  },
];
