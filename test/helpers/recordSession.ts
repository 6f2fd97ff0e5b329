import type { Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient, type Dispatch } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { searchMeetings } from '../../db/search/search';
import { checkSearchIndex } from '../../db/search/indexer';
import { SearchQuery, type MeetingFieldsInput } from '../../contract/contract';
import { tempArchive } from './tempArchive';

/**
 * A temp archive reached through the contract, as the UI reaches it: `call` returns the data or throws
 * the HosoError (its message is the clerk's), `reply` gives the raw `{ ok, error }`.
 */
export interface RecordSession {
  archive: Archive;
  dir: string;
  cleanup: () => void;
  dispatch: Dispatch;
  call: ReturnType<typeof directClient>;
  /** A new draft meeting: its id and version. */
  meeting(fields?: Partial<MeetingFieldsInput>): Promise<{ id: string; version: number }>;
  /** Ids of the meetings a search finds. */
  found(query: string): string[];
  /** The search index agrees with the content (db/search/indexer.ts). */
  indexOk(): boolean;
  count(table: string): number;
}

export async function recordSession(): Promise<RecordSession> {
  const { archive, dir, cleanup } = await tempArchive();
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-test')), silentLogger);
  const call = directClient(dispatch);
  return {
    archive,
    dir,
    cleanup,
    dispatch,
    call,
    meeting: async (fields = {}) => {
      const m = await call('meetings/create', {
        title: 'Hội nghị phối hợp công tác quân sự, quốc phòng',
        kind: 'Hội nghị',
        meetingDate: '2025-05-26',
        startTime: '14:00',
        endTime: null,
        location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
        ...fields,
      });
      return { id: m.id, version: m.version };
    },
    found: (query) => searchMeetings(archive, SearchQuery.parse({ query, limit: 200 })).rows.map((r) => r.id),
    indexOk: () => checkSearchIndex(archive).ok,
    count: (table) => (archive.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}
