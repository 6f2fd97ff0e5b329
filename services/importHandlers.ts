import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { importChannels } from '../contract/importContract';
import { importMany, previewImport, readSource, saveImport } from './import';
import { contentHashOf } from './import/sources';

type ImportChannel = keyof typeof importChannels;

/** Handlers of the import (import/*) channels. */
export function createImportHandlers(ctx: ServiceContext): { [C in ImportChannel]: Handler<C> } {
  return {
    'import/preview': ({ source }) => previewImport(ctx.archive, source),
    'import/save': async ({ source, draft, allowDuplicate }) => {
      const doc = await readSource(source);
      return saveImport(ctx.archive, doc, contentHashOf(doc.text), draft, {
        actor: ctx.actor(),
        allowDuplicate,
      });
    },
    'import/batch': async ({ sources, allowDuplicate }) => ({
      items: await importMany(
        ctx.archive,
        sources.map((source) => ({ name: source.name ?? 'Văn bản dán vào', read: () => readSource(source) })),
        { actor: ctx.actor(), allowDuplicate },
      ),
    }),
  };
}
