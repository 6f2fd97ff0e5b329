import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Archive } from '../../db/open';
import { createMeeting, getMeeting } from '../../db/meetings';
import { createPerson } from '../../db/people';
import { verifyAuditChain } from '../../db/audit';
import { searchMeetings } from '../../db/search/search';
import { checkSearchIndex } from '../../db/search/indexer';
import { MeetingFields, SearchQuery } from '../../contract/contract';
import { ERROR_MESSAGES } from '../../contract/errors';
import {
  PHOTO_MAX_BASE64_CHARS,
  PHOTO_MAX_BYTES,
  type Photo,
  type PhotoChange,
  type PhotoList,
} from '../../contract/photoContract';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient, type Dispatch } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import {
  canDecodeHeic,
  ensureThumbnail,
  orphanPhotoFiles,
  photoPath,
  storePhoto,
  thumbPath,
  verifyPhotoFile,
  verifyPhotoFileSync,
} from '../../services/photoStore';
import { listStoredPhotoFiles } from '../../services/photoFiles';
import { writeDemoImages } from '../../services/demo/images';
import { jpeg, noisyJpeg, png, webp } from '../helpers/images';
import { tempArchive } from '../helpers/tempArchive';
import { uuidv7 } from '../../db/ids';

let archive: Archive;
let dir: string;
let cleanup: () => void;
let dispatch: Dispatch;
let call: ReturnType<typeof directClient>;

beforeEach(async () => {
  ({ archive, dir, cleanup } = await tempArchive());
  dispatch = createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-test')), silentLogger);
  call = directClient(dispatch);
});
afterEach(() => cleanup());

const b64 = (bytes: Buffer) => bytes.toString('base64');

function newMeeting(title = 'Hội nghị tổng kết công tác quân sự, quốc phòng năm 2025') {
  return createMeeting(
    archive,
    MeetingFields.parse({
      title,
      kind: 'Hội nghị',
      meetingDate: '2025-12-20',
      startTime: '08:00',
      endTime: null,
    }),
    'thư ký',
  );
}

async function add(
  meetingId: string,
  version: number,
  bytes: Buffer,
  extra: { fileName?: string; caption?: string; credit?: string } = {},
) {
  return call('photos/add', {
    meetingId,
    version,
    fileName: extra.fileName ?? 'anh.jpg',
    dataBase64: b64(bytes),
    caption: extra.caption,
    credit: extra.credit,
  });
}

async function refusal(channel: string, input: unknown) {
  const reply = await dispatch(channel, input);
  expect(reply.ok).toBe(false);
  return (reply as { ok: false; error: { code: string; message: string } }).error;
}

/** Every file under photos/, relative, sorted: what a refused photo must not have changed. */
function photoTree(): string[] {
  const root = join(dir, 'photos');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((p) => statSync(join(root, p)).isFile())
    .sort();
}

const search = (query: string) => searchMeetings(archive, SearchQuery.parse({ query }));

describe('photo store (files)', () => {
  it('stores JPEG, PNG and WebP under their SHA-256 with a thumbnail, and reads the size', async () => {
    for (const [bytes, ext, mime] of [
      [await jpeg({ width: 64, height: 48 }), 'jpg', 'image/jpeg'],
      [await png(), 'png', 'image/png'],
      [await webp(), 'webp', 'image/webp'],
    ] as const) {
      const s = await storePhoto(dir, bytes);
      expect(s).toMatchObject({ ext, mime, byteSize: bytes.length, written: true, thumbWritten: true });
      expect(s.path).toBe(join(dir, 'photos', s.hash.slice(0, 2), `${s.hash}.${ext}`));
      expect(readFileSync(s.path).equals(bytes)).toBe(true);
      expect(existsSync(thumbPath(dir, s.hash))).toBe(true);
      expect((await sharp(thumbPath(dir, s.hash)).metadata()).format).toBe('jpeg');
    }
    expect((await storePhoto(dir, await png('#1565c0', 40, 30))).width).toBe(40);
  });

  it('stores the same bytes once and makes the thumbnail only once', async () => {
    const bytes = await jpeg();
    const first = await storePhoto(dir, bytes);
    const thumbMtime = statSync(thumbPath(dir, first.hash)).mtimeMs;
    const again = await storePhoto(dir, Buffer.from(bytes));
    expect(again).toMatchObject({ hash: first.hash, written: false, thumbWritten: false });
    expect(statSync(thumbPath(dir, first.hash)).mtimeMs).toBe(thumbMtime);
    expect(listStoredPhotoFiles(dir)).toHaveLength(1);
  });

  it('thumbnails are upright and about 400 px; the size given is the upright one', async () => {
    // Stored on its side (orientation 6): 600 wide, 200 high as pixels, 200×600 as seen.
    const s = await storePhoto(dir, await jpeg({ width: 600, height: 200, orientation: 6 }));
    expect([s.width, s.height]).toEqual([200, 600]);
    const t = await sharp(thumbPath(dir, s.hash)).metadata();
    expect([t.width, t.height]).toEqual([133, 400]);
    expect(t.orientation ?? 1).toBe(1);
    expect(t.exif).toBeUndefined();
  });

  it('reads when the photo was taken from EXIF (Vietnam time unless the camera wrote an offset)', async () => {
    const vn = await storePhoto(dir, await jpeg({ color: '#111111', takenAt: '2024:05:26 14:03:05' }));
    expect(vn.takenAt).toBe(Date.UTC(2024, 4, 26, 7, 3, 5));
    const tokyo = await storePhoto(
      dir,
      await jpeg({ color: '#222222', takenAt: '2024:05:26 14:03:05', offset: '+09:00' }),
    );
    expect(tokyo.takenAt).toBe(Date.UTC(2024, 4, 26, 5, 3, 5));
    expect((await storePhoto(dir, await jpeg({ color: '#333333' }))).takenAt).toBeNull();
  });

  it('refuses what is not a photo it can keep, with a Vietnamese message, and writes nothing', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('Biên bản hội nghị — đây là văn bản, không phải ảnh.'), 'PHOTO_NOT_IMAGE'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]), 'PHOTO_NOT_IMAGE'],
      [(await jpeg({ width: 300, height: 200 })).subarray(0, 400), 'PHOTO_NOT_IMAGE'],
      [
        Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(100)]),
        canDecodeHeic() ? 'PHOTO_NOT_IMAGE' : 'PHOTO_HEIC_UNSUPPORTED',
      ],
      [
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
        'PHOTO_FORMAT_UNSUPPORTED',
      ],
    ];
    for (const [bytes, code] of cases) {
      await expect(storePhoto(dir, bytes, { fileName: 'bien-ban.jpg' })).rejects.toMatchObject({
        code,
        message: expect.stringContaining('(bien-ban.jpg)'),
      });
    }
    expect(photoTree()).toEqual([]);
  });

  it('accepts a 20 MB photo and refuses one over 40 MB', async () => {
    const big = await noisyJpeg();
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    const s = await storePhoto(dir, big);
    expect(s).toMatchObject({ width: 4600, height: 3450, byteSize: big.length, written: true });
    expect(statSync(s.path).size).toBe(big.length);
    const huge = Buffer.concat([big, big]);
    expect(huge.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    await expect(storePhoto(dir, huge)).rejects.toMatchObject({ code: 'PHOTO_TOO_LARGE' });
    expect(listStoredPhotoFiles(dir)).toHaveLength(1);
  }, 60_000);

  it('verifyPhotoFile (and its sync twin) notices a changed or missing file; adding the photo again repairs it', async () => {
    const bytes = await jpeg();
    const s = await storePhoto(dir, bytes);
    const both = async () => {
      const sync = verifyPhotoFileSync(dir, s.hash);
      expect(await verifyPhotoFile(dir, s.hash)).toEqual(sync);
      return sync;
    };
    expect(await both()).toMatchObject({ ok: true, problem: null, actualHash: s.hash });
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    writeFileSync(s.path, damaged);
    expect(await both()).toMatchObject({ ok: false, problem: 'mismatch', path: s.path });
    expect((await storePhoto(dir, bytes)).written).toBe(true);
    expect((await both()).ok).toBe(true);
    rmSync(s.path);
    expect(await both()).toMatchObject({ ok: false, problem: 'missing', path: null });
  });

  it('builds paths only from 64-hex hashes and known extensions', () => {
    const h = 'ab'.repeat(32);
    expect(photoPath(dir, h, 'jpg')).toBe(join(dir, 'photos', 'ab', `${h}.jpg`));
    for (const bad of ['../../etc/passwd', `${h}/..`, h.toUpperCase(), h.slice(1), `${h}.jpg`, '']) {
      expect(() => photoPath(dir, bad, 'jpg')).toThrow();
      expect(() => thumbPath(dir, bad)).toThrow();
    }
    expect(() => photoPath(dir, h, '../x' as 'jpg')).toThrow();
  });

  it('shares the demo layout: a demo PNG is the same stored file, and gets its thumbnail on demand', async () => {
    const [demo] = writeDemoImages(dir, 1);
    const s = await storePhoto(dir, readFileSync(demo!.path));
    expect(s).toMatchObject({ hash: demo!.hash, path: demo!.path, written: false });
    rmSync(thumbPath(dir, s.hash));
    expect(await ensureThumbnail(dir, s.hash)).toBe(thumbPath(dir, s.hash));
    expect(await ensureThumbnail(dir, 'cd'.repeat(32))).toBeNull();
  });
});

describe('photos of a meeting (contract)', () => {
  it('adds to the end of the album, bumps the meeting version and answers with it', async () => {
    const m = newMeeting();
    const a = await add(m.id, 1, await jpeg({ color: '#aa0000' }), {
      caption: 'Toàn cảnh hội nghị',
      credit: 'Ảnh: Việt Hà',
    });
    expect(a.meetingVersion).toBe(2);
    expect(a.photo).toMatchObject({
      meetingId: m.id,
      position: 0,
      caption: 'Toàn cảnh hội nghị',
      credit: 'Ảnh: Việt Hà',
      mime: 'image/jpeg',
      people: [],
    });
    const b = await add(m.id, 2, await png('#00aa00'));
    expect(b).toMatchObject({ meetingVersion: 3, photo: { position: 1, mime: 'image/png', caption: '' } });
    const list = await call('photos/list', { meetingId: m.id });
    expect(list.meetingVersion).toBe(3);
    expect(list.photos.map((p: Photo) => p.id)).toEqual([a.photo.id, b.photo.id]);
    expect(getMeeting(archive, m.id).version).toBe(3);
    expect(verifyAuditChain(archive).ok).toBe(true);
  });

  it('the same photo: refused twice in one meeting, one file for two meetings', async () => {
    const bytes = await jpeg();
    const m1 = newMeeting('Giao ban tháng 5');
    const m2 = newMeeting('Giao ban tháng 6');
    const first = await add(m1.id, 1, bytes);
    const dup = await refusal('photos/add', {
      meetingId: m1.id,
      version: 2,
      fileName: 'IMG_0001.JPG',
      dataBase64: b64(bytes),
    });
    expect(dup.code).toBe('PHOTO_DUPLICATE');
    expect(dup.message).toContain('đã có trong hồ sơ');
    expect(dup.message).toContain('ảnh số 1');
    expect(getMeeting(archive, m1.id).version).toBe(2);
    const second = await add(m2.id, 1, bytes);
    expect(second.photo.fileHash).toBe(first.photo.fileHash);
    expect(listStoredPhotoFiles(dir)).toHaveLength(1);
    expect(photoTree()).toHaveLength(2); // the original and its thumbnail
  });

  it('a non-image named .jpg is refused with the Vietnamese message, and nothing is stored', async () => {
    const m = newMeeting();
    const err = await refusal('photos/add', {
      meetingId: m.id,
      version: 1,
      fileName: 'Bien ban hop.jpg',
      dataBase64: b64(Buffer.from('%PDF-1.7 không phải ảnh')),
    });
    expect(err.code).toBe('PHOTO_NOT_IMAGE');
    expect(err.message).toBe(`${ERROR_MESSAGES.PHOTO_NOT_IMAGE.vi} (Bien ban hop.jpg)`);
    expect(photoTree()).toEqual([]);
    expect((await call('photos/list', { meetingId: m.id })).photos).toEqual([]);
    expect(getMeeting(archive, m.id).version).toBe(1);
  });

  it('refuses data over 40 MB before decoding it, and broken base64', async () => {
    const m = newMeeting();
    const tooBig = await refusal('photos/add', {
      meetingId: m.id,
      version: 1,
      fileName: 'x.jpg',
      dataBase64: 'A'.repeat(PHOTO_MAX_BASE64_CHARS + 4),
    });
    expect(tooBig.code).toBe('PHOTO_TOO_LARGE');
    expect(tooBig.message).toContain('tối đa 40 MB');
    const broken = await refusal('photos/add', {
      meetingId: m.id,
      version: 1,
      fileName: 'x.jpg',
      dataBase64: '/9j/4AAQ!!!',
    });
    expect(broken.code).toBe('INVALID_INPUT');
    expect(photoTree()).toEqual([]);
  });

  it('accepts a data: URL as FileReader gives it', async () => {
    const m = newMeeting();
    const bytes = await webp();
    const r = await call('photos/add', {
      meetingId: m.id,
      version: 1,
      fileName: 'a.webp',
      dataBase64: `data:image/webp;base64,${b64(bytes)}`,
    });
    expect(r.photo).toMatchObject({ mime: 'image/webp', byteSize: bytes.length });
  });

  it('captions and credits are searchable right after add, and follow edits', async () => {
    const m = newMeeting('Hội nghị quân chính');
    const { photo } = await add(m.id, 1, await jpeg(), {
      caption: 'Đại tướng Phan Văn Giang phát biểu chỉ đạo hội nghị',
      credit: 'Ảnh: Trọng Hải',
    });
    expect(search('dai tuong phat bieu').rows.map((r) => r.id)).toEqual([m.id]);
    expect(search('Trọng Hải').rows.map((r) => r.id)).toEqual([m.id]);
    await call('photos/update', {
      id: photo.id,
      version: 2,
      fields: { caption: 'Đồng chí Bí thư trao cờ thi đua' },
    });
    expect(search('trao co thi dua').total).toBe(1);
    expect(search('phat bieu chi dao').total).toBe(0);
    expect(search('Trọng Hải').total).toBe(1); // credit untouched by a caption-only patch
    await call('photos/remove', { id: photo.id, version: 3 });
    expect(search('trao co thi dua').total).toBe(0);
    expect(checkSearchIndex(archive).ok).toBe(true);
  });

  it('updates only the fields given; takenAt can be set and cleared', async () => {
    const m = newMeeting();
    const { photo } = await add(m.id, 1, await jpeg({ takenAt: '2025:12:20 08:15:00' }), {
      caption: 'Khai mạc',
      credit: 'Ảnh: Hà',
    });
    expect(photo.takenAt).toBe(Date.UTC(2025, 11, 20, 1, 15));
    const at = Date.UTC(2025, 11, 20, 2, 0);
    const r1: PhotoChange = await call('photos/update', {
      id: photo.id,
      version: 2,
      fields: { takenAt: at },
    });
    expect(r1).toMatchObject({
      meetingVersion: 3,
      photo: { caption: 'Khai mạc', credit: 'Ảnh: Hà', takenAt: at },
    });
    const r2: PhotoChange = await call('photos/update', {
      id: photo.id,
      version: 3,
      fields: { takenAt: null, credit: '' },
    });
    expect(r2.photo).toMatchObject({ caption: 'Khai mạc', credit: '', takenAt: null });
  });

  it('every change names the meeting version: a stale one is a conflict and stores nothing', async () => {
    const m = newMeeting();
    const { photo } = await add(m.id, 1, await jpeg({ color: '#101010' }));
    const before = photoTree();
    expect(
      (
        await refusal('photos/add', {
          meetingId: m.id,
          version: 1,
          fileName: 'b.jpg',
          dataBase64: b64(await jpeg({ color: '#202020' })),
        })
      ).code,
    ).toBe('VERSION_CONFLICT');
    expect(photoTree()).toEqual(before);
    for (const [channel, input] of [
      ['photos/update', { id: photo.id, version: 1, fields: { caption: 'x' } }],
      ['photos/set-people', { id: photo.id, version: 1, personIds: [] }],
      ['photos/reorder', { meetingId: m.id, version: 1, photoIds: [photo.id] }],
      ['photos/remove', { id: photo.id, version: 1 }],
    ] as const) {
      const err = await refusal(channel, input);
      expect(err.code, channel).toBe('VERSION_CONFLICT');
      expect(err.message).toContain('cửa sổ khác');
    }
    // A meeting edit also moves the version: a photo change from before it conflicts.
    await call('meetings/update', {
      id: m.id,
      version: 2,
      fields: { title: 'Đổi tên', kind: 'Hội nghị', meetingDate: null, startTime: null, endTime: null },
    });
    expect(
      (await refusal('photos/update', { id: photo.id, version: 2, fields: { caption: 'x' } })).code,
    ).toBe('VERSION_CONFLICT');
    expect((await call('photos/list', { meetingId: m.id })).photos[0]!.caption).toBe('');
  });

  it('a finalized meeting refuses every photo change', async () => {
    const m = newMeeting();
    const { photo } = await add(m.id, 1, await jpeg({ color: '#303030' }));
    archive.sqlite.prepare("UPDATE meetings SET status = 'finalized' WHERE id = ?").run(m.id);
    const before = photoTree();
    for (const [channel, input] of [
      [
        'photos/add',
        { meetingId: m.id, version: 2, fileName: 'c.jpg', dataBase64: b64(await jpeg({ color: '#404040' })) },
      ],
      ['photos/update', { id: photo.id, version: 2, fields: { caption: 'x' } }],
      ['photos/set-people', { id: photo.id, version: 2, personIds: [] }],
      ['photos/reorder', { meetingId: m.id, version: 2, photoIds: [photo.id] }],
      ['photos/remove', { id: photo.id, version: 2 }],
    ] as const) {
      const err = await refusal(channel, input);
      expect(err.code, channel).toBe('MEETING_FINALIZED');
      expect(err.message).toContain('đính chính');
    }
    expect(photoTree()).toEqual(before);
    expect((await call('photos/list', { meetingId: m.id })).photos).toHaveLength(1);
  });

  it('reorders the whole album and refuses a partial or repeated order', async () => {
    const m = newMeeting();
    let v = 1;
    const ids: string[] = [];
    for (const color of ['#a00000', '#00a000', '#0000a0']) {
      const r = await add(m.id, v, await jpeg({ color }));
      v = r.meetingVersion;
      ids.push(r.photo.id);
    }
    const r: PhotoList = await call('photos/reorder', {
      meetingId: m.id,
      version: v,
      photoIds: [ids[2], ids[0], ids[1]],
    });
    expect(r.photos.map((p) => [p.id, p.position])).toEqual([
      [ids[2], 0],
      [ids[0], 1],
      [ids[1], 2],
    ]);
    for (const photoIds of [
      [ids[0], ids[1]],
      [ids[0], ids[0], ids[1]],
      [ids[0], ids[1], uuidv7()],
    ]) {
      expect(
        (await refusal('photos/reorder', { meetingId: m.id, version: r.meetingVersion, photoIds })).code,
      ).toBe('ORDER_MISMATCH');
    }
  });

  it('removing a photo closes the gap and keeps the file; orphanPhotoFiles lists files nothing uses', async () => {
    const m = newMeeting();
    const other = newMeeting('Cuộc họp khác');
    const shared = await jpeg({ color: '#505050' });
    const a = await add(m.id, 1, shared);
    const b = await add(m.id, 2, await jpeg({ color: '#606060' }));
    const c = await add(m.id, 3, await jpeg({ color: '#707070' }));
    await add(other.id, 1, shared);
    let list: PhotoList = await call('photos/remove', { id: b.photo.id, version: 4 });
    expect(list.photos.map((p) => [p.id, p.position])).toEqual([
      [a.photo.id, 0],
      [c.photo.id, 1],
    ]);
    expect(existsSync(photoPath(dir, b.photo.fileHash!, 'jpg'))).toBe(true);
    expect(orphanPhotoFiles(archive).map((f) => f.hash)).toEqual([b.photo.fileHash]);
    list = await call('photos/remove', { id: a.photo.id, version: list.meetingVersion });
    // Still used by the other meeting: not an orphan.
    expect(orphanPhotoFiles(archive).map((f) => f.hash)).toEqual([b.photo.fileHash]);
    expect((await refusal('photos/remove', { id: a.photo.id, version: list.meetingVersion })).code).toBe(
      'NOT_FOUND',
    );
    expect(verifyAuditChain(archive).ok).toBe(true);
  });

  it('tags people: attendees only once there is an attendance list, anyone before', async () => {
    const m = newMeeting();
    const giang = createPerson(
      archive,
      { fullName: 'Phan Văn Giang', rank: 'Đại tướng', title: '', unit: '', notes: '' },
      'thư ký',
    );
    const an = createPerson(
      archive,
      { fullName: 'Nguyễn Văn An', rank: 'Đại tá', title: '', unit: '', notes: '' },
      'thư ký',
    );
    const { photo } = await add(m.id, 1, await jpeg());
    // No attendance yet: anyone in the directory.
    let r: PhotoChange = await call('photos/set-people', {
      id: photo.id,
      version: 2,
      personIds: [giang.id, an.id, giang.id],
    });
    expect(r.photo.people.map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Phan Văn Giang']); // given-name order
    expect(r.photo.people.find((p) => p.id === giang.id)?.rank).toBe('Đại tướng');
    // Attendance taken, with Giang only: An can no longer be tagged.
    const now = Date.now();
    archive.sqlite
      .prepare(
        "INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at) VALUES (?, ?, ?, 'chu_tri', 'Đại tướng', '', '', 'co_mat', '', 0, ?, ?)",
      )
      .run(uuidv7(), m.id, giang.id, now, now);
    const err = await refusal('photos/set-people', { id: photo.id, version: 3, personIds: [an.id] });
    expect(err.code).toBe('PHOTO_PERSON_NOT_ATTENDEE');
    expect(err.message).toContain('danh sách dự họp');
    r = await call('photos/set-people', { id: photo.id, version: 3, personIds: [giang.id] });
    expect(r).toMatchObject({
      meetingVersion: 4,
      photo: { people: [{ id: giang.id, fullName: 'Phan Văn Giang' }] },
    });
    expect(
      (await refusal('photos/set-people', { id: photo.id, version: 4, personIds: [uuidv7()] })).code,
    ).toBe('NOT_FOUND');
    r = await call('photos/set-people', { id: photo.id, version: 4, personIds: [] });
    expect(r.photo.people).toEqual([]);
  });

  it('answers NOT_FOUND for photos of unknown or trashed meetings', async () => {
    expect((await refusal('photos/list', { meetingId: uuidv7() })).code).toBe('NOT_FOUND');
    const m = newMeeting();
    const { photo } = await add(m.id, 1, await jpeg());
    archive.sqlite.prepare('UPDATE meetings SET deleted_at = 1 WHERE id = ?').run(m.id);
    expect((await refusal('photos/list', { meetingId: m.id })).code).toBe('NOT_FOUND');
    expect(
      (await refusal('photos/update', { id: photo.id, version: 2, fields: { caption: 'x' } })).code,
    ).toBe('NOT_FOUND');
    // Its file is still in use (the meeting can come back from the trash).
    expect(orphanPhotoFiles(archive)).toEqual([]);
  });
});
