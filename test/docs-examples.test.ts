import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as relmark from 'relmark';
import * as channels from 'relmark/channels';
import * as clv from 'relmark/clv';
import * as cohorts from 'relmark/cohorts';
import * as contact from 'relmark/contact';
import * as io from 'relmark/io';
import * as models from 'relmark/models';
import * as parallel from 'relmark/parallel';
import * as rewards from 'relmark/rewards';
import * as rfm from 'relmark/rfm';
import * as recommend from 'relmark/recommend';
import * as testing from 'relmark/testing';
import { collectDocExamples, instrumentExample, matchesShown } from './helpers/docExamples.js';

// Every `@example` in src/ is run against the sources, and each `//=>` value is checked: this is
// what makes "every export has a runnable example" true rather than aspirational.
const modules: Record<string, unknown> = {
  relmark,
  'relmark/models': models,
  'relmark/rfm': rfm,
  'relmark/clv': clv,
  'relmark/cohorts': cohorts,
  'relmark/contact': contact,
  'relmark/channels': channels,
  'relmark/rewards': rewards,
  'relmark/io': io,
  'relmark/parallel': parallel,
  'relmark/recommend': recommend,
  'relmark/testing': testing,
  zod: z,
  'fast-check': { default: fc, ...fc },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = collectDocExamples(fileURLToPath(new URL('../src', import.meta.url)), root);
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

describe('TSDoc @example blocks', () => {
  it('finds examples', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it.each(examples.map((example) => [`${example.file}:${example.line}`, example] as const))('%s runs and shows true results', async (_where, example) => {
    const checks: { shown: string; ok: boolean; actual: unknown }[] = [];
    const check = (actual: unknown, shownText: string) => {
      const shown = new Function(`return (${shownText});`)() as unknown;
      checks.push({ shown: shownText.trim(), ok: matchesShown(actual, shownText, shown), actual });
    };
    const body = transformSync(instrumentExample(example.code), { loader: 'ts', format: 'esm' }).code;
    await new AsyncFunction('__modules', '__check', body)(modules, check);
    expect(checks.length, 'an example shows at least one result with //=>').toBeGreaterThan(0);
    for (const c of checks) expect(c.ok, `shown ${c.shown}, got ${JSON.stringify(c.actual)}`).toBe(true);
  });
});
