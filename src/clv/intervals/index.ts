export type { Interval, IntervalOptions } from './intervalOptions.js';
export type { PredictionOptions } from './predictionOptions.js';
export type { CustomerValueInterval, CustomerValueIntervals } from './valueCustomers.js';
export { expectedPurchasesIntervals, type ExpectedPurchasesIntervals } from './expectedPurchasesIntervals.js';
