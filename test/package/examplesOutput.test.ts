import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`. Each example script ends with the output it prints, as a comment block
// (so the docs show what the code prints, as lifetimes' and R rfm's docs do). Here every example runs
// against the built package ('relmark' resolves through the package's own "exports" to dist, as
// for a user) and must print exactly that block. To refresh the blocks after a deliberate change:
// RELMARK_EXAMPLES_WRITE=1 npx vitest run --config vitest.package.config.ts test/package/examplesOutput.test.ts
const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts'));
const marker = (name: string) => `// Output of \`npx tsx examples/${name}\`:`;

/** The output block at the end of an example, without its comment markers, or undefined. */
function documentedOutput(source: string, name: string): string | undefined {
  const at = source.indexOf(marker(name));
  if (at < 0) return undefined;
  return source
    .slice(at + marker(name).length)
    .split('\n')
    .slice(2)
    .map((line) => line.replace(/^\/\/ ?/, ''))
    .join('\n')
    .trimEnd();
}

describe('examples/*.ts show their output', () => {
  it('has examples', () => {
    expect(examples).toContain('quickstart.ts');
  });

  it.each(examples)('%s prints the output written at its end (run against dist)', (name) => {
    expect(existsSync(join(root, 'dist/index.js'))).toBe(true);
    // A tsconfig without the repository's "paths", so that 'relmark' is the built package.
    const dir = join(root, '.ci-out/examples-dist');
    mkdirSync(dir, { recursive: true });
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', strict: true } }));
    const output = execFileSync(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', tsconfig, `examples/${name}`], { cwd: root, encoding: 'utf8', timeout: 180_000 }).trimEnd();
    const file = join(root, 'examples', name);
    const source = readFileSync(file, 'utf8');
    if (process.env.RELMARK_EXAMPLES_WRITE === '1') {
      const at = source.indexOf(marker(name));
      const code = (at < 0 ? source : source.slice(0, at)).trimEnd();
      const block = output.split('\n').map((line) => (line === '' ? '//' : `// ${line}`));
      writeFileSync(file, `${code}\n\n${marker(name)}\n//\n${block.join('\n')}\n`);
    }
    expect(output.length).toBeGreaterThan(0);
    expect(documentedOutput(readFileSync(file, 'utf8'), name)).toBe(output);
  }, 200_000);
});
