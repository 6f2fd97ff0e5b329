import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportArchive } from '../../services/archive/exportArchive';
import { meetingJsonPath, parseMeetingJson } from '../../services/archive/meetingJson';
import { meetingPagePath } from '../../services/archive/browsePages';
import { HosoError } from '../../contract/errors';
import { validateBag } from '../helpers/bagitValidator';
import {
  bagMeetingFiles,
  ENV,
  EVERYTHING,
  exportFixture,
  SECRET_TITLE,
  type ExportFixture,
} from './exportFixture';

let f: ExportFixture;
beforeEach(async () => {
  f = await exportFixture({ secret: false });
});
afterEach(() => f.cleanup());

function bagInfo(bag: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(join(bag, 'bag-info.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) =>
    statSync(join(dir, p)).isFile(),
  );
}

describe('export to a bag', () => {
  it('writes a complete, valid BagIt bag of every live meeting, with photos, JSON, snapshot and pages', async () => {
    const r = await exportArchive(f.archive, { dest: f.usb, selection: EVERYTHING, passphrase: null }, ENV);
    expect(r.verified).toBe(true);
    expect(r.meetings).toBe(3); // the trashed one is not a record of the export
    expect(r.photos).toBe(3);
    expect(readdirSync(f.usb)).toEqual([r.name]); // nothing left under a temporary name
    expect(r.name).toMatch(/^hoso-VP-\d{8}-\d{6}$/);

    // The independent validator (written from RFC 8493, no shared code) accepts it.
    expect(validateBag(r.path)).toEqual([]);
    const info = bagInfo(r.path);
    expect(info['Payload-Oxum']).toBe(`${r.payloadBytes}.${r.payloadFiles}`);
    expect(info['Bagging-Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info['Source-Organization']).toBe('UBND TỈNH BẮC NINH — VĂN PHÒNG UBND TỈNH');
    expect(info['Bag-Software-Agent']).toBe('hoso 0.0.0-test');
    expect(info['Hoso-Meetings']).toBe('3');
    expect(info['Hoso-Date-From']).toBe('2024-03-12');
    expect(info['Hoso-Date-To']).toBe('2024-07-02');
    expect(readFileSync(join(r.path, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    expect(readFileSync(join(r.path, 'tagmanifest-sha256.txt'), 'utf8')).toMatch(/ {2}bag-info\.txt\n/);

    // One JSON per meeting, readable by the documented parser, photos by hash beside them.
    const json = parseMeetingJson(readFileSync(join(r.path, 'data', meetingJsonPath(f.ids.giaoBan)), 'utf8'));
    expect(json.meeting.title).toBe('Hội nghị giao ban công tác quốc phòng quý II năm 2024');
    expect(json.attendance.map((a) => a.fullName)).toEqual(['Nguyễn Văn Thành', 'Trần Thị Mai']);
    expect(json.photos[0]!.caption).toBe('Đại tá Nguyễn Văn Thành phát biểu chỉ đạo hội nghị');
    for (const h of f.photoHashes)
      expect(existsSync(join(r.path, 'data', 'photos', h.slice(0, 2), `${h}.jpg`))).toBe(true);

    // The snapshot is one self-contained SQLite file (no WAL) holding the meetings.
    const snap = new Database(join(r.path, 'data', 'archive.sqlite'), { readonly: true });
    expect(snap.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(
      (snap.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n,
    ).toBe(3);
    snap.close();
    expect(existsSync(join(r.path, 'data', 'archive.sqlite-wal'))).toBe(false);

    // The pages: every title listed, HTML-special text escaped, no script, no outside URL.
    // The page at the bag's top (beside bagit.txt, in the tag manifest) leads there, with no app.
    const top = readFileSync(join(r.path, 'index.html'), 'utf8');
    expect(top).toContain('<a href="data/index.html">Mở danh sách 3 cuộc họp →</a>');
    expect(top).toContain('href="data/style.css"');
    expect(top).not.toMatch(/<script|https?:\/\/|\/\/[a-z]/i);
    expect(readFileSync(join(r.path, 'tagmanifest-sha256.txt'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}index\.html$/m);
    const index = readFileSync(join(r.path, 'data', 'index.html'), 'utf8');
    expect(index).toContain('Hội nghị tổng kết công tác tuyển quân năm 2024');
    expect(index).toContain('Họp về &lt;b&gt;mẫu biểu&lt;/b&gt; &amp; &quot;số liệu&quot; của Sở Tài chính');
    expect(index).toContain('26/05/2024');
    const page = readFileSync(join(r.path, 'data', meetingPagePath(f.ids.escaped)), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const file of allFiles(join(r.path, 'data')).filter(
      (p) => p.endsWith('.html') || p.endsWith('.css'),
    )) {
      const html = readFileSync(join(r.path, 'data', file), 'utf8');
      expect(html, file).not.toMatch(/<script|https?:\/\/|\/\/[a-z]/i);
    }
    const withPhotos = readFileSync(join(r.path, 'data', meetingPagePath(f.ids.giaoBan)), 'utf8');
    expect(withPhotos).toContain(`src="../../photos/${f.photoHashes[0]!.slice(0, 2)}/${f.photoHashes[0]}.jpg"`);
    expect(withPhotos).toContain(
      '<figcaption>Đại tá Nguyễn Văn Thành phát biểu chỉ đạo hội nghị — Ảnh: Việt Hà</figcaption>',
    );

    // The export itself is in the audit log.
    const audit = f.archive.sqlite
      .prepare(
        "SELECT actor, entity_id AS name FROM audit_log WHERE action = 'export' AND entity = 'archive'",
      )
      .all();
    expect(audit).toEqual([{ actor: 'Văn thư kiểm thử', name: r.name }]);
  });

  it('exports a date range or a tag only, and the snapshot holds nothing else, not even in free pages', async () => {
    const r = await exportArchive(
      f.archive,
      { dest: f.usb, selection: { ...EVERYTHING, from: '2024-05-01', to: '2024-12-31' }, passphrase: null },
      ENV,
    );
    expect(r.meetings).toBe(2);
    expect(bagMeetingFiles(r.path)).toEqual(
      [meetingJsonPath(f.ids.escaped), meetingJsonPath(f.ids.giaoBan)].sort(),
    );
    expect(validateBag(r.path)).toEqual([]);
    const bytes = readFileSync(join(r.path, 'data', 'archive.sqlite'));
    expect(bytes.includes(Buffer.from('Hội nghị tổng kết công tác tuyển quân'))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET_TITLE))).toBe(false);
    expect(bagInfo(r.path)['Hoso-Snapshot']).toMatch(/^partial/);

    const byTag = await exportArchive(
      f.archive,
      { dest: f.usb, selection: { ...EVERYTHING, tag: 'tuyen quan' }, passphrase: null },
      ENV,
    );
    expect(byTag.meetings).toBe(1);
    expect(bagMeetingFiles(byTag.path)).toEqual([meetingJsonPath(f.ids.tongKet)]);
    expect(byTag.name).not.toBe(r.name); // a second export the same second gets its own name

    const chosen = await exportArchive(
      f.archive,
      { dest: f.usb, selection: { ...EVERYTHING, ids: [f.ids.escaped] }, passphrase: null },
      ENV,
    );
    expect(bagMeetingFiles(chosen.path)).toEqual([meetingJsonPath(f.ids.escaped)]);
  });

  it('refuses an empty selection before writing anything', async () => {
    await expect(
      exportArchive(
        f.archive,
        { dest: f.usb, selection: { ...EVERYTHING, from: '2030-01-01' }, passphrase: null },
        ENV,
      ),
    ).rejects.toMatchObject({ code: 'EXPORT_EMPTY' });
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('refuses a destination that is not a folder with a clear message', async () => {
    const err = await exportArchive(
      f.archive,
      { dest: join(f.usb, 'khong-co'), selection: EVERYTHING, passphrase: null },
      ENV,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HosoError);
    expect((err as HosoError).code).toBe('EXPORT_DEST_INVALID');
    expect((err as HosoError).message).toMatch(/Không ghi được vào thư mục đích/);
    await expect(
      exportArchive(f.archive, { dest: 'USB', selection: EVERYTHING, passphrase: null }, ENV),
    ).rejects.toMatchObject({
      code: 'EXPORT_DEST_INVALID',
      message: expect.stringMatching(/hãy nhập đường dẫn đầy đủ/),
    });
  });
});
