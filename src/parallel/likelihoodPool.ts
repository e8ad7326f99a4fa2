/**
 * A pool of worker threads that evaluate a log-likelihood and its gradient over shards of the data,
 * synchronously from the caller's point of view: the optimisers of `src/numeric` call the
 * objective as a plain function, so the main thread hands out the parameters through shared memory,
 * evaluates its own shard, and waits with `Atomics.wait` for the others. This module is also the
 * workers' entry point (a worker loads it and runs {@link runLikelihoodWorker}).
 * @internal
 * @module
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { RelmarkError } from '../errors/RelmarkError.js';
import { NeumaierSum } from '../internal/sum.js';
import { prepareBgNbdData, type BgNbdData } from '../clv/bgNbd/bgNbdData.js';
import { bgNbdLogLikelihoodKernel } from '../clv/bgNbd/bgNbdLogLikelihood.js';
import type { HistoryColumns } from '../clv/historyColumns.js';

/** The models whose likelihood the pool can evaluate. @internal */
export type PooledModel = 'bg-nbd';

/** Control words in the shared Int32Array. */
const generation = 0;
const done = 1;
const command = 2;
const failures = 3;
const evaluateValue = 1;
const evaluateGradient = 2;
const exit = 3;
/** Doubles per worker in the results buffer: the log-likelihood and 4 partial derivatives. */
const resultStride = 5;
/** How long one evaluation may take before the pool gives up (a worker died): 600 × 100 ms. */
const waitSlice = 100;
const maxSlices = 600;

interface WorkerInput {
  readonly relmarkLikelihoodWorker: true;
  readonly model: PooledModel;
  readonly slot: number;
  readonly columns: Required<HistoryColumns>;
  readonly scale: number;
  readonly control: SharedArrayBuffer;
  readonly params: SharedArrayBuffer;
  readonly results: SharedArrayBuffer;
}

/** Evaluates a shard: the log-likelihood, and the gradient into `gradient` when given. @internal */
export type ShardEvaluator = (params: Float64Array, gradient: Float64Array | undefined) => number;

/** The evaluator of one model on one prepared shard (the same kernel the single-thread fit runs). @internal */
export function shardEvaluator(model: PooledModel, columns: HistoryColumns, scale: number): ShardEvaluator {
  switch (model) {
    case 'bg-nbd': {
      const data: BgNbdData = prepareBgNbdData(columns, scale);
      return (p, gradient) => bgNbdLogLikelihoodKernel({ r: p[0] as number, alpha: p[1] as number, a: p[2] as number, b: p[3] as number }, data, gradient);
    }
  }
}

/** The loop of a worker: wait for a new generation, evaluate the shard, report. @internal */
export function runLikelihoodWorker(input: WorkerInput): void {
  const control = new Int32Array(input.control);
  const params = new Float64Array(input.params);
  const results = new Float64Array(input.results);
  const evaluate = shardEvaluator(input.model, input.columns, input.scale);
  const gradient = new Float64Array(4);
  const base = input.slot * resultStride;
  parentPort?.postMessage('ready');
  let seen = 0;
  for (;;) {
    Atomics.wait(control, generation, seen);
    seen = Atomics.load(control, generation);
    const what = Atomics.load(control, command);
    if (what === exit) return;
    try {
      results[base] = evaluate(params, what === evaluateGradient ? gradient : undefined);
      for (let i = 0; i < 4; i++) results[base + 1 + i] = gradient[i] as number;
    } catch {
      Atomics.add(control, failures, 1);
    }
    Atomics.add(control, done, 1);
    Atomics.notify(control, done);
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.relmarkLikelihoodWorker === true) {
  runLikelihoodWorker(workerData as WorkerInput);
}

/** A running pool. @internal */
export interface LikelihoodPool {
  /** Threads in use, the calling one included. */
  readonly threads: number;
  /** The total log-likelihood over every shard (shards summed in order, Neumaier); the gradient into `gradient` when given. */
  evaluate(params: Float64Array, gradient?: Float64Array): number;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * The URL of this module's file, which is also the workers' entry: `import.meta.url`, in the ESM
 * build (where this code is bundled into `parallel/index.js`, the only entry that imports it) and in
 * the TypeScript sources under vitest. `relmark/parallel` is ESM-only: a CommonJS build has no
 * reliable URL of its own file once tsup's shims move it into a shared chunk.
 */
function thisModule(): URL {
  return new URL(import.meta.url);
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

/**
 * Starts `threads − 1` workers on shards 1…k−1 of the columns; the calling thread keeps shard 0.
 * Resolves once every worker has prepared its shard. @internal
 */
export async function createLikelihoodPool(model: PooledModel, columns: Required<HistoryColumns>, scale: number, threads: number): Promise<LikelihoodPool> {
  const bounds = shardBounds(columns.x, threads);
  const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const params = new SharedArrayBuffer(4 * Float64Array.BYTES_PER_ELEMENT);
  const results = new SharedArrayBuffer(Math.max(1, threads - 1) * resultStride * Float64Array.BYTES_PER_ELEMENT);
  const controlView = new Int32Array(control);
  const paramsView = new Float64Array(params);
  const resultsView = new Float64Array(results);
  const url = thisModule();
  // From the TypeScript sources (the tests), a worker registers tsx's loader, then loads this module.
  const fromSources = url.pathname.endsWith('.ts');
  const entry = fromSources ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });` : url;
  const workers: Worker[] = [];
  const started: Promise<void>[] = [];
  for (let slot = 0; slot < threads - 1; slot++) {
    const input: WorkerInput = {
      relmarkLikelihoodWorker: true,
      model,
      slot,
      columns: slice(columns, bounds[slot + 1] as number, bounds[slot + 2] as number),
      scale,
      control,
      params,
      results,
    };
    // The shard is a fresh copy: hand its buffers over instead of cloning 4 × rows doubles again.
    const transferList = [input.columns.x, input.columns.tx, input.columns.T, input.columns.weights].map((column) => column.buffer as ArrayBuffer);
    const worker = new Worker(entry, { workerData: input, eval: fromSources, transferList });
    workers.push(worker);
    started.push(
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`likelihood worker exited with code ${code} before it was ready`)));
      }),
    );
  }
  const stop = async () => {
    Atomics.store(controlView, command, exit);
    Atomics.add(controlView, generation, 1);
    Atomics.notify(controlView, generation);
    await Promise.all(workers.map((w) => w.terminate()));
  };
  // Prepare the calling thread's shard while the workers start and prepare theirs.
  const local = shardEvaluator(model, slice(columns, bounds[0] as number, bounds[1] as number), scale);
  try {
    await Promise.all(started);
  } catch (cause) {
    await stop();
    throw new RelmarkError('invalid_options', 'parallel fit: could not start the worker threads', {
      issues: [{ code: 'worker_failed', path: ['threads'], message: `A worker thread failed to start: ${String(cause)}` }],
      cause,
    });
  }
  const localGradient = new Float64Array(4);
  return {
    threads,
    evaluate(theta, gradient) {
      paramsView.set(theta);
      Atomics.store(controlView, command, gradient === undefined ? evaluateValue : evaluateGradient);
      Atomics.store(controlView, done, 0);
      Atomics.add(controlView, generation, 1);
      Atomics.notify(controlView, generation);
      const ownValue = local(theta, gradient === undefined ? undefined : localGradient);
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
    },
    close: stop,
  };
}
