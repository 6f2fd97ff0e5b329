import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { SCHEMA_VERSION } from '../../db/open';
import { countMeetings } from '../../db/meetings';
import { countPeople } from '../../db/people';

/** `app/*`: facts about this process and the archive it holds, and the host's folder dialog. */
export function appHandlers(ctx: ServiceContext): HandlersOf<'app'> {
  const a = ctx.archive;
  return {
    'app/info': () => ({
      version: ctx.appVersion,
      archiveFile: a.file,
      schemaVersion: SCHEMA_VERSION,
      transport: ctx.transport,
      counts: { meetings: countMeetings(a), people: countPeople(a) },
      movedTo: ctx.move.movedTo,
    }),
    'app/choose-folder': async ({ title }) =>
      ctx.chooseFolder ? { available: true, path: await ctx.chooseFolder(title) } : { available: false, path: null },
  };
}
