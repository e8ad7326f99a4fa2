/**
 * Runs one sweep case on one argument list and classifies the outcome. Test helper, not part of
 * the package.
 * @internal
 */
import { isRelmarkError } from '../../src/errors/RelmarkError.js';

/** A public function and a valid call of it, from which hostile calls are made. */
export interface SweepCase {
  /** The area whose index.ts exports it (`rfm`). */
  readonly area: string;
  /** The export's name, or a method as `createSummaryAccumulator().add`. */
  readonly name: string;
  /** The arguments of a valid call; a fresh list each time. */
  readonly args: () => readonly unknown[];
  /** Calls the function (may return a promise or an async iterable, which are consumed). */
  readonly call: (...args: unknown[]) => unknown;
  /**
   * Paths (as `a.b.0.c` with indices written as `#`) where a non-finite number is part of the
   * contract (for example an echo of `halfLifeDays: Infinity`), or `*` for a function that returns
   * the caller's own values (`requireAllValid`); any other non-finite number in a result is a finding.
   */
  readonly nonFiniteAllowed?: readonly string[];
}

/** How a call ended. */
export type OutcomeKind = 'ok' | 'relmark_error' | 'other_error' | 'non_finite';

export interface Outcome {
  readonly kind: OutcomeKind;
  /** The error (other_error) or the path of the non-finite number (non_finite). */
  readonly detail?: string;
  readonly ms: number;
}

/** Calls the case with `args`, consuming a promise or an async iterable (at most 100,000 items). */
export async function runCase(sweepCase: SweepCase, args: readonly unknown[]): Promise<Outcome> {
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  let result: unknown;
  try {
    result = sweepCase.call(...args);
    if (isAsyncIterable(result)) {
      const items: unknown[] = [];
      for await (const item of result) if (items.push(item) >= 100_000) break;
      result = items;
    } else if (isThenable(result)) {
      result = await result;
    }
  } catch (error) {
    if (isRelmarkError(error)) return { kind: 'relmark_error', ms: elapsed() };
    const e = error as { name?: unknown; message?: unknown };
    return { kind: 'other_error', detail: `${String(e?.name)}: ${String(e?.message).slice(0, 160)}`, ms: elapsed() };
  }
  const bad = nonFinitePath(result, sweepCase.nonFiniteAllowed ?? []);
  return bad === undefined ? { kind: 'ok', ms: elapsed() } : { kind: 'non_finite', detail: bad, ms: elapsed() };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Partial<PromiseLike<unknown>>).then === 'function';
}

/** The first path to a NaN or ±Infinity in a result (arrays, typed arrays, plain objects), if any; a rejected row's `input` is skipped. */
export function nonFinitePath(value: unknown, allowed: readonly string[], path = '', seen = new Set<unknown>()): string | undefined {
  if (allowed.includes('*')) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) || allowed.includes(path) ? undefined : `${path || '(result)'} = ${value}`;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (value instanceof Date) return undefined;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const array = value as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < array.length; i++) {
      const v = array[i];
      if (typeof v === 'number' && !Number.isFinite(v) && !allowed.includes(join(path, '#'))) return `${join(path, String(i))} = ${v}`;
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinitePath(value[i], allowed, join(path, '#'), seen);
      if (found !== undefined) return found.replace(join(path, '#'), join(path, String(i)));
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    // A rejected row's `input` is the caller's own value, echoed as it came.
    if (key === 'input') continue;
    const found = nonFinitePath((value as Record<string, unknown>)[key], allowed, join(path, key), seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
