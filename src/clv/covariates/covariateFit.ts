import * as z from 'zod';

/**
 * The estimated effect of time-invariant covariates on one process of a transaction model, as JSON.
 *
 * @remarks
 * `names` keeps the order of the covariates as given to the fitter; `coefficients[name]` is γ and
 * `standardErrors[name]` its standard error from the observed information at the optimum.
 * @example
 * ```ts
 * import { CovariateEffectsSchema } from 'relmark/clv';
 * CovariateEffectsSchema.parse({ names: ['Gender'], coefficients: { Gender: 0.5 }, standardErrors: { Gender: 0.2 } }).names;
 * //=> ['Gender']
 * ```
 * @category CLV
 */
export const CovariateEffectsSchema = z.object({
  names: z.array(z.string()),
  coefficients: z.record(z.string(), z.number()),
  standardErrors: z.record(z.string(), z.number()),
});

/** The effect of covariates on one process (see {@link CovariateEffectsSchema}). @category CLV */
export type CovariateEffects = z.output<typeof CovariateEffectsSchema>;

/**
 * The covariates of a fit: their effects on the purchase process and on the dropout process, in
 * CLVTools' parameterisation.
 *
 * @remarks
 * With covariate vectors xᵢ (purchase) and zᵢ (dropout) of customer i (Fader & Hardie 2007, "Incorporating
 * time-invariant covariates into the Pareto/NBD and BG/NBD models", brucehardie.com note 019; the
 * signs as CLVTools implements them in `pnbd_staticcov_alpha_i` / `bgnbd_staticcov_a_i`):
 * - Pareto/NBD: αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), βᵢ = β₀·exp(−γ_dropoutᵀzᵢ);
 * - BG/NBD: αᵢ = α₀·exp(−γ_purchaseᵀxᵢ), aᵢ = a₀·exp(γ_dropoutᵀzᵢ), bᵢ = b₀·exp(γ_dropoutᵀzᵢ).
 *
 * A positive purchase coefficient raises the purchase rate (α is a rate parameter of the gamma
 * mixing distribution, so E[λ] = r/αᵢ grows); a positive Pareto/NBD dropout coefficient raises the
 * dropout rate.
 * @example
 * ```ts
 * import { FitCovariatesSchema } from 'relmark/clv';
 * const effects = { names: [], coefficients: {}, standardErrors: {} };
 * FitCovariatesSchema.parse({ purchase: effects, dropout: effects }).purchase.names;
 * //=> []
 * ```
 * @category CLV
 */
export const FitCovariatesSchema = z.object({ purchase: CovariateEffectsSchema, dropout: CovariateEffectsSchema });

/** The covariates of a fit (see {@link FitCovariatesSchema}). @category CLV */
export type FitCovariates = z.output<typeof FitCovariatesSchema>;

/**
 * The asymptotic covariance of a fit's estimates, as JSON: what prediction intervals draw from.
 *
 * @remarks
 * `names` lists the estimated quantities in order: the model parameters on the LOG scale (`'r'`
 * stands for ln r, and so on), then the purchase coefficients as `'purchase.<name>'` and the dropout
 * coefficients as `'dropout.<name>'` on their own scale. `values` is the row-major k × k matrix: the
 * inverse of the observed information (the Hessian of the negative total log-likelihood) at the
 * optimum.
 * @example
 * ```ts
 * import { ParameterCovarianceSchema } from 'relmark/clv';
 * ParameterCovarianceSchema.parse({ names: ['r'], values: [0.01] }).values;
 * //=> [0.01]
 * ```
 * @category CLV
 */
export const ParameterCovarianceSchema = z
  .object({ names: z.array(z.string()), values: z.array(z.number()) })
  .refine((c) => c.values.length === c.names.length * c.names.length, { message: 'values must hold names.length² entries', path: ['values'] });

/** The covariance of a fit's estimates (see {@link ParameterCovarianceSchema}). @category CLV */
export type ParameterCovariance = z.output<typeof ParameterCovarianceSchema>;

/** The covariates that a fitter uses: names per process. @category CLV */
export interface CovariateNames {
  /** Covariates of the purchase process (they scale α). @defaultValue [] */
  readonly purchase?: readonly string[];
  /** Covariates of the dropout process (they scale β for Pareto/NBD, a and b for BG/NBD). @defaultValue [] */
  readonly dropout?: readonly string[];
}
