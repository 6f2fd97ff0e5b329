import type { ReportKind } from '../../../../contract/reportContract';

/**
 * The Báo cáo screen can be opened for one meeting (`#/reports?meeting=<id>&kind=minutes`): that is how
 * a meeting's "In / Xuất" button lands on it. The router ignores the query; this screen reads it.
 */
export function reportsHref(meetingId: string, kind: ReportKind = 'conclusion'): string {
  return `#/reports?meeting=${encodeURIComponent(meetingId)}&kind=${kind}`;
}

const KINDS: readonly string[] = ['conclusion', 'minutes', 'attendance', 'photos', 'period'];

export function readReportLink(hash: string): { meetingId: string | null; kind: ReportKind | null } {
  const query = hash.split('?')[1] ?? '';
  const params = new URLSearchParams(query);
  const kind = params.get('kind');
  return { meetingId: params.get('meeting'), kind: kind && KINDS.includes(kind) ? (kind as ReportKind) : null };
}

/** Folding for finding a meeting by a title typed without marks ("hoi nghi" finds "Hội nghị"). */
export function foldForFilter(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
