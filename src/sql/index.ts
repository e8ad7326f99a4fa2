/**
 * SQL pushdown: the queries that summarise a transaction table into purchase histories and RFM
 * summaries where the data lives (DuckDB, PostgreSQL, BigQuery, Spark SQL), with the semantics of
 * `summarizeHistories` and `summarizeRfm`.
 * @module sql
 */
export { historiesSql } from './historiesSql.js';
export type { HistoriesSqlOptions } from './historiesSql.js';
export { rfmSummarySql } from './rfmSummarySql.js';
export type { RfmSummarySqlOptions } from './rfmSummarySql.js';
export type { SqlColumns, SqlDialect, SqlSourceOptions } from './sqlDialect.js';
export { compressedHistoriesSql } from './compressedHistoriesSql.js';
export type { CompressedHistoriesSqlOptions, CompressedHistoryRow } from './compressedHistoriesSql.js';
export { cohortTableSql } from './cohortTableSql.js';
export type { CohortTableSqlOptions } from './cohortTableSql.js';
