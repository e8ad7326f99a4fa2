/**
 * The permutation that sorts finite doubles ascending (stable), by an LSD radix sort on their bit
 * patterns: four passes of 16 bits, O(n) time, a few arrays of n 32-bit words.
 * @internal
 * @module
 */

/**
 * Indices of `values` in ascending order of value, ties in index order. −0 sorts before +0, so
 * callers that need them equal pass values with −0 turned into +0 (`v + 0`). NaN is not supported.
 * Used instead of a comparator sort (O(n log n) calls) and of binary searches over a sorted copy
 * (cache misses for every customer) when scoring a million customers. @internal
 */
export function argsortFloat64(values: Float64Array): Uint32Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Map the IEEE-754 bits to unsigned keys with the order of the numbers: flip every bit of a
  // negative number, and only the sign bit of a positive one.
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let index = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  for (let i = 0; i < n; i++) {
    const low = words[littleEndian ? 2 * i : 2 * i + 1] as number;
    const high = words[littleEndian ? 2 * i + 1 : 2 * i] as number;
    const negative = (high & 0x80000000) !== 0;
    hi[i] = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
    lo[i] = negative ? ~low >>> 0 : low;
    index[i] = i;
  }
  let hiNext = new Uint32Array(n);
  let loNext = new Uint32Array(n);
  let indexNext = new Uint32Array(n);
  const counts = new Uint32Array(65_536);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((source[i] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    // A pass where every key has the same digit changes nothing.
    if (n === 0 || counts[((source[0] as number) >>> shift) & 0xffff] === n) continue;
    let total = 0;
    for (let d = 0; d < 65_536; d++) {
      const count = counts[d] as number;
      counts[d] = total;
      total += count;
    }
    for (let i = 0; i < n; i++) {
      const digit = ((source[i] as number) >>> shift) & 0xffff;
      const to = counts[digit] as number;
      counts[digit] = to + 1;
      hiNext[to] = hi[i] as number;
      loNext[to] = lo[i] as number;
      indexNext[to] = index[i] as number;
    }
    [hi, hiNext] = [hiNext, hi];
    [lo, loNext] = [loNext, lo];
    [index, indexNext] = [indexNext, index];
  }
  return index;
}
