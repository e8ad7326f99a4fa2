/** A one-line progress bar on a terminal stream (stderr), redrawn at most every 100 ms. */
export interface Progress {
  update(done: number, total: number | undefined): void;
  done(): void;
}

/**
 * A progress bar for a long read: `label [#####-----] 42% 81 MB`. Off (every call a no-op) when the
 * stream is not a terminal or `enabled` is false (`--quiet`), so logs and pipes stay clean.
 * A few lines of our own instead of a progress-bar package: one bar, one stream, no options.
 */
export function createProgress(stream: NodeJS.WriteStream, label: string, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      if (total === undefined || total <= 0) {
        stream.write(`\r${label} ${mb(done)}`);
        return;
      }
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(100 * share)).padStart(3)}% ${mb(done)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
