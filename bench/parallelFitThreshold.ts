/**
 * Where 2 threads start to pay for fitBgNbdParallel (issue #22): for each size, the single-thread
 * fit and the 2-thread fit forced on (minRowsPerThread: 1), with the wall time and the CPU of each
 * thread (Linux /proc/self/task; the worker's as the process total less the live threads'). The
 * CPU on the critical path, max(main, worker), is a proxy that holds on a busy machine where wall
 * times do not; record the load average with every figure.
 *
 *   npm run build && npx tsx bench/parallelFitThreshold.ts [sizes=50000,100000,200000,400000] [reps=2] [compress|exact]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compressHistories, fitBgNbdUnchecked, simulateBgNbd } from 'relmark/clv';
import { fitBgNbdParallel } from 'relmark/parallel';

const sizes = (process.argv[2] ?? '50000,100000,200000,400000').split(',').map(Number);
const reps = Number(process.argv[3] ?? 2);
const compress = process.argv[4] === 'compress';

function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const fields = (readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}
const pid = String(process.pid);
const changed = (before: Map<string, number>, after: Map<string, number>) => [...after].map(([tid, ms]) => [tid, ms - (before.get(tid) ?? 0)] as const);

for (const n of sizes) {
  const histories = simulateBgNbd({ params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers: n, T: 39, seed: 20240601 });
  let positives = 0;
  for (const x of histories.x) if (x > 0) positives++;
  for (let k = 0; k < reps; k++) {
    let before = threadCpu();
    let start = performance.now();
    if (compress) fitBgNbdUnchecked(compressHistories(histories));
    else fitBgNbdUnchecked(histories);
    const singleWall = performance.now() - start;
    const singleMain = changed(before, threadCpu()).find(([tid]) => tid === pid)?.[1] ?? Number.NaN;
    const cpu0 = process.cpuUsage();
    before = threadCpu();
    start = performance.now();
    await fitBgNbdParallel(histories, { threads: 2, compress, minRowsPerThread: 1 });
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const delta = changed(before, threadCpu());
    const main = delta.find(([tid]) => tid === pid)?.[1] ?? Number.NaN;
    const live = delta.filter(([tid]) => tid !== pid).reduce((sum, [, ms]) => sum + ms, 0);
    const worker = (cpu.user + cpu.system) / 1000 - main - live;
    process.stdout.write(
      `${n.toLocaleString('en')} customers (${positives.toLocaleString('en')} with x > 0)${compress ? ', compressed' : ''}: single ${singleWall.toFixed(0)} ms wall, ${singleMain} ms CPU | 2 threads ${wall.toFixed(0)} ms wall, main ${main} ms CPU, worker ~${worker.toFixed(0)} ms CPU | critical-path CPU ×${(singleMain / Math.max(main, worker)).toFixed(2)}, wall ×${(singleWall / wall).toFixed(2)} | load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
    );
  }
}
