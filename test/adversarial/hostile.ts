/**
 * Hostile inputs for the adversarial sweep (scripts/adversarial-sweep.ts) and the junk-input
 * property test (test/adversarial/junkInput.prop.test.ts): anything at all, extreme numbers, sparse
 * arrays, prototype-key ids, and mutations of a valid call (one field replaced, deleted, turned into a
 * hole or a `__proto__` key). Test helper, not part of the package.
 * @internal
 */
import fc from 'fast-check';

/** Numbers at and beyond the edges of the doubles and of the Date range. */
export const extremeNumbers: readonly number[] = [
  1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 2 ** 53 + 2, -(2 ** 53), 1e-300, 8.64e15, -8.64e15, 8.64e15 + 1,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1, 1e6, 4294967296,
];

/** Keys of Object.prototype, and `__proto__`, as ids and as object keys. */
export const prototypeKeys: readonly string[] = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

const oddStrings = ['', ' ', '\u0000', '2024-02-30', '+275760-09-13T00:00:00.000Z', '1e308', 'NaN', '=cmd', '\uD800', 'a'.repeat(10_000)];

const anythingOptions = {
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 3,
} as const;

/** One hostile value: anything, an extreme number, an odd string or a prototype key. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything(anythingOptions), weight: 3 },
  { arbitrary: fc.constantFrom(...extremeNumbers), weight: 3 },
  { arbitrary: fc.constantFrom(...prototypeKeys, ...oddStrings), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(null, undefined, [], {}, new Date(Number.NaN), new Date(8.64e15), Object.create(null)), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.sparseArray(fc.anything(anythingOptions), { maxLength: 5 }), weight: 1 },
);

type Path = readonly (string | number)[];

/** Every path into a value's arrays and plain objects (a Date, a typed array or a Map is a leaf). */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 2000) return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (isPlainObject(value)) for (const key of Object.keys(value)) pathsOf(value[key], [...prefix, key], out);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A structural copy of arrays and plain objects (holes and own `__proto__` keys kept); other values shared. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = copy(value[i]);
    return out as T;
  }
  if (isPlainObject(value)) {
    const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: copy(value[key]), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

/** What a mutation does at its path. */
export type MutationKind = 'replace' | 'delete' | 'hole' | 'protoKey' | 'extreme' | 'duplicate';

/** One mutation: a path (an index into {@link pathsOf}, wrapped), what to do, and the value to use. */
export interface Mutation {
  readonly at: number;
  readonly kind: MutationKind;
  readonly value: unknown;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<MutationKind>('replace', 'replace', 'delete', 'hole', 'protoKey', 'extreme', 'extreme', 'duplicate'),
  value: hostileValue,
});

/** Applies mutations one after the other to a copy of `root` (an argument list). */
export function mutate(root: readonly unknown[], mutations: readonly Mutation[]): unknown[] {
  const out = copy([...root]);
  for (const m of mutations) {
    const paths = pathsOf(out).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length] as Path;
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], out) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    switch (m.kind) {
      case 'replace':
        parent[key] = m.value;
        break;
      case 'extreme':
        parent[key] = extremeNumbers[m.at % extremeNumbers.length];
        break;
      case 'delete':
      case 'hole':
        // On an array this leaves a hole (a sparse array); on an object the key is gone.
        delete parent[key];
        break;
      case 'protoKey': {
        const id = prototypeKeys[m.at % prototypeKeys.length] as string;
        if (typeof parent[key] === 'string') parent[key] = id;
        else if (isPlainObject(parent[key])) Object.defineProperty(parent[key], id, { value: m.value, enumerable: true, writable: true, configurable: true });
        else parent[key] = id;
        break;
      }
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(copy(parent[key as number]));
        else parent[key] = copy(parent[key]);
        break;
    }
  }
  return out;
}

/**
 * A copy of `root` with every number replaced: by one extreme number everywhere (so that sums of
 * many huge amounts overflow), or by extreme numbers chosen in turn from `start`.
 */
export function withExtremeNumbers(root: readonly unknown[], start: number, same: boolean): unknown[] {
  const out = copy([...root]);
  let k = start;
  for (const path of pathsOf(out)) {
    if (path.length === 0) continue;
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], out) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (typeof parent[key] === 'number') parent[key] = extremeNumbers[(same ? start : k++) % extremeNumbers.length];
  }
  return out;
}

/**
 * Hostile argument lists for a call whose valid arguments are `valid`: one to three mutations of
 * them (most cases), every number made extreme, or one argument replaced by anything at all.
 */
export function hostileArguments(valid: () => readonly unknown[]): fc.Arbitrary<unknown[]> {
  const arity = valid().length;
  return fc.oneof(
    { arbitrary: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }).map((ms) => mutate(valid(), ms)), weight: 4 },
    { arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([start, same]) => withExtremeNumbers(valid(), start, same)), weight: 1 },
    {
      arbitrary: fc.tuple(fc.nat({ max: Math.max(0, arity - 1) }), hostileValue).map(([i, value]) => {
        const args = copy([...valid()]);
        args[i] = value;
        return args;
      }),
      weight: 1,
    },
  );
}
