import { normalQuantile } from '../numeric/normalQuantile.js';
import * as z from 'zod';
import { issuesFromZod } from '../errors/fromZodError.js';
import { RelmarkError, type RelmarkIssue } from '../errors/RelmarkError.js';
import { IdSchema, InstantSchema, type InstantInput } from '../models/primitives.js';
import { compareIds } from '../internal/order.js';
import { msPerDay, utcDayNumber } from '../internal/time.js';

/**
 * One purchase as {@link nextPurchaseDue} reads it: a customer, an instant and, for replenishment, a
 * product category. It is a minimal structural type: transactions (`kind: 'refund'` rows are
 * skipped) and order lines that carry `customerId`, `at` and `category` both fit, and other fields are
 * ignored.
 * @example
 * ```ts
 * import { DuePurchaseSchema } from 'relmark/contact';
 * DuePurchaseSchema.parse({ customerId: 7, at: '2024-05-01', category: 'coffee', sku: 'x' }).customerId;
 * //=> '7'
 * ```
 * @category Contact
 */
export const DuePurchaseSchema = z.object({
  customerId: IdSchema,
  at: InstantSchema,
  category: z.string().min(1).optional(),
  kind: z.enum(['purchase', 'refund']).optional(),
});
/** A validated purchase row. @category Contact */
export type DuePurchase = z.output<typeof DuePurchaseSchema>;
/** What {@link DuePurchaseSchema} accepts. @category Contact */
export type DuePurchaseInput = z.input<typeof DuePurchaseSchema>;

/** Options of {@link nextPurchaseDue}. @category Contact */
export interface NextPurchaseDueOptions {
  /** The time of the check: purchases after it are rejected, `overdue` is judged at it. */
  readonly asOf: InstantInput;
  /** The probability the due window holds the next gap, in (0, 1). @defaultValue 0.8 */
  readonly coverage?: number;
  /** One rhythm per customer and product category (replenishment) instead of one per customer. @defaultValue false */
  readonly perCategory?: boolean;
}

/** Validated options of {@link nextPurchaseDueUnchecked}. @category Contact */
export interface NextPurchaseDueUncheckedOptions {
  readonly asOf: Date;
  readonly coverage: number;
  readonly perCategory: boolean;
}

/**
 * When one customer (or one customer and category) is due to buy again. Day counts are in days of
 * 24 hours; instants are UTC `Date`s.
 * @category Contact
 */
export interface PurchaseDue {
  readonly customerId: string;
  /** The product category, or `null` when rhythms are per customer. */
  readonly category: string | null;
  /** Purchase days (distinct UTC calendar days with a purchase). */
  readonly purchaseDays: number;
  readonly lastPurchaseAt: Date;
  /** The customer's own typical gap (geometric mean of their gaps), `null` with a single purchase day. */
  readonly ownGapDays: number | null;
  /** The expected gap after shrinkage: the median of the predicted next gap. */
  readonly expectedGapDays: number;
  /** The weight of the population in the estimate, in (0, 1]: 1 with one purchase day, toward 0 as purchases grow. */
  readonly shrinkage: number;
  /** `lastPurchaseAt` + `expectedGapDays`. */
  readonly expectedAt: Date;
  /** The due window: the central `coverage` interval of the predicted next gap, from the last purchase. */
  readonly dueFrom: Date;
  readonly dueUntil: Date;
  /** Days from the last purchase to `asOf`. */
  readonly daysSinceLast: number;
  /** Whether `asOf` is past `dueUntil`. */
  readonly overdue: boolean;
  /** Mean and standard deviation of the predicted log next gap (log days): the full predictive distribution. */
  readonly logGapMean: number;
  readonly logGapSd: number;
  /** Which population the estimate shrinks toward: the category's own, or all data (a category too small to estimate). */
  readonly population: 'category' | 'all';
}

const OptionsSchema = z.object({
  asOf: InstantSchema,
  coverage: z.number().gt(0).lt(1).default(0.8),
  perCategory: z.boolean().default(false),
});

/**
 * When each customer is due to buy again, from their own inter-purchase times shrunk toward the
 * population's (empirical Bayes), with a due window and an overdue flag; per product category too.
 *
 * @remarks
 * Model (a hierarchical normal model on log gaps, Gelman et al., *Bayesian Data Analysis*, 3rd ed.,
 * §5.4; parametric empirical Bayes as in Morris, JASA 78 (1983) 47–55): a customer's gaps in days
 * between purchase days are log-normal, `log g_ij ~ N(μ_i, σ²)`, with customer means
 * `μ_i ~ N(m, τ²)`. `σ²` is the pooled within-customer variance, `τ²` the variance of customer
 * means less their sampling noise (floored at σ²/100, so a customer's own rhythm always wins in the
 * end), `m` the precision-weighted mean of the customer means (method of moments). A customer with
 * `n` gaps and mean log gap `ȳ` gets `μ̂ = w·ȳ + (1 − w)·m` with `w = nτ²/(nτ² + σ²)`
 * (`shrinkage` = 1 − w) and posterior variance `v = τ²σ²/(σ² + nτ²)`; the next log gap is predicted
 * as `N(μ̂, σ² + v)`. `expectedAt` is the last purchase plus `exp(μ̂)` days (the predictive median);
 * the due window is the central `coverage` interval `exp(μ̂ ± z·√(σ² + v))`; the customer is overdue
 * once `asOf` passes its end.
 *
 * Purchases on the same UTC calendar day count once (as in the BTYD models); refunds are skipped.
 * With `perCategory`, rows need a `category` and each category has its own population; a category
 * with fewer than two customers with gaps, or no customer with two gaps, shrinks toward all data
 * (`population: 'all'`). Edge cases: a customer with a single purchase day gets the population
 * rhythm (`shrinkage` 1, `ownGapDays` null). Order: customer id, then category (code-unit order).
 * Runs in O(n log n).
 *
 * This is about the customer's buying rhythm; {@link overdueCustomers} is about the business's
 * contact rhythm (silence since the last contact). Both flag a customer whose silence passes a limit.
 *
 * @param purchases - Purchase rows (see {@link DuePurchaseSchema}).
 * @param options - `asOf`, `coverage` (default 0.8) and `perCategory` (default false).
 * @returns One entry per customer (or customer and category).
 * @throws {@link RelmarkError} `invalid_input` for bad rows (each issue with its path, e.g.
 *   `['purchases', 3, 'at']`), or rows without `category` when `perCategory`; `future_date` for
 *   purchases after `asOf`; `invalid_options` for a bad `asOf` or `coverage`; `empty_input` without
 *   purchases; `degenerate_data` when the data cannot estimate the population (fewer than two
 *   customers with a repeat purchase, or nobody with two gaps).
 * @example
 * ```ts
 * import { nextPurchaseDue } from 'relmark/contact';
 * const rows = [
 *   ...['2024-01-01', '2024-01-09', '2024-01-21', '2024-01-30'].map((at) => ({ customerId: 'ada', at })),
 *   ...['2024-01-01', '2024-01-24', '2024-02-10'].map((at) => ({ customerId: 'bob', at })),
 *   { customerId: 'cy', at: '2024-02-01' },
 * ];
 * const due = nextPurchaseDue(rows, { asOf: '2024-03-01' });
 * due.map((d) => [d.customerId, d.expectedAt.toISOString().slice(0, 10), d.dueUntil.toISOString().slice(0, 10), d.overdue]);
 * //=> [['ada', '2024-02-08', '2024-02-12', true], ['bob', '2024-02-29', '2024-03-07', false], ['cy', '2024-02-14', '2024-02-28', true]]
 * due.map((d) => d.shrinkage.toFixed(2));
 * //=> ['0.06', '0.08', '1.00']
 * ```
 * @category Contact
 */
export function nextPurchaseDue(purchases: readonly DuePurchaseInput[], options: NextPurchaseDueOptions): PurchaseDue[] {
  const optionIssues: RelmarkIssue[] = [];
  const parsedOptions = OptionsSchema.safeParse(options);
  if (!parsedOptions.success) optionIssues.push(...issuesFromZod(parsedOptions.error, ['options']));
  if (!Array.isArray(purchases)) {
    throw new RelmarkError('invalid_input', 'nextPurchaseDue: invalid input', {
      issues: [{ code: 'invalid_type', path: ['purchases'], message: 'Expected an array of purchases' }, ...optionIssues],
    });
  }
  const rows: DuePurchase[] = [];
  const issues: RelmarkIssue[] = [];
  const asOf = parsedOptions.success ? parsedOptions.data.asOf.getTime() : undefined;
  const perCategory = parsedOptions.success && parsedOptions.data.perCategory;
  for (let i = 0; i < purchases.length; i++) {
    const result = DuePurchaseSchema.safeParse(purchases[i]);
    if (!result.success) {
      issues.push(...issuesFromZod(result.error, ['purchases', i]));
      continue;
    }
    const row = result.data;
    if (asOf !== undefined && row.at.getTime() > asOf) {
      issues.push({ code: 'future_date', path: ['purchases', i, 'at'], message: `${row.at.toISOString()} is after asOf ${new Date(asOf).toISOString()}` });
    }
    if (perCategory && row.category === undefined) issues.push({ code: 'invalid_type', path: ['purchases', i, 'category'], message: 'perCategory needs a category on every purchase' });
    rows.push(row);
  }
  if (issues.length > 0 || !parsedOptions.success) {
    const all = [...optionIssues, ...issues];
    const code = issues.length === 0 ? 'invalid_options' : optionIssues.length === 0 && issues.every((x) => x.code === 'future_date') ? 'future_date' : 'invalid_input';
    throw new RelmarkError(code, `nextPurchaseDue: invalid ${issues.length === 0 ? 'options' : 'input'}`, { issues: all });
  }
  return nextPurchaseDueUnchecked(rows, parsedOptions.data);
}

interface Group {
  readonly customerId: string;
  readonly category: string | null;
  readonly days: number[];
  last: number;
}

interface Population {
  readonly m: number;
  readonly sigma2: number;
  readonly tau2: number;
}

/**
 * {@link nextPurchaseDue} without validation, for rows that already passed {@link DuePurchaseSchema}.
 * @remarks Preconditions: purchases at or before `asOf`; with `perCategory`, every row has a category;
 * `coverage` in (0, 1). Same model, order and errors for degenerate data as {@link nextPurchaseDue}.
 * @param purchases - Validated purchase rows.
 * @param options - Validated options.
 * @returns One entry per customer (or customer and category).
 * @throws {@link RelmarkError} `empty_input` or `degenerate_data` (see {@link nextPurchaseDue}).
 * @example
 * ```ts
 * import { nextPurchaseDueUnchecked } from 'relmark/contact';
 * const at = (d: string) => new Date(d);
 * const due = nextPurchaseDueUnchecked(
 *   [
 *     { customerId: 'a', at: at('2024-01-01') }, { customerId: 'a', at: at('2024-01-08') }, { customerId: 'a', at: at('2024-01-15') },
 *     { customerId: 'b', at: at('2024-01-01') }, { customerId: 'b', at: at('2024-01-15') }, { customerId: 'b', at: at('2024-01-29') },
 *   ],
 *   { asOf: at('2024-02-01'), coverage: 0.8, perCategory: false },
 * );
 * due.map((d) => d.shrinkage > 0 && d.shrinkage < 1);
 * //=> [true, true]
 * ```
 * @category Contact
 */
export function nextPurchaseDueUnchecked(purchases: readonly DuePurchase[], options: NextPurchaseDueUncheckedOptions): PurchaseDue[] {
  const groups = new Map<string, Group>();
  for (const row of purchases) {
    if (row.kind === 'refund') continue;
    const category = options.perCategory ? (row.category ?? null) : null;
    const key = category === null ? row.customerId : `${row.customerId}\u0000${category}`;
    let group = groups.get(key);
    const ms = row.at.getTime();
    if (group === undefined) {
      group = { customerId: row.customerId, category, days: [], last: ms };
      groups.set(key, group);
    }
    group.days.push(utcDayNumber(ms));
    if (ms > group.last) group.last = ms;
  }
  if (groups.size === 0) throw new RelmarkError('empty_input', 'nextPurchaseDue: no purchases', { issues: [{ code: 'empty_input', path: ['purchases'], message: 'No purchases (refunds are skipped)' }] });
  const logGaps = new Map<Group, number[]>();
  for (const group of groups.values()) {
    const days = [...new Set(group.days)].sort((a, b) => a - b);
    const gaps: number[] = [];
    for (let i = 1; i < days.length; i++) gaps.push(Math.log((days[i] as number) - (days[i - 1] as number)));
    group.days.length = 0;
    group.days.push(...days);
    logGaps.set(group, gaps);
  }
  // In id order, so that sums (and so the results, to the last bit) do not depend on the input order.
  const entries = [...logGaps].sort(([a], [b]) => compareIds(a.customerId, b.customerId) || compareCategories(a.category, b.category));
  const all = estimatePopulation(entries.map(([, gaps]) => gaps));
  if (all === undefined) {
    throw new RelmarkError('degenerate_data', 'nextPurchaseDue: too little repeat buying to estimate the population rhythm', {
      issues: [{ code: 'degenerate_data', path: ['purchases'], message: 'Needs at least two customers with a repeat purchase and one customer with three purchase days' }],
    });
  }
  const byCategory = new Map<string | null, Population | undefined>();
  if (options.perCategory) {
    const lists = new Map<string | null, number[][]>();
    for (const [group, gaps] of entries) {
      const list = lists.get(group.category);
      if (list === undefined) lists.set(group.category, [gaps]);
      else list.push(gaps);
    }
    for (const [category, list] of lists) byCategory.set(category, estimatePopulation(list));
  }
  const z = normalQuantile((1 + options.coverage) / 2);
  const asOf = options.asOf.getTime();
  const result: PurchaseDue[] = [];
  for (const [group, gaps] of entries) {
    const own = options.perCategory ? byCategory.get(group.category) : all;
    const population = own ?? all;
    const { m, sigma2, tau2 } = population;
    const n = gaps.length;
    let sum = 0;
    for (const y of gaps) sum += y;
    const w = n === 0 ? 0 : (n * tau2) / (n * tau2 + sigma2);
    const mu = n === 0 ? m : w * (sum / n) + (1 - w) * m;
    const v = (tau2 * sigma2) / (sigma2 + n * tau2);
    const sd = Math.sqrt(sigma2 + v);
    const expectedGap = Math.exp(mu);
    const dueUntil = group.last + Math.exp(mu + z * sd) * msPerDay;
    result.push({
      customerId: group.customerId,
      category: group.category,
      purchaseDays: group.days.length,
      lastPurchaseAt: new Date(group.last),
      ownGapDays: n === 0 ? null : Math.exp(sum / n),
      expectedGapDays: expectedGap,
      shrinkage: 1 - w,
      expectedAt: new Date(group.last + expectedGap * msPerDay),
      dueFrom: new Date(group.last + Math.exp(mu - z * sd) * msPerDay),
      dueUntil: new Date(dueUntil),
      daysSinceLast: (asOf - group.last) / msPerDay,
      overdue: asOf > dueUntil,
      logGapMean: mu,
      logGapSd: sd,
      population: own === undefined ? 'all' : 'category',
    });
  }
  return result;
}

function compareCategories(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareIds(a, b);
}

/**
 * Method-of-moments estimates of the hierarchical model from each customer's log gaps: pooled
 * within variance σ², between variance τ² (less sampling noise, floored at σ²/100) and the
 * precision-weighted mean m. `undefined` when fewer than two customers have a gap or nobody has two.
 */
function estimatePopulation(lists: readonly (readonly number[])[]): Population | undefined {
  let within = 0;
  let withinDf = 0;
  const means: number[] = [];
  const counts: number[] = [];
  for (const gaps of lists) {
    if (gaps.length === 0) continue;
    let sum = 0;
    for (const y of gaps) sum += y;
    const mean = sum / gaps.length;
    for (const y of gaps) within += (y - mean) ** 2;
    withinDf += gaps.length - 1;
    means.push(mean);
    counts.push(gaps.length);
  }
  const k = means.length;
  if (k < 2 || withinDf === 0) return undefined;
  const sigma2 = Math.max(within / withinDf, 1e-6);
  let meanOfMeans = 0;
  for (const mean of means) meanOfMeans += mean / k;
  let between = 0;
  let noise = 0;
  for (let i = 0; i < k; i++) {
    between += ((means[i] as number) - meanOfMeans) ** 2 / (k - 1);
    noise += sigma2 / (counts[i] as number) / k;
  }
  const tau2 = Math.max(between - noise, sigma2 / 100);
  let weighted = 0;
  let weights = 0;
  for (let i = 0; i < k; i++) {
    const weight = 1 / (tau2 + sigma2 / (counts[i] as number));
    weighted += weight * (means[i] as number);
    weights += weight;
  }
  return { m: weighted / weights, sigma2, tau2 };
}

