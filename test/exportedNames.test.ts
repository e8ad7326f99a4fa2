import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportedNames } from './helpers/exportedNames.js';

// The export lists of every public barrel as they stood before the CLV "models as data" redesign
// (issue #19). Public names stay: a barrel may gain names but never lose one. Regenerate the file
// only when names are ADDED on purpose.
const before = JSON.parse(readFileSync(new URL('./fixtures/exportedNames.json', import.meta.url), 'utf8')) as Record<string, string[]>;

describe('public export lists', () => {
  const now = exportedNames();
  it.each(Object.keys(before))('%s still exports every name it exported', (barrel) => {
    const current = new Set(now[barrel] ?? []);
    const missing = (before[barrel] ?? []).filter((name) => !current.has(name));
    expect(missing).toEqual([]);
    expect(current.size).toBeGreaterThan(0);
  });
});
