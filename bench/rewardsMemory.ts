/**
 * Memory and time of the 10M-entry balance run (the figures of bench/rewards.bench.ts, plus RSS),
 * and the seeded ledger generator that the benchmark shares.
 * Run: node --expose-gc --import tsx bench/rewardsMemory.ts [entries] [members] [time|member]
 */
import { pathToFileURL } from 'node:url';
import { createRandom } from '../src/internal/random.js';
import { PointsPolicySchema, pointsBalanceUnchecked, type PointsLedgerColumns } from '../src/rewards/index.js';

const day = 86_400_000;

/**
 * A seeded ledger in time order (as an append-only ledger is stored): about 60 % earns, 25 %
 * redemptions, 5 % adjustments, 5 % expiries and 5 % reversals of a member's latest earn, spread
 * over two years, as columns. With `layout: 'member'` the same entries are stored member by member
 * (as a per-member export would be), which spares the replay its gather across the time order.
 */
export function generateLedgerColumns(entries: number, members: number, seed: number, layout: 'time' | 'member' = 'time'): PointsLedgerColumns {
  const random = createRandom(seed);
  const customer = new Int32Array(entries);
  const type = new Uint8Array(entries);
  const at = new Float64Array(entries);
  const points = new Float64Array(entries);
  const ref = new Int32Array(entries).fill(-1);
  const lastEarn = new Int32Array(members).fill(-1);
  const start = Date.UTC(2023, 0, 1);
  const step = (730 * day) / entries;
  for (let i = 0; i < entries; i++) {
    const c = Math.floor(random() * members);
    const u = random();
    customer[i] = c;
    at[i] = start + Math.floor(i * step);
    if (u < 0.6 || lastEarn[c] === -1) {
      type[i] = 0;
      points[i] = 50 + Math.floor(random() * 450);
      lastEarn[c] = i;
    } else if (u < 0.85) {
      type[i] = 1;
      points[i] = 10 + Math.floor(random() * 90);
    } else if (u < 0.9) {
      type[i] = 3;
      points[i] = random() < 0.5 ? 25 : -5;
    } else if (u < 0.95) {
      type[i] = 2;
      points[i] = 1 + Math.floor(random() * 20);
    } else {
      type[i] = 4;
      points[i] = Number.NaN;
      ref[i] = lastEarn[c] as number;
    }
  }
  const customerIds = Array.from({ length: members }, (_, i) => `m${i}`);
  if (layout === 'time') return { customerIds, customer, type, at, points, ref };
  const byMember = Int32Array.from({ length: entries }, (_, i) => i).sort((i, j) => (customer[i] as number) - (customer[j] as number) || i - j);
  const positionOf = new Int32Array(entries);
  byMember.forEach((from, to) => (positionOf[from] = to));
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(column: T) => column.map((_, k) => column[byMember[k] as number] as number) as T;
  const refByMember = pick(ref).map((r) => (r < 0 ? r : (positionOf[r] as number)));
  return { customerIds, customer: pick(customer), type: pick(type), at: pick(at), points: pick(points), ref: refByMember };
}

/** The policy of the benchmark: points expire 12 calendar months after they are earned. */
export const benchPolicy = PointsPolicySchema.parse({ expiry: { kind: 'after', amount: 12, unit: 'month' } });
export const benchAsOf = new Date('2024-12-31T00:00:00Z');

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = Number(process.argv[2] ?? 10_000_000);
  const members = Number(process.argv[3] ?? 1_000_000);
  const layout = process.argv[4] === 'member' ? 'member' : 'time';
  const gc = (globalThis as { gc?: () => void }).gc;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const report = (label: string) => {
    gc?.();
    const m = process.memoryUsage();
    console.log(`${label}: rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}`);
  };
  report('start');
  let t = performance.now();
  const ledger = generateLedgerColumns(entries, members, 42, layout);
  console.log(`generated ${entries} entries over ${members} members (${layout} order) in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  report('ledger');
  let peakRss = 0;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  for (let run = 0; run < 3; run++) {
    t = performance.now();
    const cpu = process.cpuUsage();
    const result = pointsBalanceUnchecked(ledger, { asOf: benchAsOf, policy: benchPolicy });
    const seconds = (performance.now() - t) / 1000;
    const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // On a shared machine the wall time includes waiting for a core; the CPU time does not.
    console.log(`run ${run + 1}: wall ${seconds.toFixed(2)} s, cpu ${cpuSeconds.toFixed(2)} s; open lots ${result.lotEntry.length}, rejected ${result.rejected.length}, reversals ${result.reversals.length}`);
  }
  clearInterval(timer);
  report('after');
  console.log(`peak rss (sampled) ${mb(peakRss)}`);
}
