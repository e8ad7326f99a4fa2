/**
 * A hash table from byte strings to dense indices 0, 1, 2, … (in order of first sight), for readers
 * that meet millions of keys (customer ids, transaction ids) and must not build a JS string per row.
 *
 * @remarks
 * Open addressing with linear probing over an `Int32Array` of (entry number, 32-bit hash) pairs;
 * each entry's bytes sit in one growing arena (at most 2 GiB of keys). A hash match is always confirmed by comparing the
 * bytes, so two different keys never share an index, whatever their hashes. Memory per key: its bytes
 * + 8 bytes of entry (arena offset, length) + 8–16 bytes of slot (load factor ≤ 1/2).
 * @internal
 * @module
 */
import { RelmarkError } from '../errors/RelmarkError.js';

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
  // Slot s holds [entry + 1, hash] side by side, and entry e holds [arena offset, length] side by
  // side: a lookup touches one cache line of slots, one of entries and the key's bytes.
  let slots = new Int32Array(capacity * 2); // entry + 1 (0 = empty), hash
  let mask = capacity - 1;
  let entries = new Int32Array(Math.max(16, expectedKeys) * 2);
  let arena = new Uint8Array(Math.max(1024, expectedKeys * 8));
  let arenaUsed = 0;
  let size = 0;

  const equals = (entry: number, bytes: Uint8Array, start: number, end: number): boolean => {
    const length = end - start;
    if (entries[2 * entry + 1] !== length) return false;
    const offset = entries[2 * entry] as number;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== bytes[start + i]) return false;
    return true;
  };

  const grow = () => {
    const old = slots;
    capacity *= 2;
    mask = capacity - 1;
    slots = new Int32Array(capacity * 2);
    for (let s = 0; s < old.length; s += 2) {
      const e = old[s] as number;
      if (e === 0) continue;
      const hash = old[s + 1] as number;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = e;
      slots[2 * slot + 1] = hash;
    }
  };

  const append = (bytes: Uint8Array, start: number, end: number): number => {
    const entry = size;
    if (2 * entry === entries.length) {
      const grown = new Int32Array(entries.length * 2);
      grown.set(entries);
      entries = grown;
    }
    const length = end - start;
    if (arenaUsed + length > arena.length) {
      if (arenaUsed + length > 0x7fff_ffff) {
        throw new RelmarkError('invalid_input', 'more than 2 GiB of distinct ids', { issues: [{ code: 'too_large', path: [], message: 'The distinct ids of the input take more than 2 GiB; split the input' }] });
      }
      const a = new Uint8Array(Math.min(0x7fff_ffff, Math.max(arena.length * 2, arenaUsed + length)));
      a.set(arena.subarray(0, arenaUsed));
      arena = a;
    }
    arena.set(bytes.subarray(start, end), arenaUsed);
    entries[2 * entry] = arenaUsed;
    entries[2 * entry + 1] = length;
    arenaUsed += length;
    size++;
    return entry;
  };

  const table: ByteKeyTable = {
    intern(bytes, start, end) {
      const hash = hashBytes(bytes, start, end);
      let slot = hash & mask;
      for (;;) {
        const e = slots[2 * slot] as number;
        if (e === 0) break;
        if (slots[2 * slot + 1] === hash && equals(e - 1, bytes, start, end)) return e - 1;
        slot = (slot + 1) & mask;
      }
      const entry = append(bytes, start, end);
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
      if (size * 2 > capacity) grow();
      return entry;
    },
    find(bytes, start, end) {
      const hash = hashBytes(bytes, start, end);
      let slot = hash & mask;
      for (;;) {
        const e = slots[2 * slot] as number;
        if (e === 0) return -1;
        if (slots[2 * slot + 1] === hash && equals(e - 1, bytes, start, end)) return e - 1;
        slot = (slot + 1) & mask;
      }
    },
    keyBytes(index) {
      const offset = entries[2 * index] as number;
      return arena.subarray(offset, offset + (entries[2 * index + 1] as number));
    },
    get size() {
      return size;
    },
    get byteLength() {
      return arena.length + entries.length * 4 + slots.length * 4;
    },
  };
  return table;
}
