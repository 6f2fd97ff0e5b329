import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Encrypter } from 'age-encryption';
import { bagMeetingFiles } from '../integration/exportFixture';
import type { MeetingJson } from '../../services/archive/meetingJson';

/**
 * Hostile bags, built at test time from a real one (test/helpers/makeBag.ts): a meeting file is edited
 * by hand, then the manifests are written again so the bag still verifies (RFC 8493) — the attacker can
 * always do that, so the merge must judge the records themselves. No checked-in binaries.
 */

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Writes manifest-sha256.txt, the Payload-Oxum and tagmanifest-sha256.txt again after the payload was edited. */
export async function rebag(bagDir: string): Promise<void> {
  const payload = walk(join(bagDir, 'data')).sort();
  let octets = 0;
  const lines: string[] = [];
  for (const f of payload) {
    octets += statSync(f).size;
    lines.push(`${await sha256File(f)}  ${relative(bagDir, f).split(sep).join('/')}\n`);
  }
  writeFileSync(join(bagDir, 'manifest-sha256.txt'), lines.join(''));
  const info = readFileSync(join(bagDir, 'bag-info.txt'), 'utf8').replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${octets}.${payload.length}`);
  writeFileSync(join(bagDir, 'bag-info.txt'), info);
  const tags: string[] = [];
  for (const n of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) tags.push(`${await sha256File(join(bagDir, n))}  ${n}\n`);
  writeFileSync(join(bagDir, 'tagmanifest-sha256.txt'), tags.join(''));
}

/** The absolute paths of a bag's meeting files. */
export function meetingFiles(bagDir: string): string[] {
  return bagMeetingFiles(bagDir).map((f) => join(bagDir, 'data', ...f.split('/')));
}

/** Edits one meeting file (the one whose JSON `pick` accepts, the first by default) and re-bags. */
export async function editMeeting(
  bagDir: string,
  edit: (json: MeetingJson) => unknown,
  pick: (json: MeetingJson) => boolean = () => true,
): Promise<string> {
  for (const file of meetingFiles(bagDir)) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as MeetingJson;
    if (!pick(json)) continue;
    writeFileSync(file, `${JSON.stringify(edit(json), null, 2)}\n`);
    await rebag(bagDir);
    return `data/${relative(join(bagDir, 'data'), file).split(sep).join('/')}`;
  }
  throw new Error('test bag: no meeting file matched');
}

/** A POSIX ustar header (what tar-stream reads), with any size it is told — also one its data never reaches. */
export function tarHeader(name: string, size: number, type: '0' | '5' = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write(type === '5' ? '0000755\0' : '0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('14700000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** A tar member with its data, padded to 512 bytes. */
export function tarFile(name: string, data: Buffer): Buffer {
  const pad = (512 - (data.length % 512)) % 512;
  return Buffer.concat([tarHeader(name, data.length), data, Buffer.alloc(pad)]);
}

export const TAR_END = Buffer.alloc(1024);

/** Encrypts `plain` with age (scrypt, a low work factor for tests) into `file`. */
export async function writeAge(file: string, plain: Buffer, passphrase: string): Promise<void> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(10);
  writeFileSync(file, await e.encrypt(new Uint8Array(plain)));
}
