/**
 * Peak memory and CPU time of a BG/NBD fit on 1,000,000 simulated customers (lifetimes: 478 MiB).
 * Run: npx tsx --expose-gc bench/clv-memory.ts
 */
import { fitBgNbdUnchecked, simulateBgNbd } from 'relmark/clv';

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const simulated = simulateBgNbd({ params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers: 1_000_000, T: 39, seed: 20240601 });
const afterData = process.memoryUsage();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const fit = fitBgNbdUnchecked(simulated);
const cpu = process.cpuUsage(cpuBefore);
const seconds = (performance.now() - started) / 1000;
const after = process.memoryUsage();
// On a shared machine wall time includes waiting for a core; CPU time (user + system) does not.
console.log(`fit: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, r = ${fit.params.r.toFixed(4)}, ${fit.diagnostics.iterations} iterations`);
console.log(`heap used: before ${mib(before.heapUsed)} MiB, data ${mib(afterData.heapUsed)} MiB, after fit ${mib(after.heapUsed)} MiB`);
console.log(`array buffers after fit: ${mib(after.arrayBuffers)} MiB; rss before data ${mib(before.rss)} MiB, after fit ${mib(after.rss)} MiB`);
console.log(`peak RSS (maxRSS): ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
