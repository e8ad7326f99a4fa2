/**
 * A hash table from byte strings to dense indices 0, 1, 2, … (in order of first sight), for readers
 * that meet millions of keys (customer ids, transaction ids) and must not build a JS string per row.
 *
 * @remarks
 * Open addressing with linear probing over an `Int32Array` of entry numbers; each entry keeps its
 * 32-bit hash and its bytes in one growing arena. A hash match is always confirmed by comparing the
 * bytes, so two different keys never share an index, whatever their hashes. Memory per key: its bytes
 * + 12 bytes of entry (hash, arena offset, length) + 4–8 bytes of slot (load factor ≤ 1/2).
 * @internal
 * @module
 */

/** @internal */
export interface ByteKeyTable {
  /** The index of key `bytes[start, end)`, adding it when new (then `size` grows by one). */
  intern(bytes: Uint8Array, start: number, end: number): number;
  /** The index of the key, or −1 when absent. */
  find(bytes: Uint8Array, start: number, end: number): number;
  /** The bytes of key `index` (a view into the arena: copy before the next `intern`). */
  keyBytes(index: number): Uint8Array;
  /** The number of keys. */
  readonly size: number;
  /** Bytes held by the table (arena, entries and slots). */
  readonly byteLength: number;
}

/** FNV-1a over the bytes, then a murmur finaliser so that the low bits used for slots are mixed. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A new, empty table. @internal */
export function createByteKeyTable(expectedKeys = 1024): ByteKeyTable {
  let capacity = 16;
  while (capacity < expectedKeys * 2) capacity *= 2;
  let slots = new Int32Array(capacity); // entry + 1, 0 = empty
  let mask = capacity - 1;
  let hashes = new Int32Array(Math.max(16, expectedKeys));
  let offsets = new Float64Array(hashes.length); // arena offsets may pass 2^32 bytes
  let lengths = new Uint32Array(hashes.length);
  let arena = new Uint8Array(Math.max(1024, expectedKeys * 8));
  let arenaUsed = 0;
  let size = 0;

  const equals = (entry: number, bytes: Uint8Array, start: number, end: number): boolean => {
    const length = end - start;
    if (lengths[entry] !== length) return false;
    const offset = offsets[entry] as number;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== bytes[start + i]) return false;
    return true;
  };

  const grow = () => {
    capacity *= 2;
    mask = capacity - 1;
    slots = new Int32Array(capacity);
    for (let entry = 0; entry < size; entry++) {
      let slot = (hashes[entry] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
  };

  const append = (hash: number, bytes: Uint8Array, start: number, end: number): number => {
    const entry = size;
    if (entry === hashes.length) {
      const n = hashes.length * 2;
      const h = new Int32Array(n);
      h.set(hashes);
      hashes = h;
      const o = new Float64Array(n);
      o.set(offsets);
      offsets = o;
      const l = new Uint32Array(n);
      l.set(lengths);
      lengths = l;
    }
    const length = end - start;
    if (arenaUsed + length > arena.length) {
      const a = new Uint8Array(Math.max(arena.length * 2, arenaUsed + length));
      a.set(arena.subarray(0, arenaUsed));
      arena = a;
    }
    arena.set(bytes.subarray(start, end), arenaUsed);
    hashes[entry] = hash;
    offsets[entry] = arenaUsed;
    lengths[entry] = length;
    arenaUsed += length;
    size++;
    return entry;
  };

  const table: ByteKeyTable = {
    intern(bytes, start, end) {
      const hash = hashBytes(bytes, start, end);
      let slot = hash & mask;
      for (;;) {
        const e = slots[slot] as number;
        if (e === 0) break;
        if (hashes[e - 1] === hash && equals(e - 1, bytes, start, end)) return e - 1;
        slot = (slot + 1) & mask;
      }
      const entry = append(hash, bytes, start, end);
      slots[slot] = entry + 1;
      if (size * 2 > capacity) grow();
      return entry;
    },
    find(bytes, start, end) {
      const hash = hashBytes(bytes, start, end);
      let slot = hash & mask;
      for (;;) {
        const e = slots[slot] as number;
        if (e === 0) return -1;
        if (hashes[e - 1] === hash && equals(e - 1, bytes, start, end)) return e - 1;
        slot = (slot + 1) & mask;
      }
    },
    keyBytes(index) {
      const offset = offsets[index] as number;
      return arena.subarray(offset, offset + (lengths[index] as number));
    },
    get size() {
      return size;
    },
    get byteLength() {
      return arena.length + hashes.length * 16 + slots.length * 4;
    },
  };
  return table;
}
