import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The folder of the shared reference data (CDNOW, donations, synthetic), found through
 * RELMARK_DATA_DIR or ../shared/data beside the checkout; `undefined` when neither exists.
 * The data is never copied into the repository.
 */
export function sharedDataDir(): string | undefined {
  const candidates = [process.env.RELMARK_DATA_DIR, resolve(process.cwd(), '../shared/data')].filter(
    (dir): dir is string => typeof dir === 'string' && dir.length > 0,
  );
  return candidates.find((dir) => existsSync(join(dir, 'README.md')) || existsSync(dir));
}

/** The path of one shared data file, or `undefined` when it is absent. */
export function sharedDataFile(name: string): string | undefined {
  const dir = sharedDataDir();
  if (dir === undefined) return undefined;
  const file = join(dir, name);
  return existsSync(file) ? file : undefined;
}

/** Why a reference test is skipped when its data file is absent; use it as the test's name suffix. */
export function missingDataReason(name: string): string {
  return `skipped: ${name} not found (set RELMARK_DATA_DIR or place ../shared/data beside the checkout)`;
}
