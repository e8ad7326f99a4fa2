import { describe, expect, it } from 'vitest';
import { formatIssues, formatPath } from './formatIssues.js';

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['rows', 12, 'amount'], 'rows[12].amount'],
    [[3, 'x'], '[3].x'],
    [['attributes', 'a b'], 'attributes["a b"]'],
    [['attributes', '__proto__'], 'attributes.__proto__'],
    [['é'], '["é"]'],
  ])('writes %j as %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('formatIssues', () => {
  it('returns the bare summary when there is no issue', () => {
    expect(formatIssues('fitBgNbd: did not converge', [])).toBe('fitBgNbd: did not converge');
  });

  it('lists ten issues and counts the rest', () => {
    const issues = Array.from({ length: 12 }, (_, i) => ({ code: 'x', path: ['rows', i], message: `bad ${i}` }));
    const lines = formatIssues('load: invalid input', issues).split('\n');
    expect(lines[0]).toBe('load: invalid input (12 issues)');
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('… and 2 more (see error.issues for the full list)');
  });
});
