import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The runnable TypeScript snippets of these guides run as scripts (each fenced ```ts block in its
// own module) with tsx; 'relmark/*' resolves to the sources through tsconfig paths.
const root = fileURLToPath(new URL('..', import.meta.url));
const guides = ['getting-started.md', 'testing-with-arbitraries.md'];

function snippets(guide: string): string[] {
  const text = readFileSync(join(root, 'docs/guides', guide), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

describe.each(guides)('docs/guides/%s', (guide) => {
  it('has runnable snippets that run without error', () => {
    const blocks = snippets(guide);
    expect(blocks.length).toBeGreaterThan(0);
    const dir = join(root, '.ci-out', 'guides', guide.replace(/\.md$/, ''));
    mkdirSync(dir, { recursive: true });
    for (const [i, code] of blocks.entries()) {
      const file = join(dir, `snippet-${i}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      // Throws (and fails the test) on any error, including a failed fc.assert.
      execFileSync(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', join(root, 'tsconfig.json'), file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    }
  }, 180_000);
});
