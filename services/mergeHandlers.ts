import { resolve } from 'node:path';
import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { mergeChannels } from '../contract/mergeContract';
import { applyMerge, previewMerge } from './archive/mergeApply';
import { backupNow, checkBackup, listBackups, restoreBackup } from './backups';

type MergeChannel = keyof typeof mergeChannels;

/**
 * Handlers of `merge/*` (a USB bag into this archive) and `backups/*`. (The daily automatic backup is
 * started by the long-running hosts themselves: electron/main/index.ts and `hoso serve`.)
 */
export function createMergeHandlers(ctx: ServiceContext): { [C in MergeChannel]: Handler<C> } {
  const a = ctx.archive;
  return {
    'merge/preview': ({ path, passphrase }) => previewMerge(a, resolve(path), passphrase),
    'merge/apply': (input) => applyMerge(a, { ...input, path: resolve(input.path) }, { actor: ctx.actor() }),
    'backups/list': () => listBackups(a),
    'backups/create': async () => {
      const { path: _path, ...made } = await backupNow(a);
      return made;
    },
    'backups/check': ({ file }) => checkBackup(a, file),
    'backups/restore': ({ file }) => restoreBackup(a, file, ctx.actor()),
  };
}
