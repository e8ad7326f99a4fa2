export { retentionClv, type RetentionClvOptions } from './retentionClv.js';
export { historicClv, type HistoricClvOptions, type HistoricValue } from './historicClv.js';
