/**
 * Every public data-taking function, by area, with a valid call from which the adversarial sweep
 * and the junk-input property test make hostile ones. Add a case per new function in its area's
 * file; `*Unchecked` functions and the columnar kernels are left out on purpose: their contract is
 * "input already validated", and their inputs come from the checked functions listed here.
 * @internal
 */
import type { SweepCase } from '../run.js';
import { channelsCases } from './channels.js';
import { cohortReportCases, cohortsCases, cohortSqlCases, cohortSummariesCases } from './cohorts.js';
import { clvCases } from './clv.js';
import { contactCases } from './contact.js';
import { ioCases } from './io.js';
import { errorsCases, modelsCases } from './models.js';
import { recommendCases } from './recommend.js';
import { reportCases, reportChartDataCases, sqlCases } from './report.js';
import { rewardsCases } from './rewards.js';
import { rfmCases } from './rfm.js';
import { summariesCases } from './summaries.js';

export const casesByArea: Readonly<Record<string, readonly SweepCase[]>> = {
  errors: errorsCases,
  models: modelsCases,
  io: ioCases,
  rfm: rfmCases,
  channels: channelsCases,
  contact: contactCases,
  rewards: rewardsCases,
  summaries: [...summariesCases, ...cohortSummariesCases],
  report: [...reportCases, ...reportChartDataCases, ...cohortReportCases],
  sql: [...sqlCases, ...cohortSqlCases],
  clv: clvCases,
  recommend: recommendCases,
  cohorts: cohortsCases,
};

export const allCases: readonly SweepCase[] = Object.values(casesByArea).flat();
