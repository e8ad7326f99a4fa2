/**
 * The benchmark workload of relmark/contact (issue 5), and a memory check for it.
 *
 * `npx tsx --expose-gc bench/contactMemory.ts [customers]` builds the workload with a seeded generator,
 * runs planContactsUnchecked once and prints the time and the heap/RSS peaks. bench/contact.bench.ts
 * uses the same generator for timings.
 */
import { ContactPolicySchema, planContactsUnchecked, type ContactCandidate, type ContactHistoryEntry, type PlanContactsUncheckedArgs } from 'relmark/contact';
import type { Customer } from 'relmark/models';
import { createRandom } from '../src/internal/random.js';

const day = 86_400_000;
const channels = ['email', 'sms', 'phone'] as const;
const zones = ['Europe/Paris', 'America/New_York', 'UTC', 'Asia/Kathmandu', undefined] as const;

/** A realistic policy: weekly and daily caps, gaps, quiet hours, a call-centre capacity. */
export const benchPolicy = ContactPolicySchema.parse({
  fallbackTimeZone: 'Europe/London',
  caps: [
    { id: 'weekly', scope: { kind: 'all' }, max: 3, window: { kind: 'rolling', length: '7d' } },
    { id: 'email-daily', scope: { kind: 'channels', channels: ['email'] }, max: 1, window: { kind: 'calendar', unit: 'day' } },
    { id: 'monthly', scope: { kind: 'purposes', purposes: ['marketing'] }, max: 10, window: { kind: 'calendar', unit: 'month' } },
  ],
  minGaps: [
    { channel: 'email', gap: '16h' },
    { channel: 'sms', gap: '24h' },
  ],
  quietHours: [{ start: '21:00', end: '08:00' }],
  capacity: [{ channel: 'phone', perDay: 20_000 }],
});

/**
 * `customers` customers with 30 days of history (10 outbound contacts each on average, so about
 * 1,000,000 for 100,000 customers) and 10 candidates each over a 7-day horizon, on 3 channels.
 */
export function contactWorkload(customers: number, seed = 5): PlanContactsUncheckedArgs {
  const random = createRandom(seed);
  const asOf = Date.parse('2024-10-21T09:00:00Z');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const customerRows: Customer[] = [];
  const history: ContactHistoryEntry[] = [];
  const candidates: ContactCandidate[] = [];
  for (let i = 0; i < customers; i++) {
    const id = `c${i}`;
    const timeZone = pick(zones);
    customerRows.push({
      id,
      ...(timeZone === undefined ? {} : { timeZone }),
      consents: channels.filter(() => random() < 0.9).map((channel) => ({ channel, purpose: 'marketing' as const, status: 'granted' as const, at: new Date(asOf - 400 * day) })),
    });
    const contacts = Math.floor(random() * 21); // 0 … 20, mean 10
    for (let j = 0; j < contacts; j++) {
      history.push({
        id: `h${i}-${j}`,
        customerId: id,
        channel: pick(channels),
        direction: 'outbound',
        purpose: random() < 0.8 ? 'marketing' : 'transactional',
        outcome: 'delivered',
        at: new Date(asOf - Math.floor(random() * 30 * day)),
      });
    }
    for (let j = 0; j < 10; j++) {
      const earliest = asOf + Math.floor(random() * 6 * day);
      candidates.push({
        id: `k${i}-${j}`,
        customerId: id,
        channel: pick(channels),
        purpose: random() < 0.9 ? 'marketing' : 'service',
        priority: Math.floor(random() * 5),
        expectedValue: Math.round(random() * 100) / 10,
        earliest: new Date(earliest),
        latest: new Date(earliest + Math.floor(random() * 3 * day)),
      });
    }
  }
  return { customers: customerRows, history, candidates, policy: benchPolicy, asOf: new Date(asOf), horizon: 7 * day };
}

const isMain = process.argv[1]?.endsWith('contactMemory.ts') ?? false;
if (isMain) {
  const size = Number(process.argv[2] ?? 100_000);
  const gc = (globalThis as { gc?: () => void }).gc;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  gc?.();
  const base = process.memoryUsage();
  const args = contactWorkload(size);
  gc?.();
  const afterData = process.memoryUsage();
  let peakHeap = afterData.heapUsed;
  let peakRss = afterData.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 5);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const plan = planContactsUnchecked(args);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const end = process.memoryUsage();
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, end.heapUsed);
  peakRss = Math.max(peakRss, end.rss);
  console.log(`customers ${size}, history ${args.history.length}, candidates ${args.candidates.length}`);
  console.log(`plan: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; scheduled ${plan.scheduled.length}, deferred ${plan.deferred.length}, suppressed ${plan.suppressed.length}`);
  console.log(`heap: baseline ${mb(base.heapUsed)}, with data ${mb(afterData.heapUsed)}, peak ${mb(peakHeap)}; RSS peak ${mb(peakRss)}`);
}
