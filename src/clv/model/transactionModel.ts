/**
 * The descriptor of a transaction model: everything the generic CLV functions need to know about
 * one model, as data. One descriptor per model folder; the table `clv/transactionModels.ts` lists
 * them, and every generic function dispatches through that table.
 * @internal
 * @module
 */
import type * as z from 'zod';
import type { TimeUnit } from '../../models/primitives.js';
import type { HistoryColumns } from '../historyColumns.js';
import type { HistoryPoint } from '../purchaseHistory.js';
import type { RescaledModel } from './fitOnRescaledAxis.js';

/** Histories as the generic functions pass them: objects (x, tx, T) or columns with weights. @internal */
export type ModelHistories = readonly HistoryPoint[] | HistoryColumns;

/** The options the generic fit of a descriptor takes (what `compareModels` and the CLI pass). @internal */
export interface ModelFitOptions {
  /** The unit of the histories' times; ignored by discrete-time models. */
  readonly timeUnit?: TimeUnit;
}

/** What a model's simulator takes: true parameters, customers, each customer's T, and a seed. @internal */
export interface ModelSimulationOptions<P> {
  readonly params: P;
  readonly customers: number;
  readonly T: number | readonly number[];
  readonly seed: number;
}

/**
 * The two kernels {@link customerLifetimeValue} sums month by month: E[purchases in (T, T + t] | alive at T, x, T]
 * (which must not depend on tₓ, so that customers sharing (x, T) share it) and P(alive | x, tₓ, T).
 * Both unchecked: total functions of numbers. @internal
 */
export interface ValueKernels {
  ifAlive(x: number, T: number, t: number): number;
  alive(x: number, tx: number, T: number): number;
}

/**
 * One transaction model as data: its tag, parameter and fit schemas, likelihood, fitter,
 * predictions and simulator.
 *
 * @remarks
 * How to satisfy it (see "Adding a model" in docs/guides/clv.md):
 * - `tag` is the fit's `model` discriminant (kebab-case) and the key of the model's row in the table.
 * - `clock: 'continuous'` models have fits with a `timeUnit` and histories (x, tₓ, T) in it: they are the
 *   candidates of `compareModels`, the choices of the CLI's `--model`, and valued by `customerLifetimeValue`
 *   (which needs `valueKernels`). `'discrete'` models (BG/BB) count opportunities: a history's T is the
 *   number of opportunities n, a horizon t the number of future ones.
 * - Every prediction receives the fit's `params` unvalidated and must validate them itself
 *   (`parseParams`, throwing `invalid_parameters`) and validate the history (`checkHistoryPoint`,
 *   `invalid_input`): the generic functions only look the model up.
 * - `likelihood` is the log-likelihood kernel with its analytic gradient, the data arrangement and the fixed
 *   starting points that `fitOnRescaledAxis` maximises; models fitted another way (BG/BB) leave it out.
 * - Optional members (`conditionalProbabilityOfPurchases`, `dert`, `valueKernels`, `covariateParams`) are what a model
 *   has a published expression for; the generic function throws `invalid_parameters` with the issue code
 *   `unsupported_model` for a model without it.
 * Descriptors hold functions, so they are not data to save: a saved fit is (tag, params, …) and finds its
 * descriptor again through the table.
 * @typeParam Tag - The model tag.
 * @typeParam P - The parameters (the output of `paramsSchema`).
 * @typeParam F - The fit (the output of `fitSchema`).
 * @internal
 */
export interface TransactionModel<Tag extends string, P, F extends { readonly model: Tag; readonly params: P }> {
  readonly tag: Tag;
  /** The name on screen and in the report ('BG/NBD'). */
  readonly label: string;
  /** The reference of the model, for documentation. */
  readonly reference: string;
  readonly clock: 'continuous' | 'discrete';
  readonly paramsSchema: z.ZodType<P>;
  readonly fitSchema: z.ZodType<F>;
  /** The log-likelihood with gradient and starting points, when the model is fitted by `fitOnRescaledAxis`. */
  readonly likelihood?: RescaledModel<unknown, string>;
  /** The total log-likelihood of histories at `params` (validating both). */
  logLikelihood(params: P, histories: ModelHistories): number;
  /** The checked fitter. */
  fit(histories: ModelHistories, options: ModelFitOptions): F;
  /** The fitter for columns that are already valid (what the CLI calls). */
  fitUnchecked(columns: HistoryColumns, options: ModelFitOptions): F;
  /** E[purchases in (T, T + t] | history]. */
  expectedPurchases(params: P, history: HistoryPoint, t: number): number;
  /** E[purchases in (0, t]] of a new customer. */
  expectedPurchasesNewCustomer(params: P, t: number): number;
  /** P(alive | history). */
  probabilityAlive(params: P, history: HistoryPoint): number;
  /** P(exactly n repeat purchases in (0, t]) of a new customer. */
  probabilityOfPurchases(params: P, n: number, t: number): number;
  /** P(exactly n purchases in (T, T + t] | history), where published. */
  conditionalProbabilityOfPurchases?(params: P, history: HistoryPoint, n: number, t: number): number;
  /** Discounted expected residual transactions at a continuously compounded rate per time unit, where published. */
  dert?(params: P, history: HistoryPoint, continuousDiscountRate: number): number;
  /**
   * A customer's own parameters under a fit with covariates, from the linear predictors
   * (γ_purchaseᵀxᵢ, γ_dropoutᵀzᵢ): for the models fitted with covariates (CLVTools' parameterisation).
   */
  covariateParams?(params: P, purchase: number, dropout: number): P;
  /** The CLV kernels (continuous models). */
  valueKernels?(params: P): ValueKernels;
  /** Seeded exact simulation: columns x, tx, T. */
  simulate(options: ModelSimulationOptions<P>): Required<Omit<HistoryColumns, 'weights'>>;
}

/** A descriptor of any model, as the generic functions see it after the table lookup. @internal */
// Method syntax above makes the parameter types bivariant, so every concrete descriptor is one of these.
export type AnyTransactionModel = TransactionModel<string, Record<string, number>, { readonly model: string; readonly params: Record<string, number> }>;
