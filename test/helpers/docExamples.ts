import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One `@example` block of a TSDoc comment. */
export interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** Every ```ts block inside an `@example` tag of every source file below `dir`. */
export function collectDocExamples(dir: string, root: string): DocExample[] {
  const out: DocExample[] = [];
  for (const file of listSourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    let inExample = false;
    let inFence = false;
    let start = 0;
    let buffer: string[] = [];
    lines.forEach((raw, i) => {
      const line = raw.replace(/^\s*\*\s?/, '');
      if (/^\s*\*\s*@example/.test(raw)) {
        inExample = true;
        return;
      }
      if (inExample && !inFence && /^```ts\s*$/.test(line)) {
        inFence = true;
        start = i + 2;
        buffer = [];
        return;
      }
      if (inFence && /^```\s*$/.test(line)) {
        out.push({ file: relative(root, file), line: start, code: buffer.join('\n') });
        inFence = false;
        inExample = false;
        return;
      }
      if (inFence) buffer.push(line);
      else if (inExample && /^\s*\*\s*@\w+/.test(raw)) inExample = false;
    });
  }
  return out;
}

function listSourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listSourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-d.ts')) files.push(path);
  }
  return files.sort();
}

/**
 * Turns an example into the body of an async function: imports become lookups in a module table,
 * and each `//=>` comment becomes a check of the statement before it (or of the variable that a
 * preceding `const x = …;` declares).
 */
export function instrumentExample(code: string): string {
  const lines = code.split('\n');
  const out: string[] = [];
  let statement: string[] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    const imported = /^import\s+(.+?)\s+from\s+'([^']+)';?$/.exec(trimmed);
    if (imported) {
      const [, what = '', from = ''] = imported;
      const binding = what.startsWith('* as ') ? what.slice(5) : what.startsWith('{') ? what.replace(/\bas\b/g, ':') : `{ default: ${what} }`;
      out.push(`const ${binding} = __modules[${JSON.stringify(from)}];`);
      continue;
    }
    if (trimmed.startsWith('//=>')) {
      const expected = [trimmed.slice(4)];
      while (i + 1 < lines.length && /^\s*\/\/\s{2,}/.test(lines[i + 1] ?? '') && !(lines[i + 1] ?? '').trim().startsWith('//=>')) {
        i++;
        expected.push((lines[i] ?? '').trim().slice(2));
      }
      const previous = out.pop() ?? '';
      const declared = /^(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=/.exec(previous.trim());
      if (declared) {
        out.push(previous, `__check(${declared[1]}, ${JSON.stringify(expected.join('\n'))});`);
      } else {
        const expression = previous.trim().replace(/;$/, '');
        out.push(`__check((${expression}), ${JSON.stringify(expected.join('\n'))});`);
      }
      continue;
    }
    statement.push(line);
    for (const ch of line.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '')) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    if (depth === 0 && (trimmed.endsWith(';') || trimmed.endsWith('}') || trimmed === '')) {
      out.push(statement.join('\n'));
      statement = [];
    }
  }
  if (statement.length > 0) out.push(statement.join('\n'));
  return out.join('\n');
}

/**
 * Compares a value with the literal an example shows: deep equality, where a number written with
 * decimals matches to half a unit of its last shown decimal (0.7266 matches 0.726609…).
 */
export function matchesShown(actual: unknown, shownText: string, shown: unknown): boolean {
  const decimals = [...shownText.matchAll(/-?\d+\.(\d+)(?:e[+-]?\d+)?/gi)];
  return deepMatch(actual, shown, decimals.length > 0);
}

function deepMatch(actual: unknown, shown: unknown, rounded: boolean): boolean {
  if (typeof shown === 'number' && typeof actual === 'number') {
    if (Object.is(actual, shown) || actual === shown) return true;
    if (!rounded || !Number.isFinite(shown)) return false;
    const text = String(shown);
    const exp = /e([+-]?\d+)$/i.exec(text);
    const mantissaDecimals = (/\.(\d+)/.exec(text.replace(/e.*$/i, ''))?.[1] ?? '').length;
    if (mantissaDecimals === 0 && !exp) return false;
    const unit = 10 ** (-mantissaDecimals + (exp ? Number(exp[1]) : 0));
    return Math.abs(actual - shown) <= unit / 2 + Number.EPSILON * Math.abs(shown) * 4;
  }
  if (shown instanceof Date) return actual instanceof Date && actual.getTime() === shown.getTime();
  if (Array.isArray(shown)) {
    return Array.isArray(actual) && actual.length === shown.length && shown.every((s, i) => deepMatch(actual[i], s, rounded));
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const a = actual as Record<string, unknown>;
    const s = shown as Record<string, unknown>;
    const keys = Object.keys(s);
    const actualKeys = Object.keys(a).filter((k) => a[k] !== undefined);
    return actualKeys.length === keys.length && keys.every((k) => deepMatch(a[k], s[k], rounded));
  }
  return Object.is(actual, shown);
}
