import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../db/open';
import { verifyAuditChain } from '../../db/audit';
import { minutesTextToHtml } from '../../db/richText';
import { DEFAULT_MEETING_KINDS } from '../../db/settings';
import { checkSearchIndex } from '../../db/search/indexer';
import { searchMeetings } from '../../db/search/search';
import { generateDemo, photoPath, type DemoSummary } from '../../services/demo';
import { RANKS } from '../../services/demo/vocabulary';

// A fixed "today", so two runs with the same seed spread meetings over the same days.
const NOW = Date.UTC(2026, 4, 15, 3, 0);
const TODAY = '2026-05-15';

const dirs: string[] = [];
const archives: Archive[] = [];

async function freshArchive(): Promise<{ archive: Archive; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-demo-'));
  dirs.push(dir);
  const archive = await openArchive({ file: join(dir, 'archive.sqlite') });
  archives.push(archive);
  return { archive, dir };
}

const all = <T>(a: Archive, sql: string, ...params: unknown[]) => a.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(a: Archive, sql: string, ...params: unknown[]) => a.sqlite.prepare(sql).get(...params) as T;
const count = (a: Archive, table: string) => one<{ n: number }>(a, `SELECT count(*) AS n FROM ${table}`).n;

/** Letters only Vietnamese uses (marks, đ): a text with none of them is not really Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

let archive: Archive;
let dir: string;
let summary: DemoSummary;

beforeAll(async () => {
  ({ archive, dir } = await freshArchive());
  summary = await generateDemo(archive, { meetings: 300, seed: 1, now: () => NOW, batchSize: 120 });
});

afterAll(() => {
  for (const a of archives) a.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('hoso demo archive', () => {
  it('writes what the summary says', () => {
    expect(summary.meetings).toBe(300);
    expect(count(archive, 'meetings')).toBe(summary.meetings);
    expect(count(archive, 'people')).toBe(summary.people);
    expect(summary.people).toBeGreaterThanOrEqual(60);
    expect(count(archive, 'attendance')).toBe(summary.attendance);
    expect(count(archive, 'conclusions')).toBe(summary.conclusions);
    expect(one<{ n: number }>(archive, 'SELECT count(*) AS n FROM conclusions WHERE is_task = 1').n).toBe(
      summary.tasks,
    );
    expect(count(archive, 'photos')).toBe(summary.photos);
    expect(count(archive, 'photo_people')).toBe(summary.photoPeople);
    expect(count(archive, 'document_refs')).toBe(summary.documentRefs);
    expect(count(archive, 'tags')).toBe(summary.tags);
    expect(count(archive, 'meeting_tags')).toBe(summary.meetingTags);
    expect(summary.batches).toBe(3);
    // Every part of a record is there in some meetings: tasks, photos, documents, tags.
    for (const n of [summary.tasks, summary.photos, summary.documentRefs, summary.meetingTags])
      expect(n).toBeGreaterThan(0);
    const finalized = one<{ n: number }>(
      archive,
      "SELECT count(*) AS n FROM meetings WHERE status = 'finalized'",
    ).n;
    expect(finalized).toBeGreaterThan(0);
    expect(finalized).toBeLessThan(150); // mostly drafts
    // Finalized demo records are sealed by the app's own finalize step, never left unsealed.
    expect(
      one<{ n: number }>(archive, "SELECT count(*) AS n FROM meetings WHERE status = 'finalized' AND seal_hash IS NOT NULL").n,
    ).toBe(finalized);
  });

  it('gives every meeting a chair, a secretary and 4–14 other people, nobody twice', () => {
    const rows = all<{
      id: string;
      chairs: number;
      secretaries: number;
      others: number;
      people: number;
      distinctPeople: number;
      maxPos: number;
    }>(
      archive,
      `SELECT m.id,
         sum(a.role IN ('chu_tri', 'dong_chu_tri')) AS chairs,
         sum(a.role = 'thu_ky') AS secretaries,
         sum(a.role IN ('dai_bieu', 'khach_moi')) AS others,
         count(*) AS people, count(DISTINCT a.person_id) AS distinctPeople, max(a.position) AS maxPos
       FROM meetings m JOIN attendance a ON a.meeting_id = m.id GROUP BY m.id`,
    );
    expect(rows).toHaveLength(300);
    for (const r of rows) {
      expect(r.chairs).toBeGreaterThanOrEqual(1);
      expect(r.chairs).toBeLessThanOrEqual(2);
      expect(r.secretaries).toBe(1);
      expect(r.others).toBeGreaterThanOrEqual(4);
      expect(r.others).toBeLessThanOrEqual(14);
      expect(r.distinctPeople).toBe(r.people);
      expect(r.maxPos).toBe(r.people - 1);
    }
    // Chairs are listed first, the secretary last.
    const firstRoles = all<{ role: string }>(archive, 'SELECT role FROM attendance WHERE position = 0');
    expect(firstRoles.every((r) => r.role === 'chu_tri' || r.role === 'dong_chu_tri')).toBe(true);
    const absent = all<{ reason: string }>(
      archive,
      "SELECT absence_reason AS reason FROM attendance WHERE status = 'vang_co_ly_do'",
    );
    expect(absent.length).toBeGreaterThan(0);
    expect(absent.every((r) => r.reason.length > 0)).toBe(true);
  });

  it('keeps rank and titles as they were at the time of each meeting', () => {
    const rows = all<{ atTheTime: string; current: string }>(
      archive,
      "SELECT a.rank AS atTheTime, p.rank AS current FROM attendance a JOIN people p ON p.id = a.person_id WHERE p.rank <> ''",
    );
    const index = (r: string) => RANKS.indexOf(r as (typeof RANKS)[number]);
    expect(rows.every((r) => index(r.atTheTime) >= 0 && index(r.atTheTime) <= index(r.current))).toBe(true);
    expect(rows.some((r) => r.atTheTime !== r.current)).toBe(true); // someone was promoted since
    const civilians = all<{ rank: string }>(
      archive,
      "SELECT a.rank FROM attendance a JOIN people p ON p.id = a.person_id WHERE p.rank = ''",
    );
    expect(civilians.length).toBeGreaterThan(0);
    expect(civilians.every((r) => r.rank === '')).toBe(true);
  });

  it('writes Vietnamese in NFC with its diacritics, and no template leftovers', () => {
    const texts: string[] = [];
    const collect = (sql: string) => {
      for (const row of all<Record<string, unknown>>(archive, sql)) {
        for (const v of Object.values(row)) if (typeof v === 'string') texts.push(v);
      }
    };
    collect('SELECT title, kind, location, organizer, minutes_text, minutes_html, source FROM meetings');
    collect('SELECT full_name, rank, title, unit, name_folded FROM people');
    collect('SELECT rank, titles, unit, absence_reason FROM attendance');
    collect('SELECT text, assignee_unit FROM conclusions');
    collect('SELECT caption, credit FROM photos');
    collect('SELECT number, doc_type, issuer, summary FROM document_refs');
    collect('SELECT name, name_folded FROM tags');
    expect(texts.length).toBeGreaterThan(10_000);
    for (const t of texts) {
      expect(t).toBe(t.normalize('NFC'));
      expect(t).not.toMatch(/[{}]|undefined|NaN|\[object/);
    }

    const titles = all<{ title: string }>(archive, 'SELECT title FROM meetings').map((r) => r.title);
    expect(titles.some((t) => t.includes('Hội nghị'))).toBe(true);
    expect(titles.some((t) => t.includes('ủy'))).toBe(true);
    expect(titles.filter((t) => VIETNAMESE.test(t))).toHaveLength(titles.length);
    const names = all<{ fullName: string }>(archive, 'SELECT full_name AS fullName FROM people').map(
      (r) => r.fullName,
    );
    expect(names.every((n) => n.split(' ').length >= 3)).toBe(true);
    expect(names.filter((n) => VIETNAMESE.test(n)).length).toBeGreaterThan(names.length / 2);

    const kinds = all<{ kind: string }>(archive, 'SELECT DISTINCT kind FROM meetings').map((r) => r.kind);
    expect(kinds.length).toBeGreaterThanOrEqual(6);
    for (const k of kinds) expect(DEFAULT_MEETING_KINDS).toContain(k);

    // Official-style text: abbreviations of official documents, document numbers of both kinds.
    const minutes = all<{ t: string }>(archive, 'SELECT minutes_text AS t FROM meetings')
      .map((r) => r.t)
      .join('\n');
    for (const abbr of ['QS, QP', 'KT-XH', 'KVPT']) expect(minutes).toContain(abbr);
    const numbers = all<{ n: string }>(archive, 'SELECT number AS n FROM document_refs').map((r) => r.n);
    expect(numbers.some((n) => /^\d{2,4}-[A-Za-zĐđ]+\/[A-ZĐƯ-]+$/.test(n))).toBe(true); // 15-NQ/TW
    expect(numbers.some((n) => /^\d{2,3}\/\d{4}\/[A-ZĐ]+-[A-ZĐ]+$/.test(n))).toBe(true); // 05/2024/NĐ-CP
    for (const n of numbers) expect(n).toMatch(/^\d{2,4}[-/]/);
  });

  it('stores minutes both as text and as the HTML the app derives from it', () => {
    const rows = all<{ text: string; html: string }>(
      archive,
      'SELECT minutes_text AS text, minutes_html AS html FROM meetings',
    );
    for (const r of rows) {
      const paragraphs = r.text.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(3);
      expect(paragraphs.length).toBeLessThanOrEqual(8);
      expect(r.html).toBe(minutesTextToHtml(r.text));
    }
  });

  it('uses valid dates and working hours, and task deadlines after the meeting', () => {
    const meetings = all<{ id: string; date: string; start: string | null; end: string | null }>(
      archive,
      'SELECT id, meeting_date AS date, start_time AS start, end_time AS end FROM meetings',
    );
    const earliest = new Date(NOW - 8.1 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    let dateOnly = 0;
    for (const m of meetings) {
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${m.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(m.date);
      expect(m.date <= TODAY).toBe(true);
      expect(m.date >= earliest).toBe(true);
      expect(new Date(`${m.date}T00:00:00Z`).getUTCDay()).not.toBe(0); // no Sunday meetings
      if (m.start === null) {
        expect(m.end).toBeNull();
        dateOnly++;
        continue;
      }
      expect(m.start).toMatch(/^\d{2}:\d{2}$/);
      expect(m.end).toMatch(/^\d{2}:\d{2}$/);
      expect(m.start >= '07:00' && m.start < m.end! && m.end! <= '17:30').toBe(true);
    }
    expect(dateOnly).toBeGreaterThan(0);

    const tasks = all<{
      meetingId: string;
      date: string;
      deadline: string | null;
      status: string | null;
      personId: string | null;
      unit: string;
    }>(
      archive,
      `SELECT c.meeting_id AS meetingId, m.meeting_date AS date, c.deadline, c.task_status AS status,
              c.assignee_person_id AS personId, c.assignee_unit AS unit
       FROM conclusions c JOIN meetings m ON m.id = c.meeting_id WHERE c.is_task = 1`,
    );
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      expect(t.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.deadline! > t.date).toBe(true);
      expect(['chua_lam', 'dang_lam', 'hoan_thanh']).toContain(t.status);
      expect(t.unit.length).toBeGreaterThan(0);
    }
    expect(new Set(tasks.map((t) => t.status)).size).toBe(3);
    // A task handed to a person goes to someone on that meeting's list.
    const assigned = tasks.filter((t) => t.personId !== null);
    expect(assigned.length).toBeGreaterThan(0);
    for (const t of assigned) {
      expect(
        one(
          archive,
          'SELECT 1 AS ok FROM attendance WHERE meeting_id = ? AND person_id = ?',
          t.meetingId,
          t.personId,
        ),
      ).toBeTruthy();
    }
    const plain = one<{ n: number }>(
      archive,
      'SELECT count(*) AS n FROM conclusions WHERE is_task = 0 AND (deadline IS NOT NULL OR task_status IS NOT NULL)',
    );
    expect(plain.n).toBe(0);
    const docs = all<{ issued: string; date: string }>(
      archive,
      'SELECT d.issued_on AS issued, m.meeting_date AS date FROM document_refs d JOIN meetings m ON m.id = d.meeting_id',
    );
    for (const d of docs) expect(d.issued < d.date).toBe(true);
  });

  it('stores each photo content-addressed beside the archive, under its own SHA-256', () => {
    const files = all<{ hash: string; size: number; mime: string; width: number; height: number }>(
      archive,
      'SELECT DISTINCT file_hash AS hash, byte_size AS size, mime, width, height FROM photos',
    );
    expect(files.length).toBe(summary.photoFiles);
    expect(files.length).toBeLessThanOrEqual(24);
    for (const f of files) {
      const path = photoPath(dir, f.hash);
      expect(path).toBe(join(dir, 'photos', f.hash.slice(0, 2), `${f.hash}.png`));
      expect(existsSync(path)).toBe(true);
      const bytes = readFileSync(path);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.hash);
      expect(bytes.length).toBe(f.size);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(f.width);
      expect(bytes.readUInt32BE(20)).toBe(f.height);
      expect(f.mime).toBe('image/png');
    }
    const captions = all<{ caption: string; credit: string }>(archive, 'SELECT caption, credit FROM photos');
    expect(captions.every((c) => c.caption.endsWith('.') && c.credit.startsWith('Ảnh: '))).toBe(true);
  });

  it('leaves a sound database with a verified audit chain: one entry per batch, one per finalized record', () => {
    expect(archive.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(archive.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const finalized = count(archive, "meetings WHERE status = 'finalized'");
    const chain = verifyAuditChain(archive);
    expect(chain).toEqual({ ok: true, entries: 3 + finalized, firstBrokenSeq: null });
    expect(one<{ n: number }>(archive, "SELECT count(*) AS n FROM audit_log WHERE action = 'finalize'").n).toBe(finalized);
    const entries = all<{ action: string; entity: string; entityId: string; after: string }>(
      archive,
      "SELECT action, entity, entity_id AS entityId, after FROM audit_log WHERE action <> 'finalize' ORDER BY seq",
    );
    expect(entries.every((e) => e.action === 'demo' && e.entity === 'archive' && e.entityId === 'demo')).toBe(
      true,
    );
    expect(entries.map((e) => (JSON.parse(e.after) as { meetings: number }).meetings)).toEqual([
      120, 120, 60,
    ]);
  });

  it('is searchable right away: the index is in step and finds people, ranks and places', () => {
    const check = checkSearchIndex(archive);
    expect(check).toMatchObject({ ok: true, documents: 300, missing: [], orphaned: [], stale: [] });
    const find = (query: string) =>
      searchMeetings(archive, {
        query,
        sort: 'relevance',
        offset: 0,
        limit: 5,
        year: null,
        kind: null,
        personId: null,
        tag: null,
      });
    // Typed without marks, found with them (README, *Search*); an abbreviation; a person from the directory.
    expect(find('dai ta').total).toBeGreaterThan(0);
    expect(find('quân sự').total).toBeGreaterThan(0);
    expect(find('KVPT').total).toBeGreaterThan(0);
    const someone = one<{ name: string }>(
      archive,
      "SELECT full_name AS name FROM people WHERE rank <> '' LIMIT 1",
    ).name;
    expect(find(`"${someone}"`).total).toBeGreaterThan(0);
  });

  it('builds the same archive from the same seed, and a different one from another', async () => {
    const again = (await freshArchive()).archive;
    await generateDemo(again, { meetings: 300, seed: 1, now: () => NOW });
    const other = (await freshArchive()).archive;
    await generateDemo(other, { meetings: 300, seed: 2, now: () => NOW });

    // Ids are UUIDv7 (random by design, so archives merge); compare content in insertion order.
    const content = (a: Archive) => ({
      meetings: all(
        a,
        'SELECT title, kind, meeting_date, start_time, end_time, location, organizer, status, minutes_text, source FROM meetings ORDER BY rowid',
      ),
      people: all(a, 'SELECT full_name, rank, title, unit FROM people ORDER BY rowid'),
      attendance: all(
        a,
        'SELECT p.full_name, a.role, a.rank, a.titles, a.status, a.position FROM attendance a JOIN people p ON p.id = a.person_id ORDER BY a.rowid',
      ),
      conclusions: all(a, 'SELECT text, is_task, deadline, task_status FROM conclusions ORDER BY rowid'),
      photos: all(a, 'SELECT file_hash, caption, credit FROM photos ORDER BY rowid'),
      documents: all(a, 'SELECT number, doc_type, issued_on, issuer FROM document_refs ORDER BY rowid'),
    });
    expect(content(again)).toEqual(content(archive));
    const titles = (a: Archive) =>
      all<{ title: string }>(a, 'SELECT title FROM meetings ORDER BY rowid').map((r) => r.title);
    expect(titles(other)).not.toEqual(titles(archive));
  });

  it('leaves a valid, smaller archive when the run is interrupted between batches', async () => {
    const { archive: cut } = await freshArchive();
    const run = generateDemo(cut, {
      meetings: 200,
      seed: 7,
      now: () => NOW,
      batchSize: 40,
      onProgress: (done) => {
        if (done >= 80) throw new Error('interrupted');
      },
    });
    await expect(run).rejects.toThrow('interrupted');
    expect(count(cut, 'meetings')).toBe(80);
    expect(cut.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(cut.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const sealedCut = count(cut, "meetings WHERE status = 'finalized'");
    expect(verifyAuditChain(cut)).toEqual({ ok: true, entries: 2 + sealedCut, firstBrokenSeq: null });
    expect(checkSearchIndex(cut)).toMatchObject({ ok: true, documents: 80 });
    const orphans = one<{ n: number }>(
      cut,
      "SELECT count(*) AS n FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id AND a.role = 'thu_ky')",
    );
    expect(orphans.n).toBe(0);
  });

  it('adds to an archive that already has data without clashing with its tags or files', async () => {
    const before = { meetings: count(archive, 'meetings'), tags: count(archive, 'tags') };
    const more = await generateDemo(archive, { meetings: 20, seed: 3, now: () => NOW });
    expect(more.tags).toBe(0);
    expect(count(archive, 'tags')).toBe(before.tags);
    expect(count(archive, 'meetings')).toBe(before.meetings + 20);
    expect(count(archive, 'meeting_tags')).toBe(summary.meetingTags + more.meetingTags);
    expect(verifyAuditChain(archive).ok).toBe(true);
    expect(archive.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(checkSearchIndex(archive)).toMatchObject({ ok: true, documents: before.meetings + 20 });
  });
});
