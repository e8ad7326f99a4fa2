import { describe, expect, it } from 'vitest';
import { instrumentExample, matchesShown } from './docExamples.js';

describe('doc example harness', () => {
  it('checks the statement before //=> and the variable a declaration names', () => {
    const code = ["import { a } from 'relmark';", 'const x = a(', '  1,', ');', '//=> [1,', '//    2]', 'x.length;', '//=> 2'].join('\n');
    expect(instrumentExample(code)).toBe(
      ["const { a } = __modules[\"relmark\"];", 'const x = a(\n  1,\n);', '__check(x, " [1,\\n    2]");', '__check((x.length), " 2");'].join('\n'),
    );
  });

  it.each([
    [0.726609, '0.7266', true],
    [0.72675, '0.7266', false],
    [2.489e-11, '2.489e-11', true],
    [2.4899e-11, '2.489e-11', false],
    [3, '3', true],
    [3.2, '3', false],
    [{ a: [1.23456, 'x'] }, "{ a: [1.2346, 'x'] }", true],
    [{ a: 1, b: undefined }, '{ a: 1 }', true],
    [{ a: 1, b: 2 }, '{ a: 1 }', false],
  ])('matches %j against the shown %s → %s', (actual, text, expected) => {
    const shown = new Function(`return (${text});`)() as unknown;
    expect(matchesShown(actual, text, shown)).toBe(expected);
  });
});
