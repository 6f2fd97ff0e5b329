import type { Archive } from './open';
import { appendAudit } from './audit';

/**
 * The audit of prints and exports of secret records (Mật, Tối mật, Tuyệt mật): written through the
 * audit chain (audit.ts) like every other change, and read back as the "Sổ theo dõi in, xuất tài liệu
 * mật". Only secret records are logged: clerks print ordinary documents all day, and a log of
 * everything would bury the entries an inspection asks about.
 */

export type SecretLevel = 'mat' | 'toi_mat' | 'tuyet_mat';

/** The document kinds and formats a print entry names (the report kinds of reportContract.ts). */
export interface PrintOutput {
  actor: string;
  /** 'conclusion' | 'minutes' | 'attendance' | 'photos' | 'period'. */
  document: string;
  /** 'pdf' | 'docx' | 'html' | 'print' (the print dialog of the app or browser). */
  format: string;
  meetings: readonly { id: string; title: string; level: SecretLevel }[];
}

/**
 * One entry per secret meeting in the document (a period summary may hold several), in one transaction:
 * either every meeting of the document is logged or none. IMMEDIATE: the write lock is taken before the
 * chain's last hash is read, so the app and a `hoso report` at the same moment cannot both link to it. The title and level are written as they were
 * at the time, since both can change later.
 */
export function recordSecretPrint(archive: Archive, out: PrintOutput, now: number = Date.now()): number {
  if (!out.meetings.length) return 0;
  archive.sqlite
    .transaction(() => {
      for (const m of out.meetings)
        appendAudit(
          archive,
          {
            actor: out.actor,
            action: 'print',
            entity: 'meeting',
            entityId: m.id,
            after: { document: out.document, format: out.format, level: m.level, title: m.title },
          },
          now,
        );
    })
    .immediate();
  return out.meetings.length;
}

export interface SecretLogEntry {
  seq: number;
  at: number;
  /** Local calendar day and clock time of `at` (the PC's time zone, as the clerk lived it). */
  day: string;
  time: string;
  action: 'print' | 'export';
  meetingId: string;
  title: string;
  level: SecretLevel;
  /** print: the report kind; export: 'archive'. */
  document: string;
  /** print: pdf/docx/html/print; export: 'encrypted' or 'plain'. */
  format: string;
  actor: string;
  /** export: the folder the archive was written to; print: ''. */
  destination: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Local midnight at the start of YYYY-MM-DD (`after` days later), in ms. */
function startOfDay(iso: string, after = 0): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + after).getTime();
}

/** The folder of a written path, Windows or POSIX ("E:\\hoso-VP-…" → "E:\\"). */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  const folder = path.slice(0, cut);
  return folder === '' || /^[A-Za-z]:$/.test(folder) ? path.slice(0, cut + 1) : folder;
}

const LEVELS = new Set<string>(['mat', 'toi_mat', 'tuyet_mat']);

/**
 * Prints and exports of secret meetings between two local days (inclusive), oldest first. Entries
 * written by the export (exportArchive.ts: `{ path, encrypted }`) carry no title or level: those come
 * from the meeting as it is now. A meeting since lowered to Thường still shows its prints, at the level
 * they were logged with; an export of a meeting since lowered is shown at 'mat' at least, since the
 * export only logs meetings that were secret.
 */
export function listSecretLog(
  archive: Pick<Archive, 'sqlite'>,
  range: { from: string; to: string },
): SecretLogEntry[] {
  const rows = archive.sqlite
    .prepare(
      `SELECT a.seq, a.at, a.actor, a.action, a.entity_id AS meetingId, a.after, m.title AS currentTitle, m.secrecy AS currentLevel
       FROM audit_log a LEFT JOIN meetings m ON m.id = a.entity_id
       WHERE a.entity = 'meeting' AND a.action IN ('print', 'export') AND a.at >= @start AND a.at < @end
       ORDER BY a.seq`,
    )
    .all({ start: startOfDay(range.from), end: startOfDay(range.to, 1) }) as {
    seq: number;
    at: number;
    actor: string;
    action: 'print' | 'export';
    meetingId: string;
    after: string | null;
    currentTitle: string | null;
    currentLevel: string | null;
  }[];
  return rows.map((r) => {
    const after = (r.after ? JSON.parse(r.after) : {}) as {
      document?: string;
      format?: string;
      level?: string;
      title?: string;
      path?: string;
      encrypted?: boolean;
    };
    const when = new Date(r.at);
    const level = (
      LEVELS.has(after.level ?? '') ? after.level : LEVELS.has(r.currentLevel ?? '') ? r.currentLevel : 'mat'
    ) as SecretLevel;
    const isExport = r.action === 'export';
    return {
      seq: r.seq,
      at: r.at,
      day: localDay(when),
      time: `${pad(when.getHours())}:${pad(when.getMinutes())}`,
      action: r.action,
      meetingId: r.meetingId,
      title: after.title ?? r.currentTitle ?? '',
      level,
      document: isExport ? 'archive' : (after.document ?? ''),
      format: isExport ? (after.encrypted ? 'encrypted' : 'plain') : (after.format ?? ''),
      actor: r.actor,
      destination: isExport && after.path ? folderOf(after.path) : '',
    };
  });
}
