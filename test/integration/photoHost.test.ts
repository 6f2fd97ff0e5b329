import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Archive } from '../../db/open';
import { createMeeting } from '../../db/meetings';
import { MeetingFields } from '../../contract/contract';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { photoPath, thumbPath } from '../../services/photoStore';
import { BODY_LIMITS, MAX_BODY_BYTES, startWebHost, type WebHost } from '../../webhost/server';
import { jpeg, noisyJpeg } from '../helpers/images';
import { send } from '../helpers/http';
import { tempArchive, tempDir } from '../helpers/tempArchive';

let archive: Archive;
let dir: string;
let host: WebHost;
let cookie: string;
let cleanups: (() => void)[] = [];
const TOKEN = 'photo-test-token-0123456789';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  const t = await tempArchive();
  archive = t.archive;
  dir = t.dir;
  const r = tempDir();
  cleanups = [t.cleanup, r.cleanup];
  mkdirSync(join(r.dir, 'renderer'), { recursive: true });
  writeFileSync(join(r.dir, 'renderer', 'index.html'), '<!doctype html><title>Hồ sơ Hội nghị</title>');
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'test')), silentLogger);
  host = await startWebHost({
    dispatch,
    rendererDir: join(r.dir, 'renderer'),
    token: TOKEN,
    log: silentLogger,
    archiveDir: dir,
  });
  const login = await send(host, 'GET', `/?token=${TOKEN}`);
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await host.close();
  cleanups.forEach((c) => c());
});

function newMeeting() {
  return createMeeting(
    archive,
    MeetingFields.parse({
      title: 'Hội nghị giao ban',
      kind: 'Hội nghị',
      meetingDate: '2025-06-02',
      startTime: null,
      endTime: null,
    }),
    'thư ký',
  );
}

const addBody = (meetingId: string, version: number, bytes: Buffer) =>
  JSON.stringify({ meetingId, version, fileName: 'IMG_2041.JPG', dataBase64: bytes.toString('base64') });

describe('photos over the web host', () => {
  it('takes a 20 MB photo in one photos/add call (its base64 is over the 16 MB limit of other calls)', async () => {
    const m = newMeeting();
    const big = await noisyJpeg();
    const body = addBody(m.id, 1, big);
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const started = Date.now();
    const res = await send(host, 'POST', '/api/photos/add', { cookie, ...json }, body);
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body);
    expect(reply).toMatchObject({
      ok: true,
      data: { meetingVersion: 2, photo: { byteSize: big.length, width: 4600, height: 3450 } },
    });
    expect(readFileSync(photoPath(dir, reply.data.photo.fileHash, 'jpg')).equals(big)).toBe(true);
    // A figure, not an assertion: the time from request to stored photo and thumbnail.
    console.log(`photos/add over HTTP, ${(big.length / 1048576).toFixed(1)} MB JPEG: ${ms} ms`);
    // The same size sent to another channel is still refused.
    const other = await send(host, 'POST', '/api/meetings/create', { cookie, ...json }, body);
    expect(other.status).toBe(413);
    expect(JSON.parse(other.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  }, 60_000);

  it('refuses a photos/add body over its own limit with the photo message', async () => {
    const limit = BODY_LIMITS['photos/add']!.bytes;
    const res = await send(
      host,
      'POST',
      '/api/photos/add',
      { cookie, ...json },
      Buffer.alloc(limit + 1024, 0x41),
    );
    expect(res.status).toBe(413);
    const reply = JSON.parse(res.body);
    expect(reply).toMatchObject({ ok: false, error: { code: 'PHOTO_TOO_LARGE' } });
    expect(reply.error.message).toContain('tối đa 40 MB');
  }, 60_000);

  it('takes a 20 MB Word file to import, and refuses one over the import limit with the import message', async () => {
    const file = Buffer.alloc(20 * 1024 * 1024, 0x41).toString('base64');
    const ok = await send(
      host,
      'POST',
      '/api/import/preview',
      { cookie, ...json },
      Buffer.from(JSON.stringify({ source: { kind: 'file', name: 'bien-ban.docx', dataBase64: file } })),
    );
    // Read and answered by the import (not a broken .docx is its own message), not cut off by the host.
    expect(ok.status).not.toBe(413);
    const limit = BODY_LIMITS['import/preview']!.bytes;
    const res = await send(
      host,
      'POST',
      '/api/import/preview',
      { cookie, ...json },
      Buffer.alloc(limit + 1024, 0x41),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'IMPORT_TOO_LARGE' } });
  }, 60_000);

  it('serves originals and thumbnails by hash to the session, with their content type and the CSP', async () => {
    const m = newMeeting();
    const bytes = await jpeg({ width: 900, height: 600, color: '#8e24aa' });
    const added = JSON.parse(
      (await send(host, 'POST', '/api/photos/add', { cookie, ...json }, addBody(m.id, 1, bytes))).body,
    );
    const hash: string = added.data.photo.fileHash;

    const original = await send(host, 'GET', `/photos/${hash}`, { cookie });
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['content-security-policy']).toContain("default-src 'self'");
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.headers['cache-control']).toContain('immutable');
    expect(original.bytes.equals(bytes)).toBe(true);

    const thumb = await send(host, 'GET', `/photos/thumb/${hash}`, { cookie });
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.bytes.equals(readFileSync(thumbPath(dir, hash)))).toBe(true);
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ width: 400, height: 267 });

    const head = await send(host, 'HEAD', `/photos/${hash}`, { cookie });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(bytes.length);

    // Without the session: the locked page, not the photo.
    for (const path of [`/photos/${hash}`, `/photos/thumb/${hash}`]) {
      const res = await send(host, 'GET', path);
      expect(res.status, path).toBe(403);
      expect(res.bytes.includes(bytes.subarray(0, 64))).toBe(false);
    }
  });

  it('answers 404 for anything but a stored 64-hex hash, and never leaves the photos folder', async () => {
    writeFileSync(join(dir, 'archive-secret.txt'), 'không được lộ');
    const unknown = 'ab'.repeat(32);
    for (const path of [
      `/photos/${unknown}`,
      `/photos/thumb/${unknown}`,
      '/photos/../archive-secret.txt',
      '/photos/%2e%2e/archive-secret.txt',
      '/photos/%2e%2e%2farchive.sqlite',
      '/photos/thumb/..%2f..%2farchive.sqlite',
      `/photos/${unknown.toUpperCase()}`,
      `/photos/${unknown.slice(1)}`,
      `/photos/${unknown}.jpg`,
      `/photos/ab/${unknown}.jpg`,
      '/photos/',
      '/photos/thumb/',
    ]) {
      const res = await send(host, 'GET', path, { cookie });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('không được lộ');
      expect(res.body).not.toContain('SQLite format');
    }
  });
});
