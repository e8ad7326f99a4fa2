import * as z from 'zod';

/**
 * A schema for an object keyed by customer id (`{ c1: […], c2: […] }`) that keeps every key,
 * `"__proto__"`, `"constructor"` and `"toString"` included.
 *
 * @remarks
 * zod's `z.record` assigns each key to a plain object, so an own `"__proto__"` key (as
 * `JSON.parse` makes it) is lost: the customer's entry silently disappears. This schema reads every
 * own enumerable string key with `Object.keys`, checks each value with `value` (issue paths start
 * with the key: `['c1', 0, 'status']`), and returns a **null-prototype** object, so that
 * `result['__proto__']` is that customer's entry and an id such as `"toString"` never reads
 * `Object.prototype`. Input must be a non-null, non-array object; it is never mutated.
 * Runs in O(number of keys).
 *
 * @param value - The schema of one entry.
 * @returns A schema whose output has exactly the input's own keys.
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { idRecordSchema } from 'relmark/models';
 * const parsed = idRecordSchema(z.number()).parse(JSON.parse('{"__proto__": 1, "c2": 2}'));
 * [Object.keys(parsed), parsed['__proto__']];
 * //=> [['__proto__', 'c2'], 1]
 * ```
 * @category Primitives
 */
export function idRecordSchema<V extends z.ZodType>(value: V): z.ZodType<Record<string, z.output<V>>, Readonly<Record<string, z.input<V>>>> {
  return z.unknown().transform((input, ctx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input, message: 'Expected an object keyed by id' });
      return z.NEVER;
    }
    const out = Object.create(null) as Record<string, z.output<V>>;
    let ok = true;
    for (const key of Object.keys(input)) {
      const entry: unknown = (input as Record<string, unknown>)[key];
      const result = value.safeParse(entry);
      if (result.success) {
        // A null-prototype target: assigning "__proto__" creates an own property, never a prototype.
        out[key] = result.data;
      } else {
        ok = false;
        // `continue: true`: the object itself was of the right shape, so a union that holds this
        // schema reports these entry issues (as it does for z.record) instead of "no union member".
        for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path], continue: true } as never);
      }
    }
    return ok ? out : z.NEVER;
  }) as unknown as z.ZodType<Record<string, z.output<V>>, Readonly<Record<string, z.input<V>>>>;
}
