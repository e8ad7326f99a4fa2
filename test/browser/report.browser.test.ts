import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root, runCli } from '../cli/runCli.js';

// A real browser opens the HTML report of `relmark report`: Debian's chromium, headless. .ci/run
// installs it when missing; without it this test is skipped with the reason below.
const candidates = [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => typeof c === 'string' && c !== '');
const chromium = candidates.find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
const skipReason = chromium ? '' : '(skipped: no chromium found; install it with `apt-get install -y chromium` or set CHROMIUM_BIN)';

const out = join(root, '.ci-out', 'browser');
const report = join(out, 'report.html');

/** Runs headless chromium on a page with extra arguments; returns stdout and stderr. */
function browse(url: string, args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(
    chromium as string,
    ['--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--hide-scrollbars', '--enable-logging=stderr', '--v=0', ...args, url],
    { encoding: 'utf8', timeout: 90_000 },
  );
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe.skipIf(!chromium)(`the HTML report in headless chromium ${skipReason}`, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const cli = await buildCli();
    const run = runCli(cli, ['report', join(root, 'examples/data/sample-transactions.csv'), '--as-of', '2026-01-01', '--html', report, '-q']);
    expect(run.code, run.stderr).toBe(0);
  }, 60_000);

  it('loads without a console message or error, and fetches nothing', () => {
    const result = browse(pathToFileURL(report).href, ['--dump-dom']);
    expect(result.status).toBe(0);
    const consoleLines = result.stderr.split('\n').filter((line) => /:CONSOLE|Uncaught|Failed to load resource/.test(line));
    expect(consoleLines).toEqual([]);
    expect(result.stdout).toContain('data-chart="segments"');
  });

  it('would catch a console error (the check itself works)', () => {
    const page = join(out, 'console-error.html');
    writeFileSync(page, '<!doctype html><html><body><script>console.error("relmark-test-error")</script></body></html>');
    const result = browse(pathToFileURL(page).href, ['--dump-dom']);
    expect(result.stderr.split('\n').filter((line) => /:CONSOLE/.test(line) && line.includes('relmark-test-error'))).toHaveLength(1);
  });

  it('renders every chart with non-empty SVG content (measured by the browser)', () => {
    // A copy of the report with a checker script appended (the report itself has no script): it
    // measures each chart's SVG with getBBox and counts its marks, and lists fetched resources.
    const checker = `<script>
      const charts = [...document.querySelectorAll('figure.chart')].map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg ? svg.getBBox() : { width: 0, height: 0 };
        return { chart: figure.dataset.chart, marks: svg ? svg.querySelectorAll('rect.bar, rect.cell, path.line').length : 0, width: box.width, height: box.height };
      });
      const pre = document.createElement('pre');
      pre.id = 'relmark-check';
      pre.textContent = JSON.stringify({ charts, resources: performance.getEntriesByType('resource').length });
      document.body.append(pre);
    </script>`;
    const checked = join(out, 'report-checked.html');
    writeFileSync(checked, readFileSync(report, 'utf8').replace('</body>', `${checker}</body>`));
    const result = browse(pathToFileURL(checked).href, ['--dump-dom']);
    const json = /<pre id="relmark-check">([^<]*)<\/pre>/.exec(result.stdout)?.[1];
    expect(json, result.stderr).toBeDefined();
    const check = JSON.parse((json as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as {
      charts: { chart: string; marks: number; width: number; height: number }[];
      resources: number;
    };
    expect(check.charts.map((c) => c.chart)).toEqual(['segments', 'rf-heatmap', 'repeat-purchases', 'clv-distribution', 'alive-heatmap']);
    for (const chart of check.charts) {
      expect(chart.marks, chart.chart).toBeGreaterThan(0);
      expect(chart.width, chart.chart).toBeGreaterThan(100);
      expect(chart.height, chart.chart).toBeGreaterThan(100);
    }
    expect(check.resources).toBe(0);
  });

  it('keeps a screenshot as a test artefact (.ci-out/browser/report.png)', () => {
    const png = join(out, 'report.png');
    const result = browse(pathToFileURL(report).href, [`--screenshot=${png}`, '--window-size=1200,4200']);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(png)).toBe(true);
    // A PNG with the signature, and big enough to hold the charts rather than a blank page.
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(50_000);
  });
});
