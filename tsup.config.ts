import { defineConfig } from 'tsup';

const areas = ['models', 'rfm', 'clv', 'contact', 'channels', 'rewards', 'io', 'testing'] as const;

export default defineConfig({
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
  clean: true,
  target: 'node20',
});
