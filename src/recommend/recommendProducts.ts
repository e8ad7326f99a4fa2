import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import type { BasketLine } from '../models/basketLine.js';
import { IdSchema, InstantSchema } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { type CustomerKeyLine, toBasketColumns } from './basketColumns.js';
import { itemCosineScorer } from './itemCosine.js';
import { affinitiesOfBaskets, type AssociationRule, type ProductAffinities } from './productAffinities.js';
import { checkOrderLines, IssueList, parseRecommendOptions } from './recommendInput.js';
import { rulesScorer } from './ruleScorer.js';
import type { CustomerScorer } from './scorer.js';

/** How {@link recommendProducts} finds products: association rules or item-to-item cosine similarity. @category Recommend */
export type RecommendMethod = 'rules' | 'itemCosine';

/** Options for {@link recommendProducts}. @category Recommend */
export interface RecommendProductsOptions {
  /** Only lines at or before this instant count (a `Date`, ISO-8601 string or epoch ms). */
  readonly asOf: Date | string | number;
  /** Products per customer, at most. @defaultValue 5 */
  readonly k?: number;
  /** `'purchased'` leaves out products the customer already bought; `'none'` keeps them. @defaultValue 'purchased' */
  readonly exclude?: 'purchased' | 'none';
  /**
   * The customers to recommend for, in the order wanted; a listed customer without history gets an
   * empty list. Absent: every customer with a line at or before `asOf`, by id in code-unit order.
   */
  readonly customers?: readonly (string | number)[];
  /**
   * Rules from {@link productAffinities} (for example mined on all stores, or on a longer window).
   * Absent with `method: 'rules'`: mined from these lines with support 0.001, confidence 0.1 and
   * `maxItems` 3.
   */
  readonly affinities?: ProductAffinities;
  /** Products never to recommend (out of stock, regulated). */
  readonly notRecommendable?: readonly string[];
  /** `'rules'` (association rules) or `'itemCosine'` (item-to-item cosine similarity). @defaultValue 'rules' */
  readonly method?: RecommendMethod;
  /** For `itemCosine`: the most similar products kept per product. @defaultValue 20 */
  readonly neighbors?: number;
}

/** One recommended product and why. @category Recommend */
export interface ProductRecommendation {
  readonly sku: string;
  /** 1 for the best. */
  readonly rank: number;
  /** `rules`: the confidence of the best rule; `itemCosine`: the sum of cosine similarities to the customer's products. */
  readonly score: number;
  /** The customer's products that led to it (a rule's antecedent, or the most similar products bought). */
  readonly basis: readonly string[];
  /** A sentence a marketer can read, e.g. "bought A and B; 62% of baskets with A and B also have C, lift 3.1". */
  readonly evidence: string;
  /** For `rules`: the rule behind it. */
  readonly rule?: AssociationRule;
}

/** The recommendations for one customer. @category Recommend */
export interface CustomerRecommendations {
  readonly customerId: string;
  readonly method: RecommendMethod;
  readonly recommendations: ProductRecommendation[];
}

const RuleSchema = z.object({
  antecedent: z.array(z.string().min(1)).min(1),
  consequent: z.string().min(1),
  count: z.number().int().nonnegative(),
  support: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  lift: z.number().nonnegative(),
  leverage: z.number().min(-1).max(1),
  conviction: z.number().nonnegative().nullable(),
});

const OptionsSchema = z.object({
  asOf: InstantSchema,
  k: z.number().int().min(1).max(1000).default(5),
  exclude: z.enum(['purchased', 'none']).default('purchased'),
  customers: z.array(IdSchema).optional(),
  affinities: z
    .object({ baskets: z.number().int().nonnegative(), minSupport: z.number(), minConfidence: z.number(), maxItems: z.number(), rules: z.array(RuleSchema) })
    .optional(),
  notRecommendable: z.array(z.string()).optional(),
  method: z.enum(['rules', 'itemCosine']).default('rules'),
  neighbors: z.number().int().min(1).max(1000).default(20),
});

/** Options after validation, as {@link recommendProductsUnchecked} takes them. @category Recommend */
export interface RecommendProductsUncheckedOptions extends Omit<RecommendProductsOptions, 'asOf' | 'customers'> {
  /** Epoch milliseconds or a `Date`. */
  readonly asOf: Date | number;
  readonly customers?: readonly string[];
}

/**
 * Recommends, per customer, the top-k products to offer next, each with the evidence that explains
 * it: association rules ("bought A and B; 62% of baskets with A and B also have C, lift 3.1") or
 * item-to-item cosine similarity on the customer–product incidence.
 *
 * @remarks
 * `rules`: a product C is a candidate when a rule A → C with lift above 1 applies (the customer
 * bought every item of A, in any baskets up to `asOf`); its score is the confidence of the best such rule (ties: higher
 * lift, higher support, then the rule order of {@link productAffinities}). `itemCosine`: the
 * similarity of products i and j is |U_i ∩ U_j| / √(|U_i| |U_j|) over the sets of customers who
 * bought them (Sarwar et al. 2001, item-based collaborative filtering; Linden, Smith & York 2003);
 * pairs bought by a single customer are ignored, each product keeps its `neighbors` most similar
 * products, and a candidate's score is the sum of its similarities to the products the customer
 * bought. Prefer `rules` when baskets carry the signal (a few hundred to a few thousand products,
 * complements bought together) and the evidence must read as a rule; prefer `itemCosine` for large
 * catalogues with sparse baskets, where few rules reach a useful support but customers' whole
 * histories still link products.
 *
 * Products in `notRecommendable`, and with `exclude: 'purchased'` the customer's own products,
 * never appear. Ties in score are broken by lift (rules), then by sku in code-unit order, so the
 * result does not depend on line order. A customer without any applicable rule or similar product
 * gets an empty list (no popularity fallback: every recommendation has evidence). Output order:
 * `customers` when given, else by customer id in code-unit order.
 *
 * @param orderLines - Lines with `transactionId`, `customerId`, `at` and `sku` (see `BasketLineSchema`); never mutated.
 * @param options - `asOf`, `k`, `exclude`, `customers`, `affinities`, `notRecommendable`, `method`, `neighbors`.
 * @returns One entry per customer.
 * @throws {@link RelmarkError} `invalid_input` for a line with a bad field (every one, path
 *   `['orderLines', i, field]`); `future_date` for lines after `asOf`; `invalid_options` for a bad
 *   option (paths under `options`), a repeated customer in `customers`, or too many itemsets.
 * @example
 * ```ts
 * import { recommendProducts } from 'relmark/recommend';
 * const lines = [
 *   ['t1', 'ann', 'coffee'], ['t1', 'ann', 'filters'], ['t2', 'bob', 'coffee'], ['t2', 'bob', 'filters'],
 *   ['t3', 'cy', 'tea'], ['t3', 'cy', 'mug'], ['t4', 'dee', 'coffee'], ['t5', 'eve', 'tea'],
 * ].map(([transactionId, customerId, sku]) => ({ transactionId, customerId, sku, at: '2024-05-01' }));
 * const [dee] = recommendProducts(lines, { asOf: '2024-06-01', k: 3, customers: ['dee'] });
 * dee?.recommendations.map((r) => r.evidence);
 * //=> ['bought coffee; 67% of baskets with coffee also have filters, lift 1.7']
 * ```
 * @category Recommend
 */
export function recommendProducts(
  orderLines: readonly { readonly transactionId: string | number; readonly customerId: string | number; readonly sku: string; readonly at: Date | string | number }[],
  options: RecommendProductsOptions,
): CustomerRecommendations[] {
  const where = 'recommendProducts';
  const parsed = parseRecommendOptions(where, OptionsSchema, options);
  const issues = new IssueList();
  const at = checkOrderLines(where, issues, orderLines, true);
  issues.throwIfAny(where, orderLines.length);
  const asOf = parsed.asOf.getTime();
  for (let i = 0; i < at.length; i++) {
    if ((at[i] as number) > asOf) issues.add(['orderLines', i, 'at'], 'future_date', `Line at ${new Date(at[i] as number).toISOString()} is after asOf ${parsed.asOf.toISOString()}`);
  }
  issues.throwIfAny(where, orderLines.length, 'future_date');
  if (parsed.customers !== undefined) {
    const seen = new Set<string>();
    for (let i = 0; i < parsed.customers.length; i++) {
      const id = parsed.customers[i] as string;
      if (seen.has(id)) {
        throw new RelmarkError('invalid_options', `${where}: customer "${id}" is listed twice`, {
          issues: [{ code: 'duplicate_id', path: ['options', 'customers', i], message: `Customer "${id}" appears more than once in options.customers` }],
        });
      }
      seen.add(id);
    }
  }
  return recommend(orderLines, at, { ...parsed, asOf });
}

/**
 * {@link recommendProducts} without validation, for lines that passed `parseBasketLines` (`at` a
 * `Date`, ids strings).
 * @remarks Preconditions: valid lines, none after `asOf`; options as documented (k ≥ 1, distinct
 * `customers`). Never mutates its input.
 * @param orderLines - Validated lines.
 * @param options - As for {@link recommendProducts}, `asOf` a `Date` or epoch ms.
 * @returns As {@link recommendProducts}.
 * @throws {@link RelmarkError} `invalid_options` only when mining would produce too many itemsets.
 * @example
 * ```ts
 * import { recommendProductsUnchecked } from 'relmark/recommend';
 * const at = new Date('2024-05-01');
 * recommendProductsUnchecked([{ transactionId: 't1', customerId: 'a', sku: 'x', at, quantity: 1 }], { asOf: at }).length;
 * //=> 1
 * ```
 * @category Recommend
 */
export function recommendProductsUnchecked(orderLines: readonly BasketLine[], options: RecommendProductsUncheckedOptions): CustomerRecommendations[] {
  const at = new Float64Array(orderLines.length);
  for (let i = 0; i < orderLines.length; i++) at[i] = (orderLines[i] as BasketLine).at.getTime();
  const asOf = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  return recommend(orderLines, at, {
    ...options,
    asOf,
    k: options.k ?? 5,
    exclude: options.exclude ?? 'purchased',
    method: options.method ?? 'rules',
    neighbors: options.neighbors ?? 20,
  });
}

interface ResolvedOptions {
  readonly asOf: number;
  readonly k: number;
  readonly exclude: 'purchased' | 'none';
  readonly customers?: readonly string[] | undefined;
  readonly affinities?: ProductAffinities | undefined;
  readonly notRecommendable?: readonly string[] | undefined;
  readonly method: RecommendMethod;
  readonly neighbors: number;
}

function recommend(orderLines: readonly CustomerKeyLine[], at: Float64Array, options: ResolvedOptions): CustomerRecommendations[] {
  const asOf = options.asOf;
  const include = (i: number) => (at[i] as number) <= asOf;
  const histories = toBasketColumns(orderLines, include, 'customerId');
  // One catalogue: the lines' products, then any product only a supplied rule names.
  const catalogue = [...histories.items];
  const indexOf = new Map<string, number>();
  for (let i = 0; i < catalogue.length; i++) indexOf.set(catalogue[i] as string, i);
  const itemIndex = (sku: string) => {
    let index = indexOf.get(sku);
    if (index === undefined) {
      index = catalogue.length;
      catalogue.push(sku);
      indexOf.set(sku, index);
    }
    return index;
  };

  let scorer: CustomerScorer;
  if (options.method === 'rules') {
    const affinities =
      options.affinities ?? affinitiesOfBaskets(toBasketColumns(orderLines, include), { minSupport: 0.001, minConfidence: 0.1, maxItems: 3 });
    scorer = rulesScorer(affinities.rules, itemIndex, catalogue);
  } else {
    scorer = itemCosineScorer(histories, options.neighbors);
  }
  const blocked = new Uint8Array(catalogue.length);
  for (const sku of options.notRecommendable ?? []) {
    const index = indexOf.get(sku);
    if (index !== undefined) blocked[index] = 1;
  }

  const byCustomer = new Map<string, number>();
  for (let b = 0; b < histories.basketCount; b++) byCustomer.set(histories.basketKeys[b] as string, b);
  const customers = options.customers ?? [...byCustomer.keys()].sort(compareIds);
  const out: CustomerRecommendations[] = [];
  for (const customerId of customers) {
    const b = byCustomer.get(customerId);
    if (b === undefined) {
      out.push({ customerId, method: options.method, recommendations: [] });
      continue;
    }
    const owned = histories.basketItems.subarray(histories.basketOffsets[b], histories.basketOffsets[b + 1]);
    const n = scorer.score(owned, blocked, options.exclude === 'purchased');
    const top = topK(scorer, n, options.k, catalogue);
    const recommendations: ProductRecommendation[] = [];
    for (let r = 0; r < top.length; r++) {
      const item = scorer.items[top[r] as number] as number;
      const why = scorer.explain(item);
      recommendations.push(
        why.rule === undefined
          ? { sku: catalogue[item] as string, rank: r + 1, score: why.score, basis: why.basis, evidence: why.evidence }
          : { sku: catalogue[item] as string, rank: r + 1, score: why.score, basis: why.basis, evidence: why.evidence, rule: why.rule },
      );
    }
    out.push({ customerId, method: options.method, recommendations });
  }
  return out;
}

/** Indices of the best `k` candidates, best first: score, then tie key (both descending), then sku in code-unit order. */
function topK(scorer: CustomerScorer, n: number, k: number, catalogue: readonly string[]): number[] {
  const { items, scores, ties } = scorer;
  const better = (a: number, b: number) => {
    const d = (scores[a] as number) - (scores[b] as number) || (ties[a] as number) - (ties[b] as number);
    return d !== 0 ? d > 0 : compareIds(catalogue[items[a] as number] as string, catalogue[items[b] as number] as string) < 0;
  };
  const top: number[] = [];
  for (let c = 0; c < n; c++) {
    if (top.length === k && !better(c, top[k - 1] as number)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(c, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = c;
  }
  return top;
}
