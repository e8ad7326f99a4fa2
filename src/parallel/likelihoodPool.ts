/**
 * A pool of worker threads that evaluate a log-likelihood and its gradient over shards of the data,
 * synchronously from the caller's point of view: the optimisers of `src/numeric` call the
 * objective as a plain function, so the main thread hands out the parameters through shared memory,
 * evaluates its own shard, and waits with `Atomics.wait` for the others. The pool is started once
 * (before the data are ready, so that the workers boot while the caller validates and compresses),
 * then loaded once: each worker keeps its shard, and a fixed subsample of it for the warm start,
 * for the whole fit. The workers run `likelihoodWorker.ts`, a small file of its own.
 * @internal
 * @module
 */
import { Worker } from 'node:worker_threads';
import { RelmarkError } from '../errors/RelmarkError.js';
import { NeumaierSum } from '../internal/sum.js';
import type { HistoryColumns } from '../clv/historyColumns.js';
import {
  command,
  controlWords,
  dataset,
  done,
  evaluateGradient,
  evaluateValue,
  exit,
  failures,
  fullData,
  generation,
  prepareShard,
  resultStride,
  sampleData,
  type PooledModel,
  type ShardEvaluator,
  type ShardMessage,
  type WorkerInput,
} from './likelihoodWorker.js';

export type { PooledModel } from './likelihoodWorker.js';
export { strideRowsOf } from './likelihoodWorker.js';

/** How long one evaluation may take before the pool gives up (a worker died): 600 × 100 ms. */
const waitSlice = 100;
const maxSlices = 600;

/** A started pool (the workers boot in the background); {@link LikelihoodPool.load} gives it the data. @internal */
export interface LikelihoodPool {
  /** Threads started, the calling one included (`load` may use fewer). */
  readonly threads: number;
  /**
   * Splits the columns into `threads` shards (at most the threads started; the workers not needed are
   * stopped), sends each worker its shard once, and prepares shard 0 on the calling thread meanwhile.
   * With `stride` > 0 each shard also keeps its rows of the stride-`stride` subsample. Resolves when
   * every worker is ready to evaluate.
   */
  load(columns: Required<HistoryColumns>, scale: number, stride: number, threads?: number): Promise<void>;
  /** The total log-likelihood over every shard (shards summed in order, Neumaier); the gradient into `gradient` when given. */
  evaluate(params: Float64Array, gradient?: Float64Array): number;
  /** The same over the stride subsample (after a `load` with `stride` > 0). */
  evaluateSample(params: Float64Array, gradient?: Float64Array): number;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * The URL of the workers' entry, beside this module's file: `parallel/likelihoodWorker.js` next to
 * `parallel/index.js` (where this code is bundled) in the ESM build, `likelihoodWorker.ts` in the
 * TypeScript sources under vitest. `relmark/parallel` is ESM-only: a CommonJS build has no
 * reliable URL of its own file once tsup's shims move it into a shared chunk.
 */
function workerModule(): URL {
  const here = new URL(import.meta.url);
  return new URL(here.pathname.endsWith('.ts') ? './likelihoodWorker.ts' : './likelihoodWorker.js', here);
}

/**
 * Splits rows into `parts` contiguous shards with about the same number of rows with x > 0 (the
 * rows that cost a likelihood term each; rows with x = 0 collapse per distinct T). @internal
 */
export function shardBounds(x: Float64Array, parts: number): number[] {
  let positives = 0;
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > 0) positives++;
  const bounds = [0];
  let seen = 0;
  for (let i = 0; i < x.length && bounds.length < parts; i++) {
    if ((x[i] as number) > 0) seen++;
    if (seen >= (positives * bounds.length) / parts) bounds.push(i + 1);
  }
  while (bounds.length < parts) bounds.push(x.length);
  bounds.push(x.length);
  return bounds;
}

function slice(columns: Required<HistoryColumns>, from: number, to: number): Required<HistoryColumns> {
  return { x: columns.x.slice(from, to), tx: columns.tx.slice(from, to), T: columns.T.slice(from, to), weights: columns.weights.slice(from, to) };
}

function workerFailed(cause: unknown): RelmarkError {
  return new RelmarkError('invalid_options', 'parallel fit: could not start the worker threads', {
    issues: [{ code: 'worker_failed', path: ['threads'], message: `A worker thread failed to start: ${String(cause)}` }],
    cause,
  });
}

/**
 * Starts `threads − 1` workers at once and returns without waiting for them: they load this module
 * while the caller goes on. @internal
 */
export function startLikelihoodPool(model: PooledModel, threads: number): LikelihoodPool {
  const control = new SharedArrayBuffer(controlWords * Int32Array.BYTES_PER_ELEMENT);
  const params = new SharedArrayBuffer(4 * Float64Array.BYTES_PER_ELEMENT);
  const results = new SharedArrayBuffer(Math.max(1, threads - 1) * resultStride * Float64Array.BYTES_PER_ELEMENT);
  const controlView = new Int32Array(control);
  const paramsView = new Float64Array(params);
  const resultsView = new Float64Array(results);
  const url = workerModule();
  // From the TypeScript sources (the tests), a worker registers tsx's loader, then loads this module.
  const fromSources = url.pathname.endsWith('.ts');
  const entry = fromSources ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });` : url;
  let workers: Worker[] = [];
  // Why a worker stopped early (an error, or an exit before it was prepared), per worker.
  const trouble: Promise<never>[] = [];
  for (let slot = 0; slot < threads - 1; slot++) {
    const input: WorkerInput = { relmarkLikelihoodWorker: true, model, slot, control, params, results };
    const worker = new Worker(entry, { workerData: input, eval: fromSources });
    workers.push(worker);
    const failed = new Promise<never>((_resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`likelihood worker exited with code ${code} before it was ready`)));
    });
    failed.catch(() => undefined); // observed in load()
    trouble.push(failed);
  }
  let local: ShardEvaluator | undefined;
  let localSample: ShardEvaluator | undefined;
  const localGradient = new Float64Array(4);
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    Atomics.store(controlView, command, exit);
    Atomics.add(controlView, generation, 1);
    Atomics.notify(controlView, generation);
    await Promise.all(workers.map((w) => w.terminate()));
  };

  const run = (which: number, theta: Float64Array, gradient: Float64Array | undefined): number => {
    const own = which === fullData ? local : localSample;
    if (own === undefined) throw new RelmarkError('invalid_options', 'parallel fit: the pool has no such data loaded');
    paramsView.set(theta);
    Atomics.store(controlView, command, gradient === undefined ? evaluateValue : evaluateGradient);
    Atomics.store(controlView, dataset, which);
    Atomics.store(controlView, done, 0);
    Atomics.add(controlView, generation, 1);
    Atomics.notify(controlView, generation);
    const ownValue = own(theta, gradient === undefined ? undefined : localGradient);
    let slices = 0;
    for (let d = Atomics.load(controlView, done); d < workers.length; d = Atomics.load(controlView, done)) {
      if (Atomics.wait(controlView, done, d, waitSlice) === 'timed-out' && ++slices > maxSlices) {
        throw new RelmarkError('not_converged', 'parallel fit: a worker thread stopped answering', { details: { reason: 'worker_timeout' } });
      }
    }
    if (Atomics.load(controlView, failures) > 0) {
      throw new RelmarkError('not_converged', 'parallel fit: a worker thread failed', { details: { reason: 'worker_failed' } });
    }
    // Shards are summed in a fixed order, so the result depends only on the data and `threads`.
    const total = new NeumaierSum();
    total.add(ownValue);
    for (let w = 0; w < workers.length; w++) total.add(resultsView[w * resultStride] as number);
    if (gradient !== undefined) {
      for (let i = 0; i < 4; i++) {
        let g = localGradient[i] as number;
        for (let w = 0; w < workers.length; w++) g += resultsView[w * resultStride + 1 + i] as number;
        gradient[i] = g;
      }
    }
    return total.value;
  };

  return {
    threads,
    async load(columns, scale, stride, use = threads) {
      const parts = Math.max(1, Math.min(use, threads));
      // Workers beyond the shards needed are stopped (their slots' results are never read).
      const spare = workers.slice(parts - 1);
      workers = workers.slice(0, parts - 1);
      const spareStopped = Promise.all(spare.map((w) => w.terminate()));
      const bounds = shardBounds(columns.x, parts);
      const prepared = workers.map((worker, w) => {
        const from = bounds[w + 1] as number;
        const shard: ShardMessage = { columns: slice(columns, from, bounds[w + 2] as number), first: from, scale, stride };
        // The shard is a fresh copy: hand its buffers over instead of cloning 4 × rows doubles again.
        const transferList = [shard.columns.x, shard.columns.tx, shard.columns.T, shard.columns.weights].map((column) => column.buffer as ArrayBuffer);
        const answer = new Promise<void>((resolve, reject) => {
          worker.once('message', (message: unknown) => (message === 'prepared' ? resolve() : reject(new Error((message as { failed?: string }).failed ?? 'unexpected message'))));
        });
        worker.postMessage(shard, transferList);
        return Promise.race([answer, trouble[w] as Promise<never>]);
      });
      // Prepare the calling thread's shard (a view: it is only read) while the workers prepare theirs.
      const first = bounds[1] as number;
      const own = { x: columns.x.subarray(0, first), tx: columns.tx.subarray(0, first), T: columns.T.subarray(0, first), weights: columns.weights.subarray(0, first) };
      [local, localSample] = prepareShard(model, { columns: own, first: 0, scale, stride });
      try {
        await Promise.all(prepared);
        await spareStopped;
      } catch (cause) {
        await close();
        throw workerFailed(cause);
      }
    },
    evaluate: (theta, gradient) => run(fullData, theta, gradient),
    evaluateSample: (theta, gradient) => run(sampleData, theta, gradient),
    close,
  };
}

/**
 * Starts a pool of `threads` and loads the columns (no sample): {@link startLikelihoodPool} then
 * {@link LikelihoodPool.load}. @internal
 */
export async function createLikelihoodPool(model: PooledModel, columns: Required<HistoryColumns>, scale: number, threads: number): Promise<LikelihoodPool> {
  const pool = startLikelihoodPool(model, threads);
  await pool.load(columns, scale, 0);
  return pool;
}
