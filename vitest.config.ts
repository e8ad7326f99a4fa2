import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));

// Tests, examples and doc examples import 'relmark' and 'relmark/<area>' as users do; these aliases
// resolve them to the sources so that no build is needed. test/package/** checks the built dist.
const alias = [
  { find: /^relmark$/, replacement: `${src}/index.ts` },
  { find: /^relmark\/(.+)$/, replacement: `${src}/$1/index.ts` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.prop.test.ts', 'test/package/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'prop', include: ['src/**/*.prop.test.ts', 'test/**/*.prop.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: ['src/**/*.test-d.ts'],
          typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts'] },
        },
      },
    ],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
