import type { Archive } from '../../db/open';
import type { Secrecy, Settings } from '../../contract/contract';
import { outgoingNumber } from '../../db/register';
import { periodRows } from '../../db/periodSummaryQueries';
import { monthOf, shortDate } from './dates';
import { LAYOUTS } from './layout';
import type { Block, DocumentVariant, ReportDoc } from './model';

/**
 * Báo cáo tổng hợp: the meetings of a date range with their chairs, attendance, key conclusions and the
 * state of their tasks, in sections by month or by kind, with totals. Read in a handful of set-based
 * queries (db/periodSummaryQueries.ts) so a year of meetings prints in seconds.
 */

export interface PeriodMeeting {
  id: string;
  title: string;
  kind: string;
  date: string;
  /** Độ mật: the summary is marked with the highest level among its meetings (build.ts). */
  secrecy: Secrecy;
  chairs: string[];
  attendees: number;
  present: number;
  conclusions: string[];
}

export interface TaskCounts {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  cancelled: number;
  overdue: number;
}

export interface PeriodData {
  from: string;
  to: string;
  meetings: PeriodMeeting[];
  conclusionCount: number;
  tasks: TaskCounts;
}

export function loadPeriod(archive: Archive, from: string, to: string, today: string): PeriodData {
  const rows = periodRows(archive, from, to);
  const byId = new Map<string, PeriodMeeting>(rows.meetings.map((m) => [m.id, { ...m, chairs: [], attendees: 0, present: 0, conclusions: [] }]));
  for (const c of rows.chairs) byId.get(c.meetingId)?.chairs.push([c.rank.trim(), c.name.trim()].filter(Boolean).join(' '));
  for (const c of rows.attendance) {
    const m = byId.get(c.meetingId);
    if (m) Object.assign(m, { attendees: c.total, present: c.present });
  }
  const tasks: TaskCounts = { total: 0, done: 0, inProgress: 0, notStarted: 0, cancelled: 0, overdue: 0 };
  let conclusionCount = 0;
  for (const r of rows.conclusions) {
    conclusionCount++;
    byId.get(r.meetingId)?.conclusions.push(r.text);
    if (!r.isTask) continue;
    tasks.total++;
    if (r.status === 'hoan_thanh') tasks.done++;
    else if (r.status === 'huy') tasks.cancelled++;
    else {
      if (r.status === 'dang_lam') tasks.inProgress++;
      else tasks.notStarted++;
      if (r.deadline && r.deadline < today) tasks.overdue++;
    }
  }
  return { from, to, meetings: [...byId.values()], conclusionCount, tasks };
}

/**
 * Key conclusions in the table: the first one, cut to a line or two, and how many more there are; the
 * full text is in each meeting's notice. Longer cells made the summary of a year run to hundreds of
 * pages of mostly white space.
 */
const KEY_CONCLUSIONS = 1;
const KEY_CHARS = 110;
const cut = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > KEY_CHARS ? `${t.slice(0, KEY_CHARS).replace(/\s+\S*$/, '')}…` : t;
};

const n = (x: number) => x.toLocaleString('vi-VN');
const collator = new Intl.Collator('vi');

export function periodDoc(data: PeriodData, settings: Settings, variant: DocumentVariant, groupBy: 'month' | 'kind', issuedOn: string): ReportDoc {
  const groups = new Map<string, PeriodMeeting[]>();
  for (const m of data.meetings) {
    const key = groupBy === 'month' ? monthOf(m.date) : m.kind;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const keys = [...groups.keys()];
  if (groupBy === 'kind') keys.sort(collator.compare);
  const byKind = new Map<string, number>();
  for (const m of data.meetings) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
  const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
  const attendees = data.meetings.reduce((s, m) => s + m.attendees, 0);
  const t = data.tasks;

  const body: Block[] = [
    {
      kind: 'paragraph',
      runs: [
        `Từ ngày ${shortDate(data.from)} đến ngày ${shortDate(data.to)} có ${n(data.meetings.length)} cuộc họp, hội nghị` +
          (kinds.length ? ` (${kinds.map(([k, c]) => `${k.toLocaleLowerCase('vi')}: ${n(c)}`).join('; ')})` : '') +
          `, với ${n(attendees)} lượt đại biểu tham dự; ${n(data.conclusionCount)} kết luận, trong đó ${n(t.total)} nhiệm vụ được giao.`,
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        `Tình hình thực hiện nhiệm vụ: hoàn thành ${n(t.done)}; đang thực hiện ${n(t.inProgress)}; chưa thực hiện ${n(t.notStarted)}` +
          `${t.cancelled ? `; hủy ${n(t.cancelled)}` : ''}; quá hạn chưa hoàn thành ${n(t.overdue)}.`,
      ],
    },
  ];
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
  keys.forEach((key, gi) => {
    const list = groups.get(key)!;
    const label = groupBy === 'month' ? `Tháng ${key}` : key;
    const num = roman[gi] ?? String(gi + 1);
    body.push({ kind: 'heading', text: `${num}. ${label.toLocaleUpperCase('vi')} (${n(list.length)} cuộc họp)` });
    body.push({
      kind: 'table',
      compact: true,
      columns: [
        { label: 'STT', width: 7, align: 'center' },
        { label: 'Ngày', width: 13, align: 'center' },
        { label: 'Cuộc họp', width: 27 },
        { label: 'Chủ trì', width: 15 },
        { label: 'Số người dự', width: 9, align: 'center' },
        { label: 'Kết luận chính', width: 29 },
      ],
      rows: list.map((m, i) => [
        String(i + 1),
        shortDate(m.date),
        groupBy === 'month' ? `${m.title} (${m.kind.toLocaleLowerCase('vi')})` : m.title,
        m.chairs.join('; '),
        m.attendees ? `${n(m.present)}/${n(m.attendees)}` : '',
        m.conclusions.slice(0, KEY_CONCLUSIONS).map((c) => `- ${cut(c)}`).join('\n') + (m.conclusions.length > KEY_CONCLUSIONS ? `\n(+${n(m.conclusions.length - KEY_CONCLUSIONS)} kết luận khác)` : ''),
      ]),
      totals: ['', '', `Cộng: ${n(list.length)} cuộc họp`, '', n(list.reduce((s, m) => s + m.attendees, 0)), `${n(list.reduce((s, m) => s + m.conclusions.length, 0))} kết luận`],
    });
  });
  if (!data.meetings.length) body.push({ kind: 'paragraph', runs: ['Trong khoảng thời gian này không có cuộc họp nào được ghi nhận.'] });
  body.push({ kind: 'paragraph', runs: [`Trên đây là báo cáo tổng hợp các cuộc họp, hội nghị từ ngày ${shortDate(data.from)} đến ngày ${shortDate(data.to)}./.`] });

  const agency = settings.issuingAgency.trim();
  return {
    kind: 'period',
    layout: LAYOUTS[variant],
    title: `Báo cáo tổng hợp ${shortDate(data.from)} - ${shortDate(data.to)}`,
    header: {
      parentAgency: settings.parentAgency,
      issuingAgency: settings.issuingAgency,
      number: outgoingNumber(variant, null, 'BC', settings.agencyCode),
      placeName: settings.placeName,
      issuedOn,
      dateLine: true,
    },
    docName: 'BÁO CÁO',
    subject: ['Tổng hợp các cuộc họp, hội nghị', `từ ngày ${shortDate(data.from)} đến ngày ${shortDate(data.to)}`],
    body,
    ending: {
      kind: 'signer',
      signer: { authority: settings.signerAuthority ? `${settings.signerAuthority} ${agency}`.trim() : '', title: settings.signerTitle, name: settings.signerName },
      recipients: ['- Lãnh đạo cơ quan;', '- Lưu: VT.'],
    },
  };
}
