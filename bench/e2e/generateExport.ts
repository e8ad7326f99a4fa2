/**
 * Writes a seeded synthetic transaction export (`customer_id,date,amount`, ISO dates, in time order
 * as an order system exports it) for the end-to-end benchmark. Files are made on demand and never
 * committed.
 *
 * The customers behave as the BTYD models assume, so that the CLV models have something to fit:
 * each is acquired on a day of the year, buys at a rate drawn from a gamma distribution (heavy and
 * light buyers) and stays active for an exponential lifetime (most drop out before the year ends).
 * Each of the `rows` transactions picks a customer in proportion to rate × active days, and a day
 * inside that customer's active window; spend per order is log-normal around a customer mean.
 *
 *   npx tsx bench/e2e/generateExport.ts <rows> <customers> <file> [seed]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRandom } from '../../src/internal/random.js';

const day = 86_400_000;
const start = Date.UTC(2025, 0, 1);
const days = 365;

/** A standard gamma draw (Marsaglia & Tsang 2000; shape < 1 by the boosting trick). */
function gamma(random: () => number, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Writes `rows` transactions of about `customers` customers over the year 2025 into `file`. */
export async function generateExport(rows: number, customers: number, file: string, seed = 20261207): Promise<void> {
  if (customers >= rows) return generateDistinct(rows, file, seed);
  const random = createRandom(seed);
  const first = new Int32Array(customers);
  const last = new Int32Array(customers);
  const weight = new Float64Array(customers);
  const spend = new Float64Array(customers);
  let total = 0;
  for (let c = 0; c < customers; c++) {
    first[c] = Math.floor(random() * days * 0.9);
    // Lifetime: exponential with a mean of 150 days; a customer active to the end stays to day 364.
    const lifetime = Math.ceil(-150 * Math.log(1 - random()));
    last[c] = Math.min(days - 1, (first[c] as number) + lifetime);
    const rate = gamma(random, 1.5);
    weight[c] = rate * ((last[c] as number) - (first[c] as number) + 1);
    spend[c] = Math.exp(2.5 + 0.6 * normal(random));
    total += weight[c] as number;
  }
  // Cumulative weights for drawing a customer per row by bisection.
  const cumulative = new Float64Array(customers);
  let sum = 0;
  for (let c = 0; c < customers; c++) cumulative[c] = sum += (weight[c] as number) / total;
  const customerOf = new Int32Array(rows);
  const dayOf = new Int32Array(rows);
  const perDay = new Int32Array(days + 1);
  for (let i = 0; i < rows; i++) {
    const u = random();
    let lo = 0;
    let hi = customers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    customerOf[i] = lo;
    const d = (first[lo] as number) + Math.floor(random() * ((last[lo] as number) - (first[lo] as number) + 1));
    dayOf[i] = d;
    perDay[d + 1] = (perDay[d + 1] as number) + 1;
  }
  // Time order by a counting sort on the day.
  for (let d = 1; d <= days; d++) perDay[d] = (perDay[d] as number) + (perDay[d - 1] as number);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const d = dayOf[i] as number;
    const at = perDay[d] as number;
    order[at] = i;
    perDay[d] = at + 1;
  }

  const width = String(customers).length;
  const dates = Array.from({ length: days }, (_, d) => new Date(start + d * day).toISOString().slice(0, 10));
  const out = createWriteStream(file);
  let buffer = 'customer_id,date,amount\n';
  for (let k = 0; k < rows; k++) {
    const i = order[k] as number;
    const c = customerOf[i] as number;
    const amount = ((spend[c] as number) * Math.exp(0.3 * normal(random))).toFixed(2);
    buffer += `C${String(c).padStart(width, '0')},${dates[dayOf[i] as number] as string},${amount}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** One row per customer (the memory case: as many distinct customers as rows), in time order. */
async function generateDistinct(rows: number, file: string, seed: number): Promise<void> {
  const random = createRandom(seed);
  const width = String(rows).length;
  const dates = Array.from({ length: days }, (_, d) => new Date(start + d * day).toISOString().slice(0, 10));
  const out = createWriteStream(file);
  let buffer = 'customer_id,date,amount\n';
  for (let i = 0; i < rows; i++) {
    // Ids in a scrambled order (an odd multiplier modulo a power of two is a permutation).
    const id = Number((BigInt(i) * 2654435761n) % BigInt(2 ** 40));
    buffer += `C${String(id).padStart(width, '0')},${dates[Math.floor((days * i) / rows)] as string},${(Math.exp(2.5 + 0.6 * normal(random))).toFixed(2)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const [rows, customers, file, seed] = process.argv.slice(2);
  if (rows === undefined || customers === undefined || file === undefined) {
    process.stderr.write('usage: generateExport.ts <rows> <customers> <file> [seed]\n');
    process.exit(1);
  }
  await generateExport(Number(rows), Number(customers), file, seed === undefined ? undefined : Number(seed));
}
