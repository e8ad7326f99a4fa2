/**
 * Text for a terminal with every control character made visible (`\x1B`, `\x07`, …): customer ids and
 * cells of a file are printed as they are, so a crafted file could otherwise move the cursor, change
 * the title or hide lines with escape sequences. C0 controls (tab and line breaks within a line
 * too), DEL and the C1 range are escaped; everything else is left alone.
 */
export function terminalText(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
