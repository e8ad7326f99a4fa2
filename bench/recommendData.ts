/**
 * The benchmark workload of relmark/recommend (issue 21): 1,000,000 order lines in 100,000 baskets
 * over 5,000 products, from a seeded generator so that every run mines the same data.
 *
 * Products come in themes of 12 (coffee, filters, mugs…); a basket draws about 7 products from one
 * theme, chosen with Zipf-like popularity, and about 3 from the whole catalogue, also Zipf-like. So
 * popular themes form many frequent pairs and triples, as real baskets do, and the tail is sparse.
 *
 * `npx tsx bench/recommendData.ts` runs productAffinitiesUnchecked (support 0.001, maxItems 3) and
 * recommendProductsUnchecked (100,000 customers, both methods) once each and prints times, counts
 * and the load average (the machine is shared; compare runs at similar load).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BasketLine } from 'relmark/models';
import { productAffinitiesUnchecked, recommendProductsUnchecked } from 'relmark/recommend';
import { createRandom } from '../src/internal/random.js';

const themeSize = 12;

/** Cumulative Zipf(1) weights over n ranks, for inverse-CDF draws. */
function zipfTable(n: number): Float64Array {
  const table = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1);
    table[i] = total;
  }
  for (let i = 0; i < n; i++) table[i] = (table[i] as number) / total;
  return table;
}

function draw(table: Float64Array, u: number): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Baskets of about lines/baskets products each; basket b belongs to customer b mod customers. */
export function recommendWorkload(size: { lines?: number; baskets?: number; products?: number; customers?: number } = {}): BasketLine[] {
  const lineTarget = size.lines ?? 1_000_000;
  const baskets = size.baskets ?? 100_000;
  const products = size.products ?? 5_000;
  const customers = size.customers ?? baskets;
  const perBasket = lineTarget / baskets;
  const random = createRandom(21);
  const themes = Math.floor(products / themeSize);
  const themeTable = zipfTable(themes);
  const productTable = zipfTable(products);
  // Scatter popularity ranks over product ids so that popular products are not all in one theme.
  const productOfRank = Array.from({ length: products }, (_, i) => i);
  for (let i = products - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [productOfRank[i], productOfRank[j]] = [productOfRank[j] as number, productOfRank[i] as number];
  }
  const skus = Array.from({ length: products }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const lines: BasketLine[] = [];
  const chosen = new Set<number>();
  for (let b = 0; b < baskets; b++) {
    chosen.clear();
    const theme = draw(themeTable, random());
    const want = Math.max(1, Math.round(perBasket + (random() - 0.5) * 4));
    const fromTheme = Math.min(themeSize, Math.round(want * 0.7));
    while (chosen.size < fromTheme) chosen.add(theme * themeSize + Math.floor(random() * themeSize));
    while (chosen.size < want) chosen.add(productOfRank[draw(productTable, random())] as number);
    const at = new Date(start + Math.floor(random() * 180) * 86_400_000);
    const transactionId = `t${b}`;
    const customerId = `c${b % customers}`;
    for (const p of chosen) lines.push({ transactionId, customerId, at, sku: skus[p] as string, quantity: 1 });
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const time = <T>(label: string, fn: () => T): T => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = fn();
    const cpu = process.cpuUsage(cpu0);
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
    return result;
  };
  console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const lines = time('generate', () => recommendWorkload());
  console.log(`${lines.length} lines, ${new Set(lines.map((l) => l.transactionId)).size} baskets, ${new Set(lines.map((l) => l.sku)).size} products`);
  const affinities = time('productAffinitiesUnchecked support 0.001, confidence 0.1, maxItems 3', () =>
    productAffinitiesUnchecked(lines, { minSupport: 0.001, minConfidence: 0.1, maxItems: 3 }),
  );
  console.log(`${affinities.rules.length} rules`);
  const asOf = Date.parse('2024-07-01T00:00:00Z');
  const rules = time('recommendProductsUnchecked rules, 100,000 customers, k 5', () => recommendProductsUnchecked(lines, { asOf, k: 5, affinities }));
  console.log(`${rules.filter((r) => r.recommendations.length > 0).length} of ${rules.length} customers get a recommendation`);
  const cosine = time('recommendProductsUnchecked itemCosine, 100,000 customers, k 5', () => recommendProductsUnchecked(lines, { asOf, k: 5, method: 'itemCosine' }));
  console.log(`${cosine.filter((r) => r.recommendations.length > 0).length} of ${cosine.length} customers get a recommendation`);
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}
