/**
 * Every name (values and types) that each public barrel exports, read with the TypeScript compiler
 * from the sources, so that a refactor can prove it dropped none.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The barrels whose export lists are public API (the root and every area subpath). */
export const barrels = ['index', 'errors/index', 'models/index', 'rfm/index', 'clv/index', 'contact/index', 'channels/index', 'rewards/index', 'io/index', 'summaries/index', 'sql/index', 'report/index', 'testing/index', 'parallel/index'] as const;

/** barrel → its exported names, sorted by code unit. */
export function exportedNames(): Record<string, string[]> {
  const files = barrels.map((b) => resolve(root, 'src', `${b}.ts`));
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  barrels.forEach((barrel, i) => {
    const source = program.getSourceFile(files[i] as string);
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    out[barrel] = symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.getName()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  });
  return out;
}
