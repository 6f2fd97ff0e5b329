import type { Channel, ChannelOutput, Contract } from '../contract/contract';
import type { z } from 'zod';
import type { ServiceContext } from './context';
import { SCHEMA_VERSION } from '../db/open';
import { countMeetings, createMeeting, getMeeting, listMeetings, meetingFacets, updateMeeting } from '../db/meetings';
import { countPeople, createPerson, getPerson, listPeople, updatePerson } from '../db/people';
import { getSettings, updateSettings } from '../db/settings';
import { searchMeetings } from '../db/search/search';
import { abbreviationIndexFor } from '../db/search/abbreviations';
import { checkSearchIndex, rebuildSearchIndex } from '../db/search/indexer';
import { createSavedSearch, deleteSavedSearch, listSavedSearches } from '../db/savedSearches';
import { createPhotoHandlers } from './photoHandlers';
import { createRecordHandlers } from './recordHandlers';
import { createImportHandlers } from './importHandlers';
import { createReportHandlers } from './reportHandlers';
import { createArchiveHandlers } from './archiveHandlers';
import { createMergeHandlers } from './mergeHandlers';
import { createLockHandlers } from './lockHandlers';

/** A handler receives its channel's input already parsed by the contract's schema. */
export type Handler<C extends Channel> = (input: z.output<Contract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** The archive's operations behind the contract, the same for IPC, HTTP and direct calls. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const a = ctx.archive;
  return {
    'app/info': () => ({
      version: ctx.appVersion,
      archiveFile: a.file,
      schemaVersion: SCHEMA_VERSION,
      transport: ctx.transport,
      counts: { meetings: countMeetings(a), people: countPeople(a) },
    }),
    'app/choose-folder': async ({ title }) =>
      ctx.chooseFolder ? { available: true, path: await ctx.chooseFolder(title) } : { available: false, path: null },
    'meetings/list': (q) => listMeetings(a, q),
    'meetings/facets': () => meetingFacets(a),
    'meetings/get': ({ id }) => getMeeting(a, id),
    'meetings/create': (fields) => createMeeting(a, fields, ctx.actor(), { source: 'Nhập tay' }),
    'meetings/update': ({ id, version, fields }) => updateMeeting(a, id, version, fields, ctx.actor()),
    'people/list': (q) => listPeople(a, q),
    'people/get': ({ id }) => getPerson(a, id),
    'people/create': (fields) => createPerson(a, fields, ctx.actor()),
    'people/update': ({ id, version, fields }) => updatePerson(a, id, version, fields, ctx.actor()),
    'settings/get': () => getSettings(a),
    'settings/update': (patch) => updateSettings(a, patch, ctx.actor()),
    'search/query': (q) => searchMeetings(a, q, abbreviationIndexFor(getSettings(a).abbreviations)),
    'search/saved-list': () => listSavedSearches(a),
    'search/saved-create': (fields) => createSavedSearch(a, fields),
    'search/saved-delete': ({ id }) => ({ deleted: deleteSavedSearch(a, id) }),
    'search/check': () => {
      const c = checkSearchIndex(a);
      return {
        ok: c.ok,
        documents: c.documents,
        missing: c.missing.length,
        orphaned: c.orphaned.length,
        stale: c.stale.length,
        structureError: c.structureError,
      };
    },
    'search/rebuild': () => rebuildSearchIndex(a),
    ...createPhotoHandlers(ctx),
    ...createRecordHandlers(ctx),
    ...createImportHandlers(ctx),
    ...createReportHandlers(ctx),
    ...createArchiveHandlers(ctx),
    ...createMergeHandlers(ctx),
    ...createLockHandlers(ctx),
  };
}
