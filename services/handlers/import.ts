import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { importMany, previewImport, readSource, saveImport } from '../import';
import { contentHashOf } from '../import/sources';

/** `import/*`: reports and minutes (.txt .md .html .docx) turned into draft meetings. */
export function importHandlers(ctx: ServiceContext): HandlersOf<'import'> {
  return {
    'import/preview': ({ source }) => previewImport(ctx.archive, source),
    'import/save': async ({ source, draft, allowDuplicate }) => {
      const doc = await readSource(source);
      return saveImport(ctx.archive, doc, contentHashOf(doc.text), draft, { actor: ctx.actor(), allowDuplicate });
    },
    'import/batch': async ({ sources, allowDuplicate }) => ({
      items: await importMany(
        ctx.archive,
        sources.map((source) => ({ name: source.name ?? 'Văn bản dán vào', read: () => readSource(source) })),
        { actor: ctx.actor(), allowDuplicate },
        // Each file as it is saved, for a host that lists them as they go (the CLI prints a line each).
        (item, done) => ctx.onProgress?.({ channel: 'import/batch', item, done }),
      ),
    }),
  };
}
