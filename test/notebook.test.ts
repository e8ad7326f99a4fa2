import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// examples/notebook.ipynb is a tslab (TypeScript kernel) notebook. Jupyter cannot be installed
// here, so the test checks the nbformat 4 structure and runs the code cells, in order, as one
// script with tsx (imports of 'relmark/*' resolve to the sources through tsconfig paths).
const root = fileURLToPath(new URL('..', import.meta.url));

interface Cell {
  readonly id?: string;
  readonly cell_type: string;
  readonly source: string[];
  readonly metadata: object;
  readonly outputs?: unknown[];
  readonly execution_count?: number | null;
}
const notebook = JSON.parse(readFileSync(join(root, 'examples/notebook.ipynb'), 'utf8')) as {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string; language: string } };
  cells: Cell[];
};

describe('examples/notebook.ipynb', () => {
  it('is nbformat 4 for the tslab kernel, with unexecuted TypeScript cells', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect(notebook.metadata.kernelspec).toMatchObject({ name: 'tslab', language: 'typescript' });
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of notebook.cells) {
      expect(['markdown', 'code']).toContain(cell.cell_type);
      expect(Array.isArray(cell.source)).toBe(true);
      expect(typeof cell.metadata).toBe('object');
      if (cell.cell_type === 'code') expect([cell.outputs, cell.execution_count]).toEqual([[], null]);
    }
    expect(notebook.cells.filter((c) => c.cell_type === 'code').length).toBeGreaterThanOrEqual(4);
  });

  it('runs its code cells in order as one script', () => {
    const dir = join(root, '.ci-out', 'notebook');
    mkdirSync(dir, { recursive: true });
    const script = join(dir, 'notebook.ts');
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    // A module, so that top-level await (as tslab allows it) is valid.
    writeFileSync(script, `${code.join('\n\n')}\nexport {};\n`);
    const report = join(dir, 'notebook-report.html');
    const output = execFileSync(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', join(root, 'tsconfig.json'), script], {
      cwd: join(root, 'examples'),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, RELMARK_NOTEBOOK_OUT: report },
    });
    expect(output).toMatch(/1750 valid transactions, 3 rejected rows/);
    expect(output).toMatch(/BG\/NBD/);
    expect(output).toMatch(/holdout: \d+ repeat purchases, model \d+\.\d/);
    // segments, R × F, tracking per week and cumulative, CLV, expected purchases and P(alive) matrices.
    expect(output).toMatch(/report: \d+ characters, 7 charts/);
    expect(readFileSync(report, 'utf8').startsWith('<!doctype html>')).toBe(true);
  }, 130_000);
});
