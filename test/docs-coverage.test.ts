import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every runtime export (function, class, constant) of every entry point carries an @example, and
// every type export carries a doc comment: the promise "every export has TSDoc with an example".
const root = fileURLToPath(new URL('..', import.meta.url));
const entries = ['src/index.ts', 'src/testing/index.ts', 'src/parallel/index.ts'].map((file) => `${root}${file}`);
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2023,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

interface ExportInfo {
  readonly name: string;
  readonly kind: 'value' | 'type';
  readonly hasDoc: boolean;
  readonly hasExample: boolean;
}

function exportsOf(entry: string): ExportInfo[] {
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${entry}`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const isValue = (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Class)) !== 0;
    const docNodes = declarations.flatMap((d) => {
      const node = ts.isVariableDeclaration(d) ? d.parent.parent : d;
      return ts.getJSDocCommentsAndTags(node);
    });
    const tags = declarations.flatMap((d) => ts.getJSDocTags(ts.isVariableDeclaration(d) ? d.parent.parent : d));
    return {
      name: exported.getName(),
      kind: isValue ? 'value' : 'type',
      hasDoc: docNodes.length > 0,
      hasExample: tags.some((tag) => tag.tagName.text === 'example'),
    };
  });
}

describe.each(entries.map((entry) => [entry.slice(root.length), entry] as const))('exports of %s', (_name, entry) => {
  const infos = exportsOf(entry);

  it('has exports to check', () => {
    expect(infos.length).toBeGreaterThan(0);
  });

  it('documents every runtime export with an @example', () => {
    expect(infos.filter((i) => i.kind === 'value' && !i.hasExample).map((i) => i.name)).toEqual([]);
  });

  it('documents every type export', () => {
    expect(infos.filter((i) => i.kind === 'type' && !i.hasDoc).map((i) => i.name)).toEqual([]);
  });
});
