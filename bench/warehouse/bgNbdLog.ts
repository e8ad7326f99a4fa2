import { createWriteStream } from 'node:fs';
import { createRandom } from '../../src/internal/random.js';
import { sampleBeta, sampleExponential, sampleGamma } from '../../src/internal/samplers.js';

/** The population the warehouse benchmark draws from (weeks): BG/NBD for purchases, Gamma-Gamma for spend. */
export const warehouseTruth = { bgNbd: { r: 1.2, alpha: 3, a: 0.8, b: 8 }, gammaGamma: { p: 6, q: 4, v: 15 } } as const;

const msPerWeek = 7 * 86_400_000;

/**
 * Writes a seeded transaction log drawn from BG/NBD (first purchases spread over two years before
 * `asOf`, a Poisson purchase rate λ ~ Gamma(r, α) per customer, a drop-out chance p ~ Beta(a, b)
 * after each repeat purchase) with Gamma-Gamma amounts, as CSV `customer_id,at_ms,amount`, customers in
 * id order. Ids are `c0000000`, …; times are epoch milliseconds. Returns the number of rows.
 */
export async function writeBgNbdLog(file: string, customers: number, asOf: number, seed = 20240601): Promise<number> {
  const random = createRandom(seed);
  const { r, alpha, a, b } = warehouseTruth.bgNbd;
  const { p, q, v } = warehouseTruth.gammaGamma;
  const out = createWriteStream(file);
  let chunk = 'customer_id,at_ms,amount\n';
  let rows = 0;
  for (let c = 0; c < customers; c++) {
    const id = `c${String(c).padStart(7, '0')}`;
    const lambda = sampleGamma(r, alpha, random);
    const dropout = sampleBeta(a, b, random);
    const nu = sampleGamma(q, v, random); // the customer's spend rate: mean spend p / ν
    let weeks = -104 * random(); // first purchase, relative to asOf
    for (let purchase = 0; ; purchase++) {
      const amount = Math.max(0.01, Math.round(sampleGamma(p, nu, random) * 100) / 100);
      chunk += `${id},${asOf + Math.floor(weeks * msPerWeek)},${amount}\n`;
      rows++;
      // BG/NBD: a customer may drop out right after each REPEAT purchase, never after the first.
      if (purchase > 0 && random() < dropout) break;
      weeks += sampleExponential(random) / lambda;
      if (!(weeks <= 0)) break;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
  return rows;
}
