import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`: loads the package by its own name (self-reference through "exports"),
// exactly as a user would, in ESM and in CommonJS.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { exports: Record<string, unknown> };
// relmark/parallel is ESM-only (its workers load the module through import.meta.url).
const esmOnly = ['relmark/parallel'];
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? 'relmark' : `relmark/${key.slice(2)}`))
  .filter((subpath) => !esmOnly.includes(subpath));
const require = createRequire(`${root}/package.json`);

describe('the built package', () => {
  it('has been built', () => {
    expect(existsSync(`${root}/dist/index.js`) && existsSync(`${root}/dist/index.cjs`)).toBe(true);
  });

  it.each(subpaths)('%s resolves from dist in ESM and CJS with types beside it', async (subpath) => {
    const esm = (await import(subpath)) as Record<string, unknown>;
    const cjs = require(subpath) as Record<string, unknown>;
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    const base = subpath === 'relmark' ? 'dist/index' : `dist/${subpath.slice('relmark/'.length)}/index`;
    for (const file of [`${base}.js`, `${base}.cjs`, `${base}.d.ts`, `${base}.d.cts`]) expect(existsSync(`${root}/${file}`), file).toBe(true);
  });

  it('starts relmark/parallel workers from dist and fits as the single-thread build does', async () => {
    const { fitBgNbdParallel } = (await import('relmark/parallel')) as typeof import('relmark/parallel');
    const clv = (await import('relmark/clv')) as typeof import('relmark/clv');
    expect(existsSync(`${root}/dist/parallel/index.d.ts`)).toBe(true);
    const histories = clv.simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers: 4000, T: 39, seed: 1 });
    const parallel = await fitBgNbdParallel(histories, { threads: 2, minRowsPerThread: 500 });
    const single = clv.fitBgNbdUnchecked(clv.compressHistories(histories));
    expect(Math.abs(parallel.logLikelihood - single.logLikelihood) / Math.abs(single.logLikelihood)).toBeLessThan(1e-12);
  });

  it('shares one RelmarkError and one copy of each schema across subpaths (ESM and CJS each)', async () => {
    const esmRoot = (await import('relmark')) as typeof import('relmark');
    const esmModels = (await import('relmark/models')) as typeof import('relmark/models');
    const cjsRoot = require('relmark') as typeof import('relmark');
    const cjsModels = require('relmark/models') as typeof import('relmark/models');
    expect(esmModels.CustomerSchema).toBe(esmRoot.CustomerSchema);
    expect(esmModels.TransactionSchema).toBe(esmRoot.TransactionSchema);
    expect(cjsModels.CustomerSchema).toBe(cjsRoot.CustomerSchema);
    expect(cjsModels.parseBatch).toBe(cjsRoot.parseBatch);
  });

  it('recognises a RelmarkError thrown by the CJS build with the ESM class, and the reverse', async () => {
    const esm = (await import('relmark')) as typeof import('relmark');
    const cjs = require('relmark') as typeof import('relmark');
    const fromCjs = cjs.safeParseWith(cjs.TransactionSchema, {});
    const fromEsm = esm.safeParseWith(esm.TransactionSchema, {});
    expect(fromCjs.success || fromEsm.success).toBe(false);
    if (!fromCjs.success && !fromEsm.success) {
      expect(fromCjs.error instanceof esm.RelmarkError).toBe(true);
      expect(fromEsm.error instanceof cjs.RelmarkError).toBe(true);
      expect(esm.isRelmarkError(fromCjs.error)).toBe(true);
    }
  });

  it('keeps fast-check out of the root entry point', () => {
    const rootFiles = execFileSync('node', ['-e', "require('relmark'); console.log(Object.keys(require.cache).filter((f) => f.includes('fast-check')).length)"], { cwd: root, encoding: 'utf8' });
    expect(rootFiles.trim()).toBe('0');
  });
});
