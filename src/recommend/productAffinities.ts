import * as z from 'zod';
import { compareIds } from '../internal/order.js';
import { type BasketColumns, type BasketKeyLine, toBasketColumns } from './basketColumns.js';
import { mineItemsets } from './mineItemsets.js';
import { checkOrderLines, IssueList, parseRecommendOptions } from './recommendInput.js';

/** Options for {@link productAffinities}. @category Recommend */
export interface ProductAffinitiesOptions {
  /** Smallest support (share of baskets holding all the rule's items), inclusive, in [0, 1]. */
  readonly minSupport: number;
  /** Smallest confidence, inclusive, in [0, 1]. */
  readonly minConfidence: number;
  /**
   * Most items in a rule, antecedent plus consequent (arules' `maxlen`): an integer from 2 to 10.
   * @defaultValue 3
   */
  readonly maxItems?: number;
}

/**
 * An association rule `antecedent → consequent` with the measures of arules and mlxtend.
 * @category Recommend
 */
export interface AssociationRule {
  /** The items bought together (one or more), in code-unit order. */
  readonly antecedent: readonly string[];
  /** The one item they predict. */
  readonly consequent: string;
  /** Number of baskets holding every item of the rule. */
  readonly count: number;
  /** `count / baskets`: P(A ∪ C). */
  readonly support: number;
  /** supp(A ∪ C) / supp(A): P(C | A). */
  readonly confidence: number;
  /** confidence / supp(C). */
  readonly lift: number;
  /** supp(A ∪ C) − supp(A)·supp(C). */
  readonly leverage: number;
  /** (1 − supp(C)) / (1 − confidence); `null` when confidence is 1 (arules and mlxtend give Infinity). */
  readonly conviction: number | null;
}

/** The result of {@link productAffinities}: the rules and the settings that produced them. @category Recommend */
export interface ProductAffinities {
  /** Number of baskets (distinct transaction ids). */
  readonly baskets: number;
  readonly minSupport: number;
  readonly minConfidence: number;
  readonly maxItems: number;
  /** The rules, by lift, then confidence, then support (all descending), then antecedent and consequent in code-unit order. */
  readonly rules: AssociationRule[];
}

const OptionsSchema = z.object({
  minSupport: z.number().min(0).max(1),
  minConfidence: z.number().min(0).max(1),
  maxItems: z.number().int().min(2).max(10).default(3),
});

/**
 * Association rules between products: which products are bought together, with support,
 * confidence, lift, leverage and conviction, mined exactly (no sampling).
 *
 * @remarks
 * Order lines are grouped into baskets by `transactionId`; a product repeated in a basket counts
 * once. Conventions are those of arules' `apriori` (Hahsler, Grün & Hornik 2005, *J. Stat. Softw.*
 * 14(15)): a rule has a non-empty antecedent and exactly one consequent item; `maxItems` counts both
 * sides (arules' `maxlen`); both thresholds are inclusive (`support ≥ minSupport`,
 * `confidence ≥ minConfidence`). Measures as arules' `interestMeasure` and mlxtend's
 * `association_rules` define them: support = P(A∪C), confidence = P(C|A), lift = confidence/P(C),
 * leverage = P(A∪C) − P(A)P(C), conviction = (1 − P(C))/(1 − confidence), reported as `null` when
 * the confidence is 1 (where they give Infinity). On the arules Groceries data (support 0.001,
 * confidence 0.5) it gives the rule counts and measures arules publishes (tested).
 *
 * Itemsets are mined depth-first by occurrence delivery (Uno, Kiyomi & Arimura, LCM ver. 2, FIMI
 * 2004) over baskets held as typed arrays; the rules then come from the itemsets' exact counts.
 * Edge cases: `[]` → 0 baskets and no rules; `minSupport: 0` still needs an itemset to occur in one
 * basket. The result does not depend on line order. Cost grows with the number of frequent
 * itemsets; more than 1,000,000 stops with `invalid_options` rather than run for minutes.
 *
 * @param orderLines - Lines with `transactionId` and `sku` (other fields, such as those of a
 *   `BasketLine`, are ignored); never mutated.
 * @param options - `minSupport`, `minConfidence`, `maxItems`.
 * @returns The rules with the basket count and settings.
 * @throws {@link RelmarkError} `invalid_input` when a line lacks a valid `transactionId` or `sku`
 *   (every bad field, path `['orderLines', i, field]`); `invalid_options` when a threshold is outside
 *   [0, 1], `maxItems` is not an integer from 2 to 10, or too many itemsets qualify.
 * @example
 * ```ts
 * import { productAffinities } from 'relmark/recommend';
 * const lines = [
 *   ['t1', 'bread'], ['t1', 'butter'], ['t2', 'bread'], ['t2', 'butter'], ['t2', 'jam'],
 *   ['t3', 'bread'], ['t4', 'jam'],
 * ].map(([transactionId, sku]) => ({ transactionId, sku }));
 * const { baskets, rules } = productAffinities(lines, { minSupport: 0.5, minConfidence: 0.6 });
 * baskets;
 * //=> 4
 * rules.map((r) => `${r.antecedent.join('+')} -> ${r.consequent} conf ${r.confidence} lift ${r.lift}`);
 * //=> ['butter -> bread conf 1 lift 1.3333333333333333', 'bread -> butter conf 0.6666666666666666 lift 1.3333333333333333']
 * ```
 * @category Recommend
 */
export function productAffinities(
  orderLines: readonly { readonly transactionId: string | number; readonly sku: string }[],
  options: ProductAffinitiesOptions,
): ProductAffinities {
  const where = 'productAffinities';
  const parsed = parseRecommendOptions(where, OptionsSchema, options);
  const issues = new IssueList();
  checkOrderLines(where, issues, orderLines, false);
  issues.throwIfAny(where, orderLines.length);
  return affinitiesOfBaskets(toBasketColumns(orderLines), parsed);
}

/**
 * {@link productAffinities} without validation, for lines that passed `parseBasketLines`.
 * @remarks Preconditions: every line has a string or integer `transactionId` and a non-empty `sku`;
 * thresholds in [0, 1]; `maxItems` an integer from 2 to 10. Never mutates its input.
 * @param orderLines - Validated lines.
 * @param options - As for {@link productAffinities}.
 * @returns As {@link productAffinities}.
 * @throws {@link RelmarkError} `invalid_options` only when too many itemsets qualify.
 * @example
 * ```ts
 * import { productAffinitiesUnchecked } from 'relmark/recommend';
 * productAffinitiesUnchecked([{ transactionId: 't1', sku: 'a' }, { transactionId: 't1', sku: 'b' }], { minSupport: 1, minConfidence: 1 }).rules.length;
 * //=> 2
 * ```
 * @category Recommend
 */
export function productAffinitiesUnchecked(orderLines: readonly BasketKeyLine[], options: ProductAffinitiesOptions): ProductAffinities {
  return affinitiesOfBaskets(toBasketColumns(orderLines), { ...options, maxItems: options.maxItems ?? 3 });
}

/** Rules from baskets already in columns. @internal */
export function affinitiesOfBaskets(
  baskets: BasketColumns,
  options: { readonly minSupport: number; readonly minConfidence: number; readonly maxItems: number },
): ProductAffinities {
  const { minSupport, minConfidence, maxItems } = options;
  const n = baskets.basketCount;
  const head = { baskets: n, minSupport, minConfidence, maxItems };
  if (n === 0) return { ...head, rules: [] };
  // Inclusive: count / n ≥ minSupport. The small allowance keeps 0.006 · 9835 = 59.01 from rounding up wrongly.
  const minCount = Math.max(1, Math.ceil(minSupport * n - 1e-9 * n));
  const sets = mineItemsets('productAffinities', baskets, minCount, maxItems);
  const rules: AssociationRule[] = [];
  const antecedent: number[] = [];
  for (let s = 0; s < sets.count; s++) {
    const size = sets.size[s] as number;
    if (size < 2) continue;
    const start = sets.start[s] as number;
    const count = sets.support[s] as number;
    for (let c = 0; c < size; c++) {
      antecedent.length = 0;
      for (let i = 0; i < size; i++) if (i !== c) antecedent.push(sets.items[start + i] as number);
      const countA = sets.lookup(antecedent);
      const confidence = count / countA;
      if (confidence < minConfidence - 1e-12) continue;
      const consequent = sets.items[start + c] as number;
      const supportC = (baskets.itemCounts[consequent] as number) / n;
      const support = count / n;
      rules.push({
        antecedent: antecedent.map((i) => baskets.items[i] as string),
        consequent: baskets.items[consequent] as string,
        count,
        support,
        confidence,
        lift: confidence / supportC,
        leverage: support - (countA / n) * supportC,
        conviction: count === countA ? null : (1 - supportC) / (1 - confidence),
      });
    }
  }
  rules.sort(compareRules);
  return { ...head, rules };
}

/** Lift, confidence, support descending; then shorter antecedent; then items in code-unit order. @internal */
export function compareRules(a: AssociationRule, b: AssociationRule): number {
  return (
    b.lift - a.lift ||
    b.confidence - a.confidence ||
    b.support - a.support ||
    a.antecedent.length - b.antecedent.length ||
    compareItemLists(a.antecedent, b.antecedent) ||
    compareIds(a.consequent, b.consequent)
  );
}

function compareItemLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareIds(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
