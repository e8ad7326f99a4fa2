/**
 * Writes examples/data/sample-transactions.csv: a synthetic, seeded transaction log for the examples and
 * the README's demo command. Re-run with `npx tsx scripts/generate-sample-data.ts`; the same seed
 * always writes the same file.
 *
 * Customers follow the BG/NBD story (Fader, Hardie & Lee 2005): while "alive" each buys at a
 * Poisson rate λ ~ Gamma(r, α) per week, and after each purchase drops out with probability
 * p ~ Beta(a, b). Spend per purchase follows the Gamma-Gamma model (Fader & Hardie 2013). A few
 * refunds and deliberately invalid rows show how relmark reports bad input instead of dropping it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/internal/random.js';

const seed = 20261123;
const customers = 400;
const start = Date.UTC(2024, 0, 1);
const end = Date.UTC(2025, 11, 31);
const msPerWeek = 7 * 86_400_000;
const params = { r: 0.6, alpha: 6, a: 0.8, b: 3, p: 6, q: 4, v: 20 };

const random = createRandom(seed);
const normal = () => {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
};
// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3).
const gamma = (shape: number, rate: number): number => {
  if (shape < 1) return gamma(shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
};
const beta = (a: number, b: number) => {
  const x = gamma(a, 1);
  return x / (x + gamma(b, 1));
};

const rows: string[] = ['transaction_id,customer_id,date,amount,kind,refund_of'];
let next = 1;
for (let c = 1; c <= customers; c++) {
  const id = `C${String(c).padStart(4, '0')}`;
  const lambda = gamma(params.r, params.alpha);
  const dropout = beta(params.a, params.b);
  // Gamma-Gamma: the customer's spend rate ν ~ Gamma(q, v); each spend ~ Gamma(p, ν), mean p/ν.
  const nu = gamma(params.q, params.v);
  let at = start + Math.floor(random() * (end - start) * 0.5);
  for (;;) {
    const amount = Math.max(1, Math.round(gamma(params.p, nu) * 100) / 100);
    const txId = `T${String(next++).padStart(6, '0')}`;
    rows.push(`${txId},${id},${new Date(at).toISOString().slice(0, 10)},${amount.toFixed(2)},purchase,`);
    if (random() < 0.03) {
      const refund = Math.round(amount * (0.2 + 0.8 * random()) * 100) / 100;
      const when = Math.min(end, at + Math.floor(random() * 14) * 86_400_000);
      rows.push(`T${String(next++).padStart(6, '0')},${id},${new Date(when).toISOString().slice(0, 10)},${refund.toFixed(2)},refund,${txId}`);
    }
    if (random() < dropout) break;
    at += Math.ceil((-Math.log(1 - random()) / lambda) * msPerWeek);
    if (at > end) break;
  }
}
// Rows a real export contains: each is reported by relmark with its reason, never dropped silently.
rows.push('T900001,C0001,2025-02-30,19.99,purchase,');
rows.push('T900002,C0002,2025-03-01,-5.00,purchase,');
rows.push('T900003,,2025-03-02,12.00,purchase,');

const out = fileURLToPath(new URL('../examples/data/sample-transactions.csv', import.meta.url));
writeFileSync(out, `${rows.join('\n')}\n`);
process.stdout.write(`wrote ${rows.length - 1} rows for ${customers} customers to examples/data/sample-transactions.csv (seed ${seed})\n`);
