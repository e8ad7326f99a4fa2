/**
 * Deterministic ordering helpers.
 * @internal
 * @module
 */

/** Compares two ids by UTF-16 code units: stable across machines and locales (never localeCompare). @internal */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
