import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { archiveChannels } from '../shared/archiveContract';

type ArchiveChannel = keyof typeof archiveChannels;

/** Handlers of the USB archive and backup (archive/*, backups/*) channels. */
export function createArchiveHandlers(ctx: ServiceContext): { [C in ArchiveChannel]: Handler<C> } {
  void ctx;
  return {};
}
