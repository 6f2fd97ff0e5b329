import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSaveResult } from '../../contract/importContract';
import type { PhotoList } from '../../contract/photoContract';
import { HosoError } from '../../contract/errors';
import { openArchive } from '../../db/open';
import { MIGRATIONS } from '../../db/migrations/bundle.generated';
import { addPhoto } from '../../db/photos';
import { checkSeal } from '../../db/seal';
import { exportArchive } from '../../services/archive/exportArchive';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { EVERYTHING } from '../../services/archive/selection';
import { checkArchiveFile } from '../../services/check';
import { verifyPhotoFileSync } from '../../services/photoFiles';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { oldMeeting, oldPhoto } from '../helpers/oldArchive';
import { jpeg } from '../helpers/images';

/**
 * A caption whose picture was not in an imported report becomes a photo card waiting for its file
 * (photos.file_hash null, schema migration 0003): the clerk attaches the picture later; until then the
 * card travels in bags, seals and checks like any photo, and the photo sheet leaves it out.
 */
let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const REPORT = `Đảng ủy xã Tân Phú họp phiên thường kỳ tháng 11

Chiều 20/11/2026, Đảng ủy xã Tân Phú họp phiên thường kỳ tháng 11. Đồng chí Lê Văn Tâm, Bí thư Đảng ủy xã chủ trì.

Hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 11 và triển khai nhiệm vụ tháng 12.`;

/** A report imported with two captions and no pictures: two cards. */
async function importedWithCards(): Promise<string> {
  const preview = await s.call('import/preview', { source: { kind: 'text', name: 'tan-phu.txt', text: REPORT } });
  const saved = (await s.call('import/save', {
    source: { kind: 'text', name: 'tan-phu.txt', text: REPORT },
    draft: {
      title: preview.draft.title!.value,
      kind: 'Hội nghị',
      meetingDate: '2026-11-20',
      body: 'Hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 11.',
      captions: [
        { text: 'Đồng chí Lê Văn Tâm phát biểu tại hội nghị. Ảnh: Thu Hà', image: null },
        { text: 'Toàn cảnh hội nghị.', image: null },
      ],
    },
  })) as ImportSaveResult;
  expect(saved.counts).toMatchObject({ photos: 0, photoCards: 2 });
  return saved.meetingId!;
}

const list = (meetingId: string) => s.call('photos/list', { meetingId }) as Promise<PhotoList>;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof HosoError ? e.code : `not a HosoError: ${String(e)}`;
  }
  return 'no error';
}

describe('photo cards waiting for their picture', () => {
  it('the clerk attaches the picture later: caption, credit and place in the album stay; a card is given one picture only', async () => {
    const id = await importedWithCards();
    let album = await list(id);
    const [speaker, view] = album.photos;
    expect([speaker!.fileHash, speaker!.caption, speaker!.credit]).toEqual([null, 'Đồng chí Lê Văn Tâm phát biểu tại hội nghị.', 'Ảnh: Thu Hà']);

    const picture = await jpeg({ color: '#1565c0' });
    const attached = await s.call('photos/attach', { id: view!.id, version: album.meetingVersion, fileName: 'toan-canh.jpg', dataBase64: picture.toString('base64') });
    expect(attached.photo).toMatchObject({ id: view!.id, caption: 'Toàn cảnh hội nghị.', position: 1, mime: 'image/jpeg', byteSize: picture.length });
    expect(verifyPhotoFileSync(s.dir, attached.photo.fileHash!).ok).toBe(true);
    // The picture can now be opened and printed; the other card still waits.
    album = await list(id);
    expect(album.photos.map((p) => p.fileHash === null)).toEqual([true, false]);

    // The same picture on the other card is the same photo twice; the attached card keeps its picture.
    expect(await codeOf(s.call('photos/attach', { id: speaker!.id, version: album.meetingVersion, fileName: 'x.jpg', dataBase64: picture.toString('base64') }))).toBe('PHOTO_DUPLICATE');
    const other = await jpeg({ color: '#b71c1c' });
    expect(await codeOf(s.call('photos/attach', { id: view!.id, version: album.meetingVersion, fileName: 'y.jpg', dataBase64: other.toString('base64') }))).toBe('PHOTO_HAS_FILE');
    expect(await codeOf(s.call('photos/attach', { id: speaker!.id, version: album.meetingVersion, fileName: 'z.txt', dataBase64: Buffer.from('không phải ảnh').toString('base64') }))).toBe('PHOTO_NOT_IMAGE');
    expect(await list(id)).toEqual(album);

    // The history names the change to the card.
    const history = await s.call('meetings/history', { id });
    expect(history.rows.some((e) => e.part === 'photos' && e.action === 'update')).toBe(true);
  });

  it('a finalized record takes the picture only as a correction with its reason; the seal holds before and after', async () => {
    const id = await importedWithCards();
    let album = await list(id);
    const finalized = await s.call('meetings/finalize', { id, version: album.meetingVersion });
    expect(checkSeal(s.archive, id)).toMatchObject({ ok: true });
    const picture = (await jpeg({ color: '#2e7d32' })).toString('base64');
    const card = album.photos[0]!;
    expect(await codeOf(s.call('photos/attach', { id: card.id, version: finalized.meetingVersion, fileName: 'a.jpg', dataBase64: picture }))).toBe('MEETING_FINALIZED');

    await s.call('meetings/correct', {
      id,
      version: finalized.meetingVersion,
      reason: 'Bổ sung ảnh phát biểu do phóng viên gửi sau',
      change: { kind: 'photos/attach', id: card.id, fileName: 'a.jpg', dataBase64: picture },
    });
    album = await list(id);
    expect(album.photos[0]!.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkSeal(s.archive, id, { verifyPhotoFile: (h) => verifyPhotoFileSync(s.dir, h).ok })).toMatchObject({ ok: true, badPhotoFiles: [] });
  });

  it('the photo sheet prints pictures only: a record whose photos all wait is "nothing to print"', async () => {
    const id = await importedWithCards();
    expect(await codeOf(s.call('reports/html', { kind: 'photos', meetingId: id }))).toBe('REPORT_NOTHING_TO_PRINT');
    const album = await list(id);
    await s.call('photos/attach', { id: album.photos[1]!.id, version: album.meetingVersion, fileName: 'b.jpg', dataBase64: (await jpeg({ color: '#6a1b9a' })).toString('base64') });
    const sheet = await s.call('reports/html', { kind: 'photos', meetingId: id });
    expect(sheet.html).toContain('Toàn cảnh hội nghị.');
    expect(sheet.html).not.toContain('phát biểu tại hội nghị');
  });

  it('cards travel to another PC in a USB bag and can be given their picture there; both archives check clean', async () => {
    const id = await importedWithCards();
    const other = await recordSession();
    const bags = tempDir('hoso-cards-bag-');
    try {
      const bag = await exportArchive(s.archive, { dest: bags.dir, selection: EVERYTHING, passphrase: null }, { appVersion: '0.0.0-test', actor: 'Văn thư A', scryptWorkFactor: 10 });
      const plan = await previewMerge(other.archive, bag.path);
      expect(plan.counts.meetings).toMatchObject({ new: 1 });
      await applyMerge(other.archive, { path: bag.path, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư B' });
      const there = await other.call('photos/list', { meetingId: id });
      expect(there.photos.map((p) => [p.caption, p.credit, p.fileHash])).toEqual((await list(id)).photos.map((p) => [p.caption, p.credit, p.fileHash]));
      expect(other.found('"Thu Hà"')).toEqual([id]);
      await other.call('photos/attach', { id: there.photos[0]!.id, version: there.meetingVersion, fileName: 'c.jpg', dataBase64: (await jpeg({ color: '#00838f' })).toString('base64') });
      for (const archive of [s.archive, other.archive]) expect(checkArchiveFile(archive.file)).toMatchObject({ ok: true, problems: [] });
    } finally {
      other.cleanup();
      bags.cleanup();
    }
  });

  it('an archive from before cards (schema 3) is migrated with its photos and the people in them kept', async () => {
    const { dir, cleanup } = tempDir('hoso-cards-migrate-');
    try {
      const file = join(dir, 'cu.sqlite');
      // Schema 3: 0000–0002, before 0003 made a photo's file optional.
      const old = await openArchive({ file, migrations: MIGRATIONS.slice(0, 3) });
      const m = { id: '0190a000-0000-7000-8000-0000000000aa' };
      oldMeeting(old.sqlite, { id: m.id, title: 'Hội nghị ghi bằng phiên bản cũ', kind: 'Hội nghị', meetingDate: '2026-03-02' });
      const photo = { id: '0190a000-0000-7000-8000-0000000000bb' };
      oldPhoto(old.sqlite, { id: photo.id, meetingId: m.id, fileHash: 'ab'.repeat(32), caption: 'Ảnh cũ', credit: 'Ảnh: Hải Yến' });
      old.sqlite.prepare("INSERT INTO people (id, full_name, name_sort, name_folded, rank, title, unit, notes, version, created_at, updated_at) SELECT '0190a000-0000-7000-8000-000000000001', 'Trần Văn Hùng', 'hung tran van', 'tran van hung', '', '', '', '', 1, 0, 0").run();
      old.sqlite.prepare("INSERT INTO photo_people (photo_id, person_id) VALUES (?, '0190a000-0000-7000-8000-000000000001')").run(photo.id);
      old.close();

      const now = await openArchive({ file });
      try {
        expect(now.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        expect(now.sqlite.prepare('SELECT file_hash, caption, credit, position FROM photos').all()).toEqual([{ file_hash: 'ab'.repeat(32), caption: 'Ảnh cũ', credit: 'Ảnh: Hải Yến', position: 0 }]);
        expect(now.sqlite.prepare('SELECT count(*) FROM photo_people').pluck().get()).toBe(1);
        expect(now.sqlite.pragma('foreign_key_check')).toEqual([]);
        // Its indexes came back with the table.
        expect(now.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'photos' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()).toEqual(['photos_hash_idx', 'photos_meeting_idx']);
        const v = now.sqlite.prepare('SELECT version FROM meetings').pluck().get() as number;
        expect(addPhoto(now, m.id, v, null, { caption: 'Thẻ chờ ảnh', credit: '' }, 'thư ký').photo.fileHash).toBeNull();
      } finally {
        now.close();
      }
      // The copy taken before migrating is in the backups folder beside it.
      expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
    } finally {
      cleanup();
    }
  });
});
