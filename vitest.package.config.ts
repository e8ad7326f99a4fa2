import { defineConfig } from 'vitest/config';

// Runs after `npm run build`: imports the built package from dist, as users do.
export default defineConfig({
  test: { include: ['test/package/**/*.test.ts'], testTimeout: 60_000 },
});
