import {
  clvDistributionChartData,
  frequencyRecencyChartData,
  renderBarChart,
  renderHeatMap,
  renderHtmlReport,
  renderLineChart,
  reportChartData,
  rfChartData,
  trackingChartData,
} from '../../../src/report/index.js';
import { compressedHistoriesSql, historiesSql, rfmSummarySql } from '../../../src/sql/index.js';
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

export const reportChartDataCases: readonly SweepCase[] = [
  {
    area: 'report',
    name: 'reportChartData',
    args: () => [{ asOf: '2026-01-01', customers: [{ customerId: 'a', r: 2, f: 2, clv: 120, monetary: 80 }, { customerId: 'b', r: 1, f: 1, clv: 3, monetary: 10 }] }],
    call: (input) => reportChartData(input as never),
  },
  {
    area: 'report',
    name: 'clvDistributionChartData',
    args: () => [[3, 4, 15, 30, 80, 900].map((clv, i) => ({ customerId: `c${i}`, clv }))],
    call: (customers) => clvDistributionChartData(customers as never),
  },
  {
    area: 'report',
    name: 'frequencyRecencyChartData',
    args: () => [[
      { customerId: 'a', x: 0, tx: 0, T: 30, probabilityAlive: 1, expectedPurchases: 0.4 },
      { customerId: 'b', x: 4, tx: 28, T: 30, probabilityAlive: 0.9, expectedPurchases: 2.5 },
      { customerId: 'c', x: 3, tx: 10, T: 30, probabilityAlive: 0.3, expectedPurchases: 0.7 },
    ]],
    call: (customers) => frequencyRecencyChartData(customers as never),
  },
  {
    area: 'report',
    name: 'rfChartData',
    args: () => [[{ customerId: 'a', r: 3, f: 1, monetary: 10 }, { customerId: 'b', r: 1, f: 1, monetary: 30 }, { customerId: 'c', r: 2, f: 3, monetary: 90 }]],
    call: (customers) => rfChartData(customers as never),
  },
  {
    area: 'report',
    name: 'trackingChartData',
    args: () => [[{ start: 0, period: 1, actual: 5, expected: 4.5 }, { start: 1, period: 2, actual: 6, expected: 5.5 }, { start: 2, period: 2.4, actual: 1, expected: 2 }], { calibrationEnd: 1 }],
    call: (points, options) => trackingChartData(points as never, options as never),
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
  {
    area: 'sql',
    name: 'compressedHistoriesSql',
    args: () => [{ dialect: 'spark', table: ['shop', 'orders'], asOf: '1997-09-30', timeUnit: 'week', resolutionDays: 7 }],
    call: (options) => compressedHistoriesSql(options as never),
  },
];
