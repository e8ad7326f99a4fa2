import * as z from 'zod';

const positive = z.number().positive();

/** The largest regularity k accepted: the likelihood sums k terms per customer. @internal */
export const maxRegularity = 100;

/**
 * The five MBG/CNBD-k parameters (Platzer & Reutterer 2016; Reutterer, Platzer & Schröder 2021): while
 * active, a customer's inter-purchase times are Erlang-`k` with rate λ, λ ~ Gamma(shape `r`, rate
 * `alpha`) across customers; at every purchase, the first included, the customer drops out for good
 * with probability p ~ Beta(`a`, `b`). k = 1 is MBG/NBD (Batislam, Denizel & Filiztekin 2007).
 *
 * @remarks `k` is an integer from 1 to 100 (the regularity: larger k, more regular gaps); `alpha` is a
 * rate per time unit of the fit; r, alpha, a, b are finite and > 0. A customer's mean gap while
 * active is k/λ.
 * @example
 * ```ts
 * import { MbgCnbdKParamsSchema } from 'relmark/clv';
 * MbgCnbdKParamsSchema.safeParse({ k: 2, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }).success;
 * //=> true
 * MbgCnbdKParamsSchema.safeParse({ k: 1.5, r: 1.2, alpha: 4, a: 0.6, b: 2.5 }).success;
 * //=> false
 * ```
 * @category CLV
 */
export const MbgCnbdKParamsSchema = z.object({
  k: z.number().int().min(1).max(maxRegularity),
  r: positive,
  alpha: positive,
  a: positive,
  b: positive,
});

/** MBG/CNBD-k parameters (see {@link MbgCnbdKParamsSchema}). @category CLV */
export type MbgCnbdKParams = z.output<typeof MbgCnbdKParamsSchema>;
