import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's dependency table is the package's real one: every dependency and peer dependency of
// package.json, with its range, and nothing else.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('lists exactly the dependencies and peer dependencies of package.json, with their ranges', () => {
    const section = readme.slice(readme.indexOf('### Dependencies'));
    const rows = [...section.matchAll(/^\| `([^`]+)` `([^`]+)` \| ([^|]+) \|/gm)].map((m) => ({ name: m[1], range: m[2], as: m[3]?.trim() }));
    const expected = [
      ...Object.entries(pkg.dependencies ?? {}).map(([name, range]) => ({ name, range, as: 'dependency' })),
      ...Object.entries(pkg.peerDependencies ?? {}).map(([name, range]) => ({
        name,
        range,
        as: pkg.peerDependenciesMeta?.[name]?.optional === true ? 'optional peer dependency' : 'peer dependency',
      })),
    ];
    const byName = (a: { name: string | undefined }, b: { name: string | undefined }) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1);
    expect(rows.sort(byName)).toEqual(expected.sort(byName));
  });
});
