/**
 * Acquisition cohorts: the cohort table (retention, orders, revenue, value curves and repeat rates
 * per period since acquisition), retention, churn and repeat-purchase rates over a window, and the
 * shifted-beta-geometric model fitted to several cohorts with its projections.
 * @module cohorts
 */
export { cohortTable } from './cohortTable.js';
export type { CohortTableOptions } from './cohortTable.js';
export type { CohortCell, CohortRow, CohortTable } from './cohortTableTypes.js';
export type { CohortPeriod } from './cohortPeriod.js';
export type { CohortGroupBy } from './cohortOptions.js';
export { retentionRates } from './retentionRates.js';
export type { RetentionRates, RetentionRatesOptions, RetentionWindow } from './retentionRates.js';
export { fitSbgCohorts } from './fitSbgCohorts.js';
export type { FitSbgCohortsOptions, SbgCohortFit, SbgCohortInput, SbgCohortsFit } from './fitSbgCohorts.js';
export { projectSbgCohorts } from './projectSbgCohorts.js';
export type { ProjectSbgCohortsOptions, SbgCohortProjection } from './projectSbgCohorts.js';
