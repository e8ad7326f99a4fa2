import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each example script must run to completion with `npx tsx` and print something readable.
const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(`${root}/examples`).filter((name) => name.endsWith('.ts'));
const tsx = `${root}/node_modules/.bin/tsx`;

describe('examples/*.ts', () => {
  it('exist', () => {
    expect(examples).toContain('quickstart.ts');
  });

  it.each(examples)('%s runs and prints output', (name) => {
    const output = execFileSync(tsx, [`examples/${name}`], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(output.trim().length).toBeGreaterThan(0);
  }, 130_000);
});
