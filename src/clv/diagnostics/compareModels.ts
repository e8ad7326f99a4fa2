import * as z from 'zod';
import { fromZodError } from '../../errors/fromZodError.js';
import { isRelmarkError, RelmarkError, type RelmarkErrorCode } from '../../errors/RelmarkError.js';
import { TimeUnitSchema, type TimeUnit } from '../../models/primitives.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { TransactionModelFit } from '../transactionModels.js';
import { type CandidateFitter, type CandidateModelName, candidateModels } from './candidateModels.js';
import { type HoldoutData, type HoldoutErrors, holdoutValidation } from './holdoutValidation.js';

/** A candidate given by its own fitter: any function that returns a {@link TransactionModelFit}. @category CLV */
export interface ModelCandidate {
  /** A unique label for the result. */
  readonly name: string;
  readonly fit: CandidateFitter;
}

/** What {@link compareModels} ranks by: information criteria (lower is better), log-likelihood (higher is better) or holdout errors (lower |value| is better). @category CLV */
export type ModelRanking = 'aic' | 'bic' | 'logLikelihood' | 'mae' | 'rmse' | 'bias';

/** Options of {@link compareModels}. @category CLV */
export interface CompareModelsOptions {
  /** The models to fit: names from {@link candidateModels} or `{ name, fit }` candidates. */
  readonly candidates: readonly (CandidateModelName | ModelCandidate)[];
  /** The time unit of the histories and holdout durations. @defaultValue 'week' */
  readonly timeUnit?: TimeUnit;
  /** The criterion of `ranking`. @defaultValue 'rmse' with holdout data, else 'bic' */
  readonly rankBy?: ModelRanking;
}

/** One fitted candidate in {@link compareModels}' ranking. @category CLV */
export interface ComparedModel {
  /** 1 for the best; ties keep the order of the candidates. */
  readonly rank: number;
  readonly name: string;
  /** The fit's model tag. */
  readonly model: TransactionModelFit['model'];
  /** The number of estimated parameters k. */
  readonly parameters: number;
  /** The total log-likelihood LL of the calibration data. */
  readonly logLikelihood: number;
  /** 2k − 2 LL (Akaike 1974). */
  readonly aic: number;
  /** k ln N − 2 LL with N customers (Schwarz 1978). */
  readonly bic: number;
  /** Holdout totals and errors (see {@link HoldoutErrors}), when holdout data were given. */
  readonly holdout?: HoldoutErrors;
  /** The fit itself, to predict with. */
  readonly fit: TransactionModelFit;
}

/** A candidate whose fit failed to converge: listed, not ranked. @category CLV */
export interface FailedCandidate {
  readonly name: string;
  readonly code: RelmarkErrorCode;
  readonly message: string;
}

/** The result of {@link compareModels}. @category CLV */
export interface ModelComparison {
  /** The criterion used. */
  readonly rankBy: ModelRanking;
  /** The fitted candidates, best first. */
  readonly ranking: ComparedModel[];
  /** Candidates that did not converge, in candidate order. */
  readonly failed: FailedCandidate[];
}

const OptionsSchema = z
  .object({
    candidates: z.array(z.union([z.string(), z.object({ name: z.string().min(1), fit: z.custom<CandidateFitter>((f) => typeof f === 'function', 'Expected a function') })])).min(1),
    timeUnit: TimeUnitSchema.default('week'),
    rankBy: z.enum(['aic', 'bic', 'logLikelihood', 'mae', 'rmse', 'bias']).optional(),
  })
  .strict();

/**
 * Fits several transaction models to the same calibration histories and ranks them by an
 * information criterion or by their holdout error.
 *
 * @remarks
 * Each candidate is fitted on `data.calibration`; the table reports its log-likelihood, AIC = 2k − 2LL
 * (Akaike 1974) and BIC = k ln N − 2LL (Schwarz 1978), with k the number of parameters and N the
 * number of customers, and, when `data.holdout` is given, the holdout totals, MAE, RMSE and bias of
 * {@link holdoutValidation}. Ranking: lower AIC/BIC/MAE/RMSE, lower |bias|, higher LL; ties keep
 * the candidates' order. A candidate whose fit throws `not_converged` is listed in `failed` with the
 * error's message; any other error (invalid data) is thrown, since it concerns every candidate.
 * Edge cases: an empty or duplicated candidate list, an unknown name, or a holdout criterion
 * without holdout data → `invalid_options`. Cost: the sum of the fits, plus one expectation per
 * customer and candidate with holdout data.
 *
 * @param data - `{ calibration, holdout? }`, e.g. {@link splitCalibrationHoldout}'s result.
 * @param options - The candidates, the time unit and the ranking criterion.
 * @returns The ranking, best first, and the failed candidates.
 * @throws {@link RelmarkError} `invalid_options` as above; `invalid_input`, `empty_input`,
 *   `duplicate_id` from the fitters or from the holdout check.
 * @example
 * ```ts
 * import { compareModels, fitBgNbd, simulateBgNbd } from 'relmark/clv';
 * const sim = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 2000, T: 39, seed: 1 });
 * const calibration = Array.from(sim.x, (x, i) => ({ x, tx: sim.tx[i] ?? 0, T: 39 }));
 * const result = compareModels({ calibration }, {
 *   candidates: ['bg-nbd', { name: 'bg-nbd in days', fit: (h) => fitBgNbd(h.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })), { timeUnit: 'day' }) }],
 *   rankBy: 'aic',
 * });
 * [result.ranking.length, result.ranking[0]?.parameters];
 * //=> [2, 4]
 * ```
 * @category CLV
 */
export function compareModels(
  data: { readonly calibration: readonly HistoryPoint[]; readonly holdout?: HoldoutData['holdout'] },
  options: CompareModelsOptions,
): ModelComparison {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw fromZodError(parsed.error, 'compareModels: invalid options', { code: 'invalid_options' });
  const { timeUnit } = parsed.data;
  const hasHoldout = data?.holdout !== undefined;
  const rankBy: ModelRanking = parsed.data.rankBy ?? (hasHoldout ? 'rmse' : 'bic');
  const optionIssues: { code: string; path: (string | number)[]; message: string }[] = [];
  if (!hasHoldout && (rankBy === 'mae' || rankBy === 'rmse' || rankBy === 'bias')) {
    optionIssues.push({ code: 'needs_holdout', path: ['rankBy'], message: `Ranking by ${rankBy} needs holdout data` });
  }
  const seen = new Set<string>();
  const candidates = options.candidates.map((candidate, i) => {
    const named = typeof candidate === 'string';
    const name = named ? candidate : candidate.name;
    if (seen.has(name)) optionIssues.push({ code: 'duplicate_id', path: ['candidates', i], message: `Candidate "${name}" appears more than once` });
    seen.add(name);
    const fitter = named ? (candidateModels as Readonly<Record<string, CandidateFitter>>)[candidate] : candidate.fit;
    if (fitter === undefined) {
      optionIssues.push({ code: 'unknown_model', path: ['candidates', i], message: `Unknown model "${name}"; known: ${Object.keys(candidateModels).join(', ')}` });
    }
    return { name, fitter };
  });
  if (optionIssues.length > 0) throw new RelmarkError('invalid_options', 'compareModels: invalid options', { issues: optionIssues });

  const fitted: Omit<ComparedModel, 'rank'>[] = [];
  const failed: FailedCandidate[] = [];
  for (const { name, fitter } of candidates) {
    let fit: TransactionModelFit;
    try {
      fit = (fitter as CandidateFitter)(data.calibration, { timeUnit });
    } catch (error) {
      if (isRelmarkError(error) && error.code === 'not_converged') {
        failed.push({ name, code: error.code, message: error.message });
        continue;
      }
      throw error;
    }
    const k = Object.keys(fit.params).length;
    const ll = fit.logLikelihood;
    fitted.push({
      name,
      model: fit.model,
      parameters: k,
      logLikelihood: ll,
      aic: 2 * k - 2 * ll,
      bic: k * Math.log(fit.customers) - 2 * ll,
      ...(hasHoldout ? { holdout: holdoutValidation(fit, { calibration: data.calibration, holdout: data.holdout as HoldoutData['holdout'] }).totals } : {}),
      fit,
    });
  }
  const score = (m: Omit<ComparedModel, 'rank'>): number => {
    switch (rankBy) {
      case 'aic':
        return m.aic;
      case 'bic':
        return m.bic;
      case 'logLikelihood':
        return -m.logLikelihood;
      case 'bias':
        return Math.abs(m.holdout?.bias ?? Number.NaN);
      default:
        return m.holdout?.[rankBy] ?? Number.NaN;
    }
  };
  // A stable sort: ties (and NaN scores, which sort last) keep the candidate order.
  const order = fitted.map((m, i) => ({ m, i, s: score(m) }));
  order.sort((p, q) => (Number.isNaN(p.s) ? 1 : 0) - (Number.isNaN(q.s) ? 1 : 0) || p.s - q.s || p.i - q.i);
  return { rankBy, ranking: order.map(({ m }, i) => ({ rank: i + 1, ...m })), failed };
}
