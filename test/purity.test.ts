import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Library code takes time as `asOf` and randomness as a `seed`; only the CLI may touch the clock,
// the process or the file system. This scan keeps that promise checkable.
const src = fileURLToPath(new URL('../src', import.meta.url));
const forbidden: [string, RegExp][] = [
  ['Date.now()', /\bDate\.now\s*\(/],
  ['argument-less new Date()', /\bnew Date\s*\(\s*\)/],
  ['Math.random()', /\bMath\.random\s*\(/],
  ['process.*', /\bprocess\./],
  ['console.*', /\bconsole\.\w+\s*\(/],
  ['node: imports', /from\s+['"]node:/],
  ['performance.now()', /\bperformance\.now\s*\(/],
];

function libraryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // cli/ owns the process, clock and files; parallel/ needs node:worker_threads and node:os to run a
    // likelihood on several cores (it is a Node-only entry point, never re-exported from the root).
    if (statSync(path).isDirectory()) return name === 'cli' || name === 'parallel' ? [] : libraryFiles(path);
    return name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(name) ? [path] : [];
  });
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('purity of library code (src/ outside cli/)', () => {
  const files = libraryFiles(src);

  it('scans the library files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(forbidden)('never uses %s', (_name, pattern) => {
    const offenders = files.filter((file) => pattern.test(stripComments(readFileSync(file, 'utf8')))).map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });

  it('would catch an offender (the scan itself works)', () => {
    expect(forbidden.some(([, pattern]) => pattern.test(stripComments('const t = Date.now();')))).toBe(true);
    expect(forbidden.some(([, pattern]) => pattern.test(stripComments('// Date.now() in a comment is fine')))).toBe(false);
  });
});
