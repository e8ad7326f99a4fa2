import { defineConfig } from 'tsup';

const areas = ['models', 'rfm', 'clv', 'contact', 'channels', 'rewards', 'io', 'summaries', 'sql', 'recommend', 'report', 'cohorts', 'testing'] as const;

// d3-array, d3-scale and d3-shape (used by relmark/report to draw SVG) are ESM-only: bundling them
// keeps the CommonJS build of relmark/report loadable with require().
const bundled = [/^d3-/, /^internmap$/];

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(areas.map((area) => [`${area}/index`, `src/${area}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    // TypeScript 6 deprecates the baseUrl that tsup's dts build sets itself (TOOLCHAIN.md pitfall 2).
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    // Splitting in both formats keeps one copy of shared modules, so RelmarkError and the schemas
    // are the same objects whichever subpath loads them (tsup issue #408).
    splitting: true,
    treeshake: true,
    sourcemap: true,
    // Not cleaned here: the configs build in parallel and a clean would delete the others' output
    // (the build script empties dist first).
    clean: false,
    target: 'node20',
    noExternal: bundled,
  },
  {
    // relmark/parallel is ESM-only: its pool starts workers on its own bundled file through
    // import.meta.url, which a CJS build cannot keep (and shims would point into a shared chunk).
    // Being a separate build it has its own copy of shared modules; RelmarkError's brand keeps
    // instanceof working across copies.
    entry: { 'parallel/index': 'src/parallel/index.ts', 'parallel/likelihoodWorker': 'src/parallel/likelihoodWorker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: false,
  },
  {
    // The `relmark` command: one ESM file for node, with its shebang.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    // zod is bundled into the command too: as an ESM package it is ~80 files, and resolving and
    // compiling them took about a fifth of a second of every run's CPU (measured on 1M rows).
    noExternal: [...bundled, /^zod(\/|$)/],
  },
]);
