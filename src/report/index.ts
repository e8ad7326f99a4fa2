/**
 * Reports: analysis results as one self-contained HTML page with inline SVG charts, and the chart
 * renderers themselves (bar chart, heat map, line chart), which take plain data series. Pure: no
 * DOM and no `node:` import, so scripts, notebooks and browsers can all call them.
 * @module report
 */
export { renderHtmlReport } from './renderHtmlReport.js';
export type { HtmlReportInput, ReportCustomer, ReportFit, ReportSegment, RepeatPurchaseCount, TrackingPoint } from './htmlReportInput.js';
export { renderBarChart, type BarChartData, type BarChartOptions, type BarSeries } from './renderBarChart.js';
export { renderHeatMap, type HeatMapData, type HeatMapOptions } from './renderHeatMap.js';
export { renderLineChart, type LineChartData, type LineChartOptions, type LineSeries } from './renderLineChart.js';
export type { ChartOptions, ValueFormat } from './svg.js';
