/**
 * The worker side of the likelihood pool ({@link startLikelihoodPool}), and the workers' entry: a
 * worker loads only this file (built as `parallel/likelihoodWorker.js`: the kernels, without zod or
 * date-fns, so that it boots in a fraction of the time the whole `relmark/parallel` entry takes),
 * receives its shard once, prepares it and its rows of the warm-start subsample, then evaluates on
 * demand until told to exit. The protocol (control words, datasets, result layout) is shared with
 * the pool, which imports it from here.
 * @internal
 * @module
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { prepareBgNbdData, type BgNbdData } from '../clv/bgNbd/bgNbdData.js';
import { bgNbdLogLikelihoodKernel } from '../clv/bgNbd/bgNbdLogLikelihood.js';
import type { HistoryColumns } from '../clv/historyColumns.js';

/** The models whose likelihood the pool can evaluate. @internal */
export type PooledModel = 'bg-nbd';

/** Control words in the shared Int32Array. @internal */
export const generation = 0;
export const done = 1;
export const command = 2;
export const failures = 3;
export const dataset = 4;
export const controlWords = 5;
export const evaluateValue = 1;
export const evaluateGradient = 2;
export const exit = 3;
/** Datasets a worker holds: its shard, and the warm-start subsample of it. */
export const fullData = 0;
export const sampleData = 1;
/** Doubles per worker in the results buffer: the log-likelihood and 4 partial derivatives. */
export const resultStride = 5;

export interface WorkerInput {
  readonly relmarkLikelihoodWorker: true;
  readonly model: PooledModel;
  readonly slot: number;
  readonly control: SharedArrayBuffer;
  readonly params: SharedArrayBuffer;
  readonly results: SharedArrayBuffer;
}

/** The one message a worker gets: its shard, where it starts in the whole, the axis scale and the sample stride (0: none). */
export interface ShardMessage {
  readonly columns: Required<HistoryColumns>;
  readonly first: number;
  readonly scale: number;
  readonly stride: number;
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

/**
 * The rows of a shard that fall on the global stride sample: rows `first + j` with
 * `(first + j) % stride === 0`, so that the shards' samples together are exactly every `stride`-th
 * row of the whole (the subsample `fitBgNbd` warm-starts from). @internal
 */
export function strideRowsOf(columns: Required<HistoryColumns>, first: number, stride: number): Required<HistoryColumns> {
  const offset = (stride - (first % stride)) % stride;
  const size = offset >= columns.x.length ? 0 : Math.ceil((columns.x.length - offset) / stride);
  const pick = (column: Float64Array) => {
    const out = new Float64Array(size);
    for (let i = offset, j = 0; j < size; i += stride, j++) out[j] = column[i] as number;
    return out;
  };
  return { x: pick(columns.x), tx: pick(columns.tx), T: pick(columns.T), weights: pick(columns.weights) };
}

/** The evaluators of a shard and of its sample (undefined without a sample). @internal */
export function prepareShard(model: PooledModel, shard: ShardMessage): [ShardEvaluator, ShardEvaluator | undefined] {
  const full = shardEvaluator(model, shard.columns, shard.scale);
  const sample = shard.stride > 0 ? shardEvaluator(model, strideRowsOf(shard.columns, shard.first, shard.stride), shard.scale) : undefined;
  return [full, sample];
}

/** The loop of a worker: wait for a new generation, evaluate the shard or its sample, report. @internal */
export function runLikelihoodWorker(input: WorkerInput, shard: ShardMessage): void {
  const control = new Int32Array(input.control);
  const params = new Float64Array(input.params);
  const results = new Float64Array(input.results);
  let evaluators: [ShardEvaluator, ShardEvaluator | undefined];
  try {
    evaluators = prepareShard(input.model, shard);
  } catch (error) {
    parentPort?.postMessage({ failed: String(error) });
    return;
  }
  const gradient = new Float64Array(4);
  const base = input.slot * resultStride;
  // Generation 0 until the first evaluation, which comes only after every worker said 'prepared'
  // (reading the generation here instead could miss that first evaluation).
  let seen = 0;
  parentPort?.postMessage('prepared');
  for (;;) {
    Atomics.wait(control, generation, seen);
    seen = Atomics.load(control, generation);
    const what = Atomics.load(control, command);
    if (what === exit) return;
    try {
      const evaluate = evaluators[Atomics.load(control, dataset)] as ShardEvaluator;
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
  // Wait for the one shard message, then serve evaluations until told to exit (the loop blocks this
  // thread's event loop, which has nothing else to do).
  parentPort?.once('message', (shard: ShardMessage) => runLikelihoodWorker(workerData as WorkerInput, shard));
}

