import { resolve } from 'node:path';
import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { mergeChannels } from '../shared/mergeContract';
import { applyMerge, previewMerge } from './archive/mergeApply';
import { backupNow, checkBackup, listBackups, restoreBackup, startAutomaticBackups } from './backups';
import { consoleLogger } from './log';

type MergeChannel = keyof typeof mergeChannels;

/**
 * Handlers of `merge/*` (a USB bag into this archive) and `backups/*`. In the long-running transports
 * (desktop app, web host) this is also where the daily automatic backup is started: every such process
 * builds its handlers once, for its one archive; direct calls (CLI commands, tests) never start it.
 */
export function createMergeHandlers(ctx: ServiceContext): { [C in MergeChannel]: Handler<C> } {
  const a = ctx.archive;
  if (ctx.transport !== 'direct') {
    startAutomaticBackups(a, (e) => consoleLogger.error(e instanceof Error && 'code' in e ? String(e.code) : 'BACKUP_FAILED', 'automatic daily backup', e));
  }
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
