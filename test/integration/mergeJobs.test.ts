import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JobStatus } from '../../contract/archiveContract';
import type { Reply } from '../../contract/contract';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { writeGateOf } from '../../services/writeGate';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { translate } from '../../contract/messages/translate';
import { msg } from '../../contract/messages/message';

/**
 * The merge as the screen runs it (issue 17): preview and apply as jobs with progress and Hủy, and the
 * write gate that keeps every other write out of the apply's transaction (services/writeGate.ts).
 */

let a: RecordSession;
let b: RecordSession;
let bags: { dir: string; cleanup: () => void };
let bag: string;
beforeEach(async () => {
  a = await recordSession();
  b = await recordSession();
  bags = tempDir('hoso-merge-jobs-');
  await fillRecord(a, { title: 'Hội nghị tổng kết công tác quân sự', color: '#283593' });
  await fillRecord(a, { title: 'Giao ban công tác tuyển quân', meetingDate: '2025-02-10', color: '#ef6c00' });
  await fillRecord(a, { title: 'Họp Ban Thường vụ Đảng ủy', meetingDate: '2025-03-03', color: '#2e7d32' });
  bag = await makeBag(a.archive, join(bags.dir, 'bag'));
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
  bags.cleanup();
});

const TABLES = ['meetings', 'people', 'attendance', 'photos', 'photo_people', 'conclusions', 'document_refs', 'tags', 'meeting_tags', 'audit_log', 'search_docs'];

/** Every row of every content table, with the counts: equal dumps mean nothing at all changed. */
function dump(s: RecordSession): { hash: string; counts: Record<string, number> } {
  const h = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = s.archive.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
    counts[t] = rows.length;
    h.update(JSON.stringify(rows));
  }
  return { hash: h.digest('hex'), counts };
}

/** The files of the archive's photo store. */
function photoFiles(s: RecordSession): string[] {
  const dir = join(dirname(s.archive.file), 'photos');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((n) => /\.\w+$/.test(n)).sort();
}

async function settled(s: RecordSession, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await s.call('jobs/status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const newMeeting = (s: RecordSession) =>
  s.dispatch('meetings/create', { title: 'Cuộc họp ghi trong lúc nhập', kind: 'Cuộc họp', meetingDate: '2025-06-02', startTime: '08:00', endTime: null, location: 'Phòng họp số 2' });

describe('merge as jobs', () => {
  it('previews as a job: a summary in jobs/status, the rows a page at a time in the list order', async () => {
    const { jobId } = await b.call('merge/preview-start', { path: bag, passphrase: null });
    const status = await settled(b, jobId);
    expect(status).toMatchObject({ kind: 'merge-preview', state: 'done', error: null, mergeResult: null });
    expect(status.progress.phase).toBe('done');
    const summary = status.mergePreview!;
    expect(summary.counts.meetings).toMatchObject({ new: 3, identical: 0 });
    expect(summary.rows).toBe(3);
    // The rows are not in the status: it is polled four times a second.
    expect(JSON.stringify(status)).not.toContain('Giao ban');

    const first = await b.call('merge/rows', { jobId, shown: 'all', offset: 0, limit: 2 });
    expect(first.total).toBe(3);
    expect(first.rows).toHaveLength(2);
    const rest = await b.call('merge/rows', { jobId, shown: 'new', offset: 2, limit: 2 });
    const titles = [...first.rows, ...rest.rows].map((r) => r.title);
    expect(new Set(titles)).toEqual(new Set(['Hội nghị tổng kết công tác quân sự', 'Giao ban công tác tuyển quân', 'Họp Ban Thường vụ Đảng ủy']));
    expect(first.rows[0]).toEqual({
      id: expect.any(String),
      class: 'new',
      newer: null,
      reason: null,
      choices: ['theirs'],
      defaultChoice: 'theirs',
      differences: [],
      date: expect.any(String),
      title: expect.any(String),
      mineTitle: null,
    });
    await expect(b.call('merge/rows', { jobId: 'không-có', shown: 'all', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });

    // The same plan as the blocking preview (the CLI's): apply as a job with its token.
    expect(summary.token).toBe((await previewMerge(b.archive, bag)).token);
    const applied = await settled(b, (await b.call('merge/apply-start', { path: bag, passphrase: null, token: summary.token, meetings: {}, people: {} })).jobId);
    expect(applied).toMatchObject({ kind: 'merge-apply', state: 'done', error: null });
    expect(applied.mergeResult).toMatchObject({ changed: true, meetings: { added: 3 } });
    expect(applied.mergeResult!.photoFilesCopied).toBeGreaterThan(0);
    expect((await newMeeting(b)).ok).toBe(true);
  });

  it('refuses writes while the apply writes, answers reads, and takes writes again once it ends', async () => {
    const plan = await previewMerge(b.archive, bag);
    const during: Promise<Reply<unknown>>[] = [];
    const result = await applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, {
      actor: 'Văn thư B',
      beforeMeeting: (_id, i) => {
        if (i !== 1) return;
        expect(writeGateOf(b.archive).busy).toBe(true);
        during.push(newMeeting(b), b.dispatch('settings/update', { clerkName: 'Ai đó' }), b.dispatch('meetings/list', {}), b.dispatch('jobs/status', { jobId: 'x' }));
      },
    });
    expect(result.meetings.added).toBe(3);
    const [create, settings, list, status] = await Promise.all(during);
    for (const refused of [create, settings]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
      expect(refused!.ok === false && refused!.error.message).toBe(translate('vi', msg('errors.ARCHIVE_BUSY')));
    }
    expect(list!.ok).toBe(true);
    expect(status).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(writeGateOf(b.archive).busy).toBe(false);
    expect((await newMeeting(b)).ok).toBe(true);
    expect(b.indexOk()).toBe(true);
  });

  it('a cancel inside the apply leaves the archive exactly as before: rows, audit log, photo files', async () => {
    await b.meeting({ title: 'Hồ sơ có sẵn ở máy B' });
    const before = dump(b);
    const photosBefore = photoFiles(b);
    const plan = await previewMerge(b.archive, bag);
    const controller = new AbortController();
    const cancelled = applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, {
      actor: 'Văn thư B',
      signal: controller.signal,
      beforeMeeting: (_id, i) => {
        // Photos copied, two records written inside the transaction: Hủy now.
        if (i !== 2) return;
        expect(photoFiles(b).length).toBeGreaterThan(photosBefore.length);
        expect(b.archive.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(before.counts.meetings! + 2);
        controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(dump(b)).toEqual(before);
    expect(photoFiles(b)).toEqual(photosBefore);
    expect(b.indexOk()).toBe(true);
    expect(b.archive.sqlite.inTransaction).toBe(false);
    expect(writeGateOf(b.archive).busy).toBe(false);

    // And the same bag merges whole afterwards.
    const again = await applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư B' });
    expect(again.meetings.added).toBe(3);
    expect(photoFiles(b).length).toBeGreaterThan(photosBefore.length);
  });

  it('Hủy on a job: the preview just stops, the apply ends cancelled (MERGE_CANCELLED) with nothing written', async () => {
    const before = dump(b);
    const preview = await b.call('merge/preview-start', { path: bag, passphrase: null });
    expect(await b.call('jobs/cancel', preview)).toEqual({ cancelled: true });
    const stopped = await settled(b, preview.jobId);
    expect(stopped).toMatchObject({ state: 'cancelled', error: { code: 'MERGE_CANCELLED' }, mergePreview: null });

    const plan = await previewMerge(b.archive, bag);
    const apply = await b.call('merge/apply-start', { path: bag, passphrase: null, token: plan.token, meetings: {}, people: {} });
    await b.call('jobs/cancel', apply);
    const ended = await settled(b, apply.jobId);
    expect(ended).toMatchObject({ kind: 'merge-apply', state: 'cancelled', error: { code: 'MERGE_CANCELLED' }, mergeResult: null });
    expect(dump(b)).toEqual(before);
    expect(photoFiles(b)).toEqual([]);
    expect((await newMeeting(b)).ok).toBe(true);
  });

  it('a merge does not start while another write is under way (an import, a backup), and starts once it has ended', async () => {
    const plan = await previewMerge(b.archive, bag);
    let finish = () => {};
    const backup = writeGateOf(b.archive).track(() => new Promise<void>((r) => (finish = r)));
    const refused = applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư B' });
    await expect(refused).rejects.toMatchObject({ code: 'ARCHIVE_BUSY' });
    expect(photoFiles(b)).toEqual([]);
    finish();
    await backup;
    expect((await applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư B' })).meetings.added).toBe(3);
  });

  it('a second apply while one writes is refused (ARCHIVE_BUSY), and a failed apply releases the archive', async () => {
    const plan = await previewMerge(b.archive, bag);
    let second: Promise<Reply<unknown>> | null = null;
    const failed = applyMerge(b.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, {
      actor: 'Văn thư B',
      beforeMeeting: (_id, i) => {
        if (i === 0) second = b.dispatch('merge/apply-start', { path: bag, token: plan.token });
        if (i === 1) throw new Error('rút USB giữa chừng');
      },
    });
    await expect(failed).rejects.toThrow(/rút USB/);
    expect(await second).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
    expect(photoFiles(b)).toEqual([]);
    expect((await newMeeting(b)).ok).toBe(true);
  });
});
