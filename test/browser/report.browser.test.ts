import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HtmlReportInput, renderHtmlReport, reportChartData } from 'relmark/report';
import { buildCli, root, runCli } from '../cli/runCli.js';
import { sharedDataFile } from '../helpers/sharedData.js';
import { libraryHoldoutInput, readCdnowMaster, readSampleCsv } from './libraryReport.js';

// A real browser opens the HTML reports: Debian's chromium, headless. .ci/run installs it when
// missing; without it this test is skipped with the reason below. Three pages: `relmark report` on
// the bundled sample without and with --holdout-from, and a holdout report rendered by the library
// itself (renderHtmlReport on CDNOW_master.txt when the shared data is there, else on the sample).
const candidates = [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => typeof c === 'string' && c !== '');
const chromium = candidates.find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
const skipReason = chromium ? '' : '(skipped: no chromium found; install it with `apt-get install -y chromium` or set CHROMIUM_BIN)';

const out = join(root, '.ci-out', 'browser');
const sample = join(root, 'examples/data/sample-transactions.csv');
const pages = {
  plain: join(out, 'report.html'),
  holdout: join(out, 'report-holdout.html'),
  library: join(out, 'report-library-holdout.html'),
};
const cdnow = sharedDataFile('CDNOW_master.txt');
let libraryInput: HtmlReportInput;

/** Runs headless chromium on a page with extra arguments; returns stdout and stderr. */
function browse(url: string, args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(
    chromium as string,
    ['--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--hide-scrollbars', '--enable-logging=stderr', '--v=0', ...args, url],
    { encoding: 'utf8', timeout: 90_000 },
  );
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

interface ChartCheck {
  chart: string;
  marks: number;
  width: number;
  height: number;
  /** Heat maps only: legend swatches, and whether the legend lies inside the SVG's box. */
  legendSwatches: number | null;
  legendInside: boolean | null;
}

interface PageCheck {
  charts: ChartCheck[];
  figures: Record<string, string>;
  periods: string[];
  notes: string[];
  resources: number;
  height: number;
}

// Appended to a copy of a report (the report itself has no script): measures each chart's SVG with
// getBBox, counts its marks and legend swatches, reads the holdout figures, period lines and notes as
// rendered (only visible elements), and lists fetched resources.
const checker = `<script>
  const visible = (el) => el.getBoundingClientRect().height > 0;
  const charts = [...document.querySelectorAll('figure.chart')].map((figure) => {
    const svg = figure.querySelector('svg');
    const box = svg ? svg.getBBox() : { width: 0, height: 0 };
    const legend = svg && svg.querySelector('g.legend');
    const lbox = legend ? legend.getBBox() : null;
    const width = svg ? Number(svg.getAttribute('width')) : 0;
    const height = svg ? Number(svg.getAttribute('height')) : 0;
    return {
      chart: figure.dataset.chart,
      marks: svg ? svg.querySelectorAll('rect.bar, rect.cell, path.line').length : 0,
      width: box.width,
      height: box.height,
      legendSwatches: legend ? legend.querySelectorAll('rect.legend-swatch').length : (svg && svg.dataset.chartKind === 'heatmap' ? 0 : null),
      legendInside: lbox ? lbox.x >= 0 && lbox.y >= 0 && lbox.x + lbox.width <= width && lbox.y + lbox.height <= height : null,
    };
  });
  const figures = Object.fromEntries([...document.querySelectorAll('tr[data-figure]')].filter(visible).map((tr) => [tr.dataset.figure, tr.children[1].textContent]));
  const periods = [...document.querySelectorAll('p.period')].filter(visible).map((p) => p.dataset.period);
  const notes = [...document.querySelectorAll('p.note')].filter(visible).map((p) => p.dataset.note);
  const pre = document.createElement('pre');
  pre.id = 'relmark-check';
  pre.textContent = JSON.stringify({ charts, figures, periods, notes, resources: performance.getEntriesByType('resource').length, height: document.documentElement.scrollHeight });
  document.body.append(pre);
</script>`;

function check(page: string): PageCheck {
  const checked = page.replace(/\.html$/, '-checked.html');
  writeFileSync(checked, readFileSync(page, 'utf8').replace('</body>', `${checker}</body>`));
  // The same width as the screenshots, so that the measured page height is theirs.
  const result = browse(pathToFileURL(checked).href, ['--dump-dom', '--window-size=1200,1000']);
  const json = /<pre id="relmark-check">([^<]*)<\/pre>/.exec(result.stdout)?.[1];
  expect(json, result.stderr).toBeDefined();
  return JSON.parse((json as string).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as PageCheck;
}

/** Every chart drawn with marks and a real size; every heat map with a legend inside its SVG. */
function expectChartsDrawn(result: PageCheck): void {
  for (const chart of result.charts) {
    expect(chart.marks, chart.chart).toBeGreaterThan(0);
    expect(chart.width, chart.chart).toBeGreaterThan(100);
    expect(chart.height, chart.chart).toBeGreaterThan(100);
    if (chart.chart.endsWith('heatmap')) {
      expect(chart.legendSwatches, `${chart.chart} legend`).toBeGreaterThanOrEqual(10);
      expect(chart.legendInside, `${chart.chart} legend inside the SVG`).toBe(true);
    } else {
      expect(chart.legendSwatches, chart.chart).toBeNull();
    }
  }
  expect(result.resources).toBe(0);
}

/** A full-page screenshot as a test artefact: a PNG big enough to hold the charts rather than a blank page. */
function screenshot(page: string, png: string, height: number): void {
  const result = browse(pathToFileURL(page).href, [`--screenshot=${png}`, `--window-size=1200,${Math.ceil(height) + 40}`]);
  expect(result.status, result.stderr).toBe(0);
  expect(existsSync(png)).toBe(true);
  expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(statSync(png).size).toBeGreaterThan(50_000);
}

describe.skipIf(!chromium)(`the HTML report in headless chromium ${skipReason}`, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const cli = await buildCli();
    const plain = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--html', pages.plain, '-q']);
    expect(plain.code, plain.stderr).toBe(0);
    const holdout = runCli(cli, ['report', sample, '--as-of', '2026-01-01', '--holdout-from', '2025-07-01', '--html', pages.holdout, '-q']);
    expect(holdout.code, holdout.stderr).toBe(0);
    libraryInput = cdnow
      ? libraryHoldoutInput(readCdnowMaster(cdnow), { asOf: '1998-07-01', holdoutFrom: '1997-10-01', source: 'CDNOW_master.txt' })
      : libraryHoldoutInput(readSampleCsv(sample), { asOf: '2026-01-01', holdoutFrom: '2025-07-01', source: 'sample-transactions.csv' });
    writeFileSync(pages.library, renderHtmlReport(libraryInput));
  }, 100_000);

  it('loads without a console message or error, and fetches nothing', () => {
    for (const page of Object.values(pages)) {
      const result = browse(pathToFileURL(page).href, ['--dump-dom']);
      expect(result.status).toBe(0);
      const consoleLines = result.stderr.split('\n').filter((line) => /:CONSOLE|Uncaught|Failed to load resource/.test(line));
      expect(consoleLines, page).toEqual([]);
      expect(result.stdout).toContain('data-chart="segments"');
    }
  });

  it('would catch a console error (the check itself works)', () => {
    const page = join(out, 'console-error.html');
    writeFileSync(page, '<!doctype html><html><body><script>console.error("relmark-test-error")</script></body></html>');
    const result = browse(pathToFileURL(page).href, ['--dump-dom']);
    expect(result.stderr.split('\n').filter((line) => /:CONSOLE/.test(line) && line.includes('relmark-test-error'))).toHaveLength(1);
  });

  it('renders every chart of the CLI report with non-empty SVG content and legends (measured by the browser)', () => {
    const result = check(pages.plain);
    expect(result.charts.map((c) => c.chart)).toEqual(['segments', 'rf-heatmap', 'rf-monetary-heatmap', 'repeat-purchases', 'clv-distribution', 'expected-purchases-heatmap', 'alive-heatmap']);
    expectChartsDrawn(result);
    // Without a holdout no period is named and no holdout figure is shown.
    expect(result.periods).toEqual([]);
    expect(result.figures).toEqual({});
    screenshot(pages.plain, join(out, 'report.png'), result.height);
  });

  it('renders the holdout charts and figures of `relmark report --holdout-from`', () => {
    const result = check(pages.holdout);
    expect(result.charts.map((c) => c.chart)).toEqual([
      'segments',
      'rf-heatmap',
      'rf-monetary-heatmap',
      'repeat-purchases',
      'holdout-by-frequency',
      'tracking',
      'tracking-cumulative',
      'clv-distribution',
      'expected-purchases-heatmap',
      'alive-heatmap',
    ]);
    expectChartsDrawn(result);
    expect(Object.keys(result.figures)).toEqual(['customers', 'duration', 'actual', 'expected', 'mae', 'rmse', 'bias', 'chi-square']);
    expect(result.periods).toEqual(expect.arrayContaining(['calibration', 'holdout', 'whole']));
    screenshot(pages.holdout, join(out, 'report-holdout.png'), result.height);
  });

  it(`renders a holdout report made with the library (${cdnow ? 'CDNOW_master.txt' : 'the bundled sample: CDNOW_master.txt not found'}), its figures as computed`, () => {
    const result = check(pages.library);
    const expected = reportChartData(libraryInput);
    expect(result.charts.map((c) => c.chart)).toEqual(expected.charts);
    for (const name of ['holdout-by-frequency', 'tracking', 'tracking-cumulative', 'rf-monetary-heatmap', 'expected-purchases-heatmap', 'alive-heatmap']) {
      expect(expected.charts).toContain(name);
    }
    expectChartsDrawn(result);
    const h = libraryInput.holdout;
    expect(h).toBeDefined();
    expect(result.figures).toMatchObject({
      actual: (h?.actual ?? 0).toLocaleString('en-US'),
      mae: (h?.mae ?? 0).toFixed(3),
      rmse: (h?.rmse ?? 0).toFixed(3),
      bias: (h?.bias ?? 0).toFixed(3),
      'chi-square': (libraryInput.chiSquare ?? 0).toFixed(1),
    });
    expect(result.figures.expected?.startsWith((h?.expected ?? 0).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }))).toBe(true);
    expect(result.periods).toEqual(expect.arrayContaining(['calibration', 'holdout', 'whole']));
    if (cdnow) {
      // CDNOW: half of the customers bought once, so F2 is empty (tie-honest scores); BG/NBD gives
      // P(alive) = 1 to every customer without a repeat purchase. Both are explained on the page.
      expect(result.notes).toEqual(['empty-frequency-scores', 'alive-without-repeat']);
      // The weekly tracking leaves out the last, partial week (1998-07-01 alone): fewer points than the cumulative line.
      const partial = expected.tracking?.points.filter((p) => p.partial) ?? [];
      expect(partial).toHaveLength(1);
      expect(readFileSync(pages.library, 'utf8')).toContain('The last period is partial');
    }
    screenshot(pages.library, join(out, 'report-library-holdout.png'), result.height);
  });
});
