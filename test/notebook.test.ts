import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// examples/notebook.ipynb is a tslab (TypeScript kernel) notebook, committed with its outputs. These
// tests run it as a user would: against the built package (dist, as `npm install relmark` lays it out
// in node_modules), first cell by cell through tslab's own executor (fast, needs no Jupyter), then in
// a real Jupyter with `jupyter nbconvert --to notebook --execute` (skipped, with the reason, where
// Jupyter is absent). `.ci/run` builds before the tests and installs Jupyter when it can.
// To refresh the committed outputs: `npm run notebook` (builds, executes, writes examples/notebook.ipynb).
const root = fileURLToPath(new URL('..', import.meta.url));
const notebookPath = join(root, 'examples/notebook.ipynb');
const stage = join(root, '.ci-out/notebook');
const jupyterPrefix = join(root, '.ci-out/jupyter');
const tslabBin = join(root, 'node_modules/.bin/tslab');

interface Output {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
}
interface Cell {
  readonly id?: string;
  readonly cell_type: string;
  readonly source: string[];
  readonly metadata: object;
  readonly outputs?: Output[];
}
interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec: { name: string; language: string } };
  cells: Cell[];
}
const readNotebook = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Notebook;
const notebook = readNotebook(notebookPath);
const codeCells = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code');
const joined = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('') : (text ?? ''));

/** What a cell printed (stdout) and which rich outputs it showed, in order: what a reader sees. */
function summary(cell: Cell) {
  const outputs = cell.outputs ?? [];
  return {
    id: cell.id,
    stdout: outputs.filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => joined(o.text)).join(''),
    shown: outputs.filter((o) => o.output_type === 'display_data').map((o) => Object.keys(o.data ?? {}).sort().join(',')),
  };
}

/** Why the notebook cannot run against dist, or '' when it can. */
function distProblem(): string {
  const built = join(root, 'dist/index.cjs');
  if (!existsSync(built)) return '(skipped: dist/ is missing; run `npm run build` first)';
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (newest(join(root, 'src')) > statSync(built).mtimeMs) return '(skipped: dist/ is older than src/; run `npm run build` first)';
  return '';
}

/** The Python that runs Jupyter (tslab registers its kernel through it), or undefined without Jupyter. */
function findJupyterPython(): string | undefined {
  try {
    execFileSync('jupyter', ['nbconvert', '--version'], { stdio: 'ignore', timeout: 60_000 });
    const jupyter = execFileSync('sh', ['-c', 'command -v jupyter'], { encoding: 'utf8' }).trim();
    const shebang = (readFileSync(jupyter, 'utf8').split('\n')[0] ?? '').replace(/^#!\s*/, '').split(/\s+/);
    const python = shebang[0]?.endsWith('/env') ? shebang[1] : shebang[0];
    if (python === undefined || python === '') return undefined;
    execFileSync(python, ['-c', 'import jupyter_client'], { stdio: 'ignore' });
    return python;
  } catch {
    return undefined;
  }
}

const distSkip = distProblem();
const python = distSkip === '' ? findJupyterPython() : undefined;
const jupyterSkip = distSkip !== '' ? distSkip : python === undefined ? '(skipped: Jupyter not found; `apt-get install -y jupyter-nbconvert jupyter-notebook`, as .ci/run does)' : '';

// The notebook's folder as a user has it: the notebook, its data, and relmark installed in
// node_modules (package.json + dist copied, not linked, so TypeScript names types as users see them).
// zod, date-fns, csv-parse and tslab resolve from the repository's node_modules further up.
function stageNotebook(): void {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node_modules/relmark'), { recursive: true });
  cpSync(join(root, 'package.json'), join(stage, 'node_modules/relmark/package.json'));
  cpSync(join(root, 'dist'), join(stage, 'node_modules/relmark/dist'), { recursive: true });
  cpSync(join(root, 'examples/data'), join(stage, 'data'), { recursive: true });
  cpSync(notebookPath, join(stage, 'notebook.ipynb'));
}

describe('examples/notebook.ipynb', () => {
  it('is nbformat 4 for the tslab kernel, committed with its outputs (tables and SVG charts)', () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect(notebook.metadata.kernelspec).toMatchObject({ name: 'tslab', language: 'typescript' });
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of notebook.cells) {
      expect(['markdown', 'code']).toContain(cell.cell_type);
      expect(Array.isArray(cell.source)).toBe(true);
      expect(typeof cell.metadata).toBe('object');
    }
    const cells = codeCells(notebook);
    expect(cells.length).toBeGreaterThanOrEqual(5);
    // Every cell but the imports shows something, and nothing committed is an error.
    for (const cell of cells.slice(1)) expect(cell.outputs?.length ?? 0, cell.id).toBeGreaterThan(0);
    const outputs = cells.flatMap((c) => c.outputs ?? []);
    expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
    const svgs = outputs.map((o) => joined(o.data?.['image/svg+xml'])).filter((s) => s !== '');
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^]*<\/svg>$/);
    const tables = outputs.map((o) => joined(o.data?.['text/html'])).filter((s) => s.startsWith('<table>'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(cells.map((c) => summary(c).stdout).join('')).toMatch(/1750 valid transactions, 3 rejected rows/);
  });

  describe.skipIf(distSkip !== '')(`against the built package ${distSkip}`, () => {
    beforeAll(stageNotebook, 120_000);

    it('runs cell by cell in tslab’s executor and prints what the committed outputs show', () => {
      // tslab's converter type-checks each cell with its TypeScript 5.0 (moduleResolution node10,
      // lib es2022) and its executor runs it; display calls are captured instead of sent to Jupyter.
      const driver = `
        const path = require('node:path');
        const [tslabDir, file] = process.argv.slice(1);
        const { createConverter } = require(path.join(tslabDir, 'dist/converter.js'));
        const { createExecutor } = require(path.join(tslabDir, 'dist/executor.js'));
        const jupyter = require(path.join(tslabDir, 'dist/jupyter.js'));
        const nb = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
        const node = createConverter({ isJS: false, isBrowser: false });
        const browser = createConverter({ isJS: false, isBrowser: true });
        const write = process.stdout.write.bind(process.stdout);
        let cell;
        const report = (...args) => { cell.errors += args.join(' ') + '\\n'; };
        const executor = createExecutor(process.cwd(), { node, browser, close() { node.close(); browser.close(); } }, { log: report, error: report });
        (async () => {
          const cells = [];
          for (const c of nb.cells.filter((c) => c.cell_type === 'code')) {
            cell = { id: c.id, ok: false, stdout: '', shown: [], errors: '' };
            cells.push(cell);
            process.stdout.write = (chunk) => { cell.stdout += String(chunk); return true; };
            jupyter.lastWriteDisplayData = (message) => cell.shown.push(Object.keys(message.data).sort().join(','));
            try { cell.ok = await executor.execute(c.source.join('')); } catch (e) { cell.errors += String(e); }
            process.stdout.write = write;
            if (!cell.ok) break;
          }
          executor.close();
          write(JSON.stringify(cells));
        })();`;
      const out = execFileSync(process.execPath, ['-e', driver, join(root, 'node_modules/tslab'), 'notebook.ipynb'], { cwd: stage, encoding: 'utf8', timeout: 240_000 });
      const cells = JSON.parse(out) as { id: string; ok: boolean; stdout: string; shown: string[]; errors: string }[];
      for (const cell of cells) expect({ id: cell.id, ok: cell.ok, errors: cell.errors }).toEqual({ id: cell.id, ok: true, errors: '' });
      expect(cells.map(({ id, stdout, shown }) => ({ id, stdout, shown }))).toEqual(codeCells(notebook).map(summary));
      expect(readFileSync(join(stage, 'notebook-report.html'), 'utf8').startsWith('<!doctype html>')).toBe(true);
    }, 250_000);

    describe.skipIf(jupyterSkip !== '')(`in Jupyter (nbconvert --execute, tslab kernel) ${jupyterSkip}`, () => {
      it('executes every cell and reproduces the committed outputs', () => {
        const env = { ...process.env, JUPYTER_PATH: join(jupyterPrefix, 'share/jupyter') };
        // Register the kernel in a prefix inside the checkout (as .ci/run does): nothing global changes.
        const kernel = join(jupyterPrefix, 'share/jupyter/kernels/tslab/kernel.json');
        if (!existsSync(kernel) || !readFileSync(kernel, 'utf8').includes(tslabBin)) {
          execFileSync(tslabBin, ['install', `--python=${python}`, `--binary=${tslabBin}`, `--prefix=${jupyterPrefix}`], { stdio: 'ignore', timeout: 60_000 });
        }
        const executed = join(stage, 'executed.ipynb');
        execFileSync('jupyter', ['nbconvert', '--to', 'notebook', '--execute', 'notebook.ipynb', '--output', 'executed.ipynb', '--ExecutePreprocessor.timeout=300', '--ExecutePreprocessor.record_timing=False'], {
          cwd: stage,
          env,
          stdio: 'pipe',
          timeout: 400_000,
        });
        const result = readNotebook(executed);
        expect(codeCells(result).flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'error')).toEqual([]);
        if (process.env.RELMARK_NOTEBOOK_WRITE === '1') writeFileSync(notebookPath, readFileSync(executed, 'utf8'));
        expect(codeCells(result).map(summary)).toEqual(codeCells(readNotebook(notebookPath)).map(summary));
        const svgs = codeCells(result).flatMap((c) => (c.outputs ?? []).map((o) => joined(o.data?.['image/svg+xml']))).filter((s) => s !== '');
        expect(svgs.length).toBeGreaterThanOrEqual(4);
        expect(readFileSync(join(stage, 'notebook-report.html'), 'utf8').startsWith('<!doctype html>')).toBe(true);
      }, 420_000);
    });
  });
});
