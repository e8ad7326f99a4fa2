// @ts-check
// A local TypeDoc plugin (typedoc.json "plugin"): every exported declaration's page says which
// subpath to import it from, e.g. "Import from: `import { fitBgNbd } from 'relmark/clv';` (also
// exported by `relmark`)". The subpaths are read from the modules of the documentation itself (one
// module per entry point, named after its `@module` tag), so the note cannot drift from the exports.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const TAG = '@importFrom';

/** The import specifier of a documented module: `relmark` for the root, `relmark/<area>` otherwise. */
function specifierOf(module) {
  return module.name === 'relmark' ? 'relmark' : `relmark/${module.name}`;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.internationalization.addTranslations('en', { tag_importFrom: 'Import from' });
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    /** @type {Map<import('typedoc').Reflection, string[]>} */
    const specifiers = new Map();
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      for (const child of module.children ?? []) {
        const target = child.isReference() ? child.getTargetReflectionDeep() : child;
        const list = specifiers.get(target) ?? [];
        if (!list.includes(specifierOf(module))) list.push(specifierOf(module));
        specifiers.set(target, list);
      }
    }
    for (const [reflection, list] of specifiers) {
      if (!reflection.isDeclaration()) continue;
      // Prefer the focused subpath; the root barrel is named as the alternative.
      const ordered = [...list.filter((s) => s !== 'relmark'), ...list.filter((s) => s === 'relmark')];
      const [first, ...others] = ordered;
      if (first === undefined) continue;
      const typeOnly = reflection.kindOf(ReflectionKind.TypeAlias | ReflectionKind.Interface);
      /** @type {import('typedoc').CommentDisplayPart[]} */
      const parts = [{ kind: 'code', text: `\`import ${typeOnly ? 'type ' : ''}{ ${reflection.name} } from '${first}';\`` }];
      if (others.length > 0) {
        parts.push({ kind: 'text', text: ' (also exported by ' });
        others.forEach((s, i) => {
          if (i > 0) parts.push({ kind: 'text', text: ', ' });
          parts.push({ kind: 'code', text: `\`${s}\`` });
        });
        parts.push({ kind: 'text', text: ')' });
      }
      // Functions carry their comments on their signatures; everything else on the declaration.
      const holders = reflection.signatures?.length ? reflection.signatures : [reflection];
      for (const holder of holders) {
        holder.comment ??= new Comment();
        if (!holder.comment.hasModifier(TAG) && !holder.comment.getTag(TAG)) holder.comment.blockTags.unshift(new CommentTag(TAG, parts.map((p) => ({ ...p }))));
      }
    }
  });
}
