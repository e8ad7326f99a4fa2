import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs after `npm run build`. A consumer TypeScript project with `moduleResolution: node` (node10,
// the resolution that ignores "exports": old projects, tslab's notebook kernel) imports every name
// that each CJS-capable subpath exports at runtime; it must type-check against the built package
// through "typesVersions" (with skipLibCheck, as consumers set it: fast-check's own types need
// node16). A control copy of the package without "typesVersions" must fail: the check can fail.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { require?: { types: string } } | string>;
  typesVersions?: unknown;
};
const require = createRequire(join(root, 'package.json'));
// Subpaths with a require condition; ./parallel is ESM-only (its workers need import.meta.url).
const subpaths = Object.entries(pkg.exports)
  .filter(([key, value]) => key !== './package.json' && typeof value === 'object' && value.require !== undefined)
  .map(([key]) => (key === '.' ? 'relmark' : `relmark/${key.slice(2)}`));
const work = join(root, '.ci-out/package-node10');

/** A consumer project whose node_modules/relmark holds the built dist and the given package.json. */
function consumer(name: string, manifest: object, compilerOptions: object): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules/relmark'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/relmark/package.json'), JSON.stringify(manifest));
  symlinkSync(join(root, 'dist'), join(dir, 'node_modules/relmark/dist'));
  cpSync(join(work, 'index.ts'), join(dir, 'index.ts'));
  const options = { module: 'commonjs', moduleResolution: 'node10', target: 'es2022', strict: true, esModuleInterop: true, noEmit: true, types: [], skipLibCheck: true, ...compilerOptions };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['index.ts'] }));
  return dir;
}

/** Runs a tsc on a project: exit status and output. */
function typeCheck(tsc: string, dir: string): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', timeout: 120_000 }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { status: e.status, output: e.stdout };
  }
}

describe('moduleResolution node (node10) consumers', () => {
  beforeAll(() => {
    expect(existsSync(join(root, 'dist/index.d.cts'))).toBe(true);
    mkdirSync(work, { recursive: true });
    // Every runtime export of every subpath, imported by name: a name missing from the types fails.
    const lines = subpaths.map((subpath, i) => {
      const names = Object.keys(require(subpath) as object).filter((n) => n !== 'default' && n !== '__esModule');
      return `import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from '${subpath}';\nexport const names${i} = [${names.map((n) => `typeof m${i}_${n}`).join(', ')}];`;
    });
    // A few calls whose types must be the real ones, not `any`.
    lines.push(
      "import { fitBgNbd as fit } from 'relmark/clv';",
      "import { summarizeRfm as rfm } from 'relmark/rfm';",
      "import type { TransactionInput } from 'relmark/models';",
      "const rows: TransactionInput[] = [{ id: 't1', customerId: 'c1', at: '2025-01-01', amount: 10 }];",
      "export const ll: number = fit([{ x: 1, tx: 2, T: 10 }], { timeUnit: 'week' }).logLikelihood;",
      '// @ts-expect-error asOf must be an instant, not a number array',
      'export const bad = rfm(rows, { asOf: [1] });',
    );
    writeFileSync(join(work, 'index.ts'), `${lines.join('\n')}\n`);
  });

  it('covers every CJS-capable subpath', () => {
    expect(subpaths).toContain('relmark');
    expect(subpaths).toContain('relmark/clv');
    expect(subpaths).not.toContain('relmark/parallel');
    expect(subpaths.length).toBe(Object.keys(pkg.exports).length - 2);
  });

  it('type-checks every subpath with TypeScript 6 under moduleResolution node10', () => {
    const dir = consumer('ts6', pkg, { ignoreDeprecations: '6.0' });
    const result = typeCheck(join(root, 'node_modules/typescript/bin/tsc'), dir);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!existsSync(join(root, 'node_modules/@tslab/typescript-for-tslab/bin/tsc')))('type-checks with the TypeScript 5.0 of tslab, the notebook kernel', () => {
    const dir = consumer('ts50', pkg, {});
    const result = typeCheck(join(root, 'node_modules/@tslab/typescript-for-tslab/bin/tsc'), dir);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails without typesVersions (the control): node10 ignores "exports"', () => {
    const { typesVersions: _, ...withoutTypesVersions } = pkg;
    const dir = consumer('control', withoutTypesVersions, { ignoreDeprecations: '6.0' });
    const result = typeCheck(join(root, 'node_modules/typescript/bin/tsc'), dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Cannot find module 'relmark\/clv'/);
  });

  it('keeps npx tsc on the project TypeScript (tslab’s TypeScript 5.0 also declares a tsc bin)', () => {
    const version = execFileSync(join(root, 'node_modules/.bin/tsc'), ['--version'], { encoding: 'utf8' });
    expect(version.trim()).toBe(`Version ${(require('typescript/package.json') as { version: string }).version}`);
  });
});
