import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

describe('createProgress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  };

  it('draws a bar with the share done on a terminal, and clears it at the end', () => {
    const tty = stream(true);
    const progress = createProgress(tty.stream, 'reading', true);
    progress.update(50, 100);
    progress.done();
    expect(tty.written[0]).toMatch(/^\rreading \[#{15}-{15}\] {2}50% 0\.0 MB$/);
    expect(tty.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing when not a terminal or when quiet', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const s = stream(isTTY);
      const progress = createProgress(s.stream, 'reading', enabled);
      progress.update(1, 2);
      progress.done();
      expect(s.written).toEqual([]);
    }
  });
});
