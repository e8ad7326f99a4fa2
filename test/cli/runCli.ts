import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the CLI as tsup does (one ESM file for node from src/cli/main.ts, packages left to
 * node_modules) into a folder of node_modules/.cache, and returns its path. esbuild takes a fraction
 * of a second, so each test file builds its own copy instead of depending on `npm run build`.
 */
export async function buildCli(): Promise<string> {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'relmark-cli-'));
  const outfile = join(dir, 'main.mjs');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
  return outfile;
}

/** What one run of the CLI gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI with arguments in a working folder (a fresh temporary one by default). */
export function runCli(cli: string, args: readonly string[], options: { cwd?: string; input?: string; timeout?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'relmark-cli-')),
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeout ?? 60_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'relmark-cli-'));
}
