import { dirname } from 'node:path';
import { openArchive } from '../db/open';
import { createContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { createDispatcher } from '../services/dispatch';
import { silentLogger } from '../services/log';
import { startWebHost } from '../webhost/server';
import { percentile } from './stats';

export interface OpenMeetingBench {
  archive: string;
  meetings: number;
  samples: number;
  /** What the meeting screen asks for when opened: the whole record and its photos, over HTTP. */
  openMeeting: { p50: number; p95: number; max: number };
  /** One page of the meetings list at a random scroll position (100 rows, newest first). */
  listPage: { p50: number; p95: number; max: number };
}

/**
 * Opening a meeting as the web host serves it: POST /api/meetings/record + /api/photos/list with the
 * session cookie, timed from request to parsed JSON, for random meetings of the archive.
 */
export async function benchOpenMeeting(file: string, samples: number): Promise<OpenMeetingBench> {
  const archive = await openArchive({ file });
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'bench')), silentLogger);
  const host = await startWebHost({ dispatch, rendererDir: dirname(file), archiveDir: dirname(file), log: silentLogger });
  try {
    const login = await fetch(host.launchUrl, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const post = async (channel: string, input: unknown) => {
      const res = await fetch(`${host.origin}/api/${channel}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const reply = (await res.json()) as { ok: boolean; error?: { code: string } };
      if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code}`);
      return reply;
    };
    const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY random() LIMIT ?').pluck().all(samples) as string[];
    const total = archive.sqlite.prepare('SELECT count(*) FROM meetings WHERE deleted_at IS NULL').pluck().get() as number;
    // Warm-up: the first request pays for statement preparation.
    await post('meetings/record', { id: ids[0] });
    const open: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      await Promise.all([post('meetings/record', { id }), post('photos/list', { meetingId: id })]);
      open.push(performance.now() - t);
    }
    const list: number[] = [];
    for (let i = 0; i < samples; i++) {
      const offset = Math.floor(Math.random() * Math.max(1, total - 100));
      const t = performance.now();
      await post('meetings/list', { offset, limit: 100 });
      list.push(performance.now() - t);
    }
    const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: percentile(xs, 100) });
    return { archive: file, meetings: total, samples: ids.length, openMeeting: stats(open), listPage: stats(list) };
  } finally {
    await host.close();
    archive.close();
  }
}
