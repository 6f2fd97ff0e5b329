import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HosoError } from '../../shared/errors';
import { parseMeetingJson, type MeetingJson } from './meetingJson';

/**
 * Reading a USB bag for the merge: verify it first, then read its meetings through their JSON files
 * (DESIGN.md §6), never through the bag's SQLite snapshot, so a bag written by an older or newer hoso
 * merges as long as its JSON format does.
 *
 * The check here is the part of RFC 8493 a merge depends on: every payload file listed in
 * manifest-sha256.txt exists with that checksum, no file under data/ is unlisted, no listed path leaves
 * the bag. The full validator with per-problem reports is `hoso verify` (bagVerify.ts); this one stays
 * small so the merge does not depend on the exporter's internals.
 */

export interface BagMeeting {
  /** Path inside the bag, e.g. data/meetings/0193….json. */
  file: string;
  json: MeetingJson;
}

export interface MergeBag {
  /** Absolute path of the bag folder. */
  dir: string;
  /** The bag's name for messages and the audit log (its folder name). */
  name: string;
  /** SHA-256 of manifest-sha256.txt: one value per bag content, used to recognise the same bag again. */
  id: string;
  info: Record<string, string>;
  meetings: BagMeeting[];
  /** Absolute path of a payload photo (`file` as in the JSON, relative to data/), checked to stay inside. */
  photoFile(file: string): string;
}

const MANIFEST = 'manifest-sha256.txt';
const MAX_PROBLEMS_SHOWN = 5;

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path, { highWaterMark: 1024 * 1024 })
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** A `/`-separated path inside the bag: relative, no `.`/`..` segment, no backslash, drive or control character. */
export function isSafeBagPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (!path || path.startsWith('/') || /[\\\u0000-\u001f]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function listFiles(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = `${prefix}/${e.name}`;
    if (e.isDirectory()) return listFiles(join(dir, e.name), rel);
    return [rel];
  });
}

function parseBagInfo(text: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

/** The problems that make a bag unfit to merge, one line each (empty when it checks). */
export async function checkBagForMerge(dir: string): Promise<string[]> {
  const problems: string[] = [];
  if (!existsSync(join(dir, 'bagit.txt'))) problems.push('thiếu bagit.txt (không phải gói lưu trữ BagIt)');
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return [...problems, `thiếu ${MANIFEST}`];
  const listed = new Map<string, string>();
  readFileSync(manifestPath, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const m = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
      if (!m) problems.push(`${MANIFEST}, dòng ${i + 1}: sai định dạng`);
      else if (!isSafeBagPath(m[2]!) || !m[2]!.startsWith('data/')) problems.push(`đường dẫn không an toàn: ${m[2]}`);
      else listed.set(m[2]!, m[1]!.toLowerCase());
    });
  for (const [path, expected] of listed) {
    const abs = join(dir, ...path.split('/'));
    if (!existsSync(abs) || !statSync(abs).isFile()) problems.push(`thiếu tệp: ${path}`);
    else if ((await sha256File(abs)) !== expected) problems.push(`tệp đã bị thay đổi: ${path}`);
  }
  if (existsSync(join(dir, 'data'))) {
    for (const path of listFiles(join(dir, 'data'), 'data')) if (!listed.has(path)) problems.push(`tệp thừa không có trong danh sách: ${path}`);
  } else problems.push('thiếu thư mục data/');
  return problems;
}

/**
 * Verifies the bag at `dir` and reads its meetings. A bag that fails the check, or holds a meeting file
 * that does not parse, is refused as a whole before anything is written (MERGE_BAG_INVALID /
 * MEETING_JSON_INVALID / MEETING_JSON_UNSUPPORTED naming the files).
 */
export async function readBagForMerge(dir: string): Promise<MergeBag> {
  if (!existsSync(dir)) throw new HosoError('MERGE_BAG_INVALID', `(không tìm thấy: ${dir})`);
  if (statSync(dir).isFile()) {
    const hint = dir.endsWith('.age') ? 'gói đã mã hóa: hãy giải mã bằng hoso hoặc công cụ age trước khi nhập' : 'hãy chọn thư mục của gói';
    throw new HosoError('MERGE_BAG_INVALID', `(${basename(dir)}: ${hint})`);
  }
  const problems = await checkBagForMerge(dir);
  if (problems.length > 0) {
    const more = problems.length > MAX_PROBLEMS_SHOWN ? `; và ${problems.length - MAX_PROBLEMS_SHOWN} lỗi khác` : '';
    throw new HosoError('MERGE_BAG_INVALID', `(${problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ')}${more})`);
  }
  const meetingsDir = join(dir, 'data', 'meetings');
  const files = existsSync(meetingsDir)
    ? readdirSync(meetingsDir)
        .filter((n) => n.toLowerCase().endsWith('.json'))
        .sort()
    : [];
  const meetings = files.map((n) => {
    const file = `data/meetings/${n}`;
    return { file, json: parseMeetingJson(readFileSync(join(meetingsDir, n), 'utf8'), file) };
  });
  const seen = new Set<string>();
  for (const m of meetings) {
    if (seen.has(m.json.meeting.id)) throw new HosoError('MEETING_JSON_INVALID', `(${m.file}: mã cuộc họp ${m.json.meeting.id} xuất hiện hai lần)`);
    seen.add(m.json.meeting.id);
  }
  const infoPath = join(dir, 'bag-info.txt');
  return {
    dir,
    name: basename(dir.replace(/[\\/]+$/, '')) || dir,
    id: createHash('sha256').update(readFileSync(join(dir, MANIFEST))).digest('hex'),
    info: existsSync(infoPath) ? parseBagInfo(readFileSync(infoPath, 'utf8')) : {},
    meetings,
    photoFile: (file) => {
      if (!isSafeBagPath(file)) throw new HosoError('MERGE_BAG_INVALID', `(đường dẫn ảnh không an toàn: ${file})`);
      return join(dir, 'data', ...file.split('/'));
    },
  };
}

