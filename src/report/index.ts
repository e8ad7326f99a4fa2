/**
 * Reports: analysis results as one self-contained HTML page with inline SVG charts, the data behind
 * every chart (`…ChartData` functions, JSON-able, for Observable Plot, Vega-Lite or a notebook to
 * redraw), and the chart renderers themselves (bar chart, heat map with colour legend, line chart),
 * which take plain data series. Pure: no DOM and no `node:` import, so scripts, notebooks and
 * browsers can all call them.
 * @module report
 */
export { renderHtmlReport } from './renderHtmlReport.js';
export type {
  HoldoutFrequencyMean,
  HtmlReportInput,
  ReportCustomer,
  ReportFit,
  ReportHoldout,
  ReportPeriod,
  ReportSegment,
  RepeatPurchaseCount,
  TrackingPoint,
} from './htmlReportInput.js';
export { reportChartData, type ReportChartData, type ReportPeriods } from './reportChartData.js';
export { rfChartData, type RfCell, type RfChartData } from './rfChartData.js';
export { clvDistributionChartData, type ClvBand, type ClvDistributionChartData } from './clvDistributionChartData.js';
export { frequencyRecencyChartData, type FrequencyRecencyCell, type FrequencyRecencyChartData } from './frequencyRecencyChartData.js';
export { trackingChartData, type TrackingChartData, type TrackingChartDataOptions, type TrackingChartPoint } from './trackingChartData.js';
export { renderBarChart, type BarChartData, type BarChartOptions, type BarSeries } from './renderBarChart.js';
export { renderHeatMap, type HeatMapData, type HeatMapOptions } from './renderHeatMap.js';
export { renderLineChart, type LineChartData, type LineChartOptions, type LineSeries } from './renderLineChart.js';
export type { ChartOptions, ValueFormat } from './svg.js';
export { cohortChartData, CohortTableInputSchema, type CohortChartData, type ReportCohortTable } from './cohortChartData.js';
