// What the demo's meeting factory makes: one meeting record as plain data (generate.ts writes it), and
// the document references its texts cite.

import type { DemoImage } from './images';
import { ymd } from './calendar';
import type { DemoPerson } from './directory';
import type { DocumentKind, Group } from './vocabulary';

export type Role = 'chu_tri' | 'dong_chu_tri' | 'thu_ky' | 'dai_bieu' | 'khach_moi';
export type AttendanceStatus = 'co_mat' | 'vang_co_ly_do' | 'vang' | 'den_muon';
export type TaskStatus = 'chua_lam' | 'dang_lam' | 'hoan_thanh';

export interface AttendanceDraft {
  person: DemoPerson;
  role: Role;
  status: AttendanceStatus;
  absenceReason: string;
}

export interface MeetingDraft {
  id: string;
  title: string;
  kind: string;
  meetingDate: string;
  startTime: string | null;
  endTime: string | null;
  location: string;
  organizer: string;
  status: 'draft' | 'finalized';
  secrecy: 'thuong' | 'mat';
  minutesText: string;
  source: string;
  createdAt: number;
  updatedAt: number;
  attendance: (AttendanceDraft & { id: string; rank: string; titles: string; unit: string })[];
  conclusions: {
    id: string;
    text: string;
    isTask: boolean;
    assigneePersonId: string | null;
    assigneeUnit: string;
    deadline: string | null;
    taskStatus: TaskStatus | null;
    doneAt: number | null;
  }[];
  photos: {
    id: string;
    image: DemoImage;
    caption: string;
    credit: string;
    takenAt: number;
    people: string[];
  }[];
  documentRefs: {
    id: string;
    number: string;
    docType: string;
    issuedOn: string;
    issuer: string;
    summary: string;
  }[];
  tags: string[];
}

export interface DocDraft {
  kind: DocumentKind;
  number: string;
  issuedDay: number;
  summary: string;
}

export const docShort = (d: DocDraft) => `${d.kind.docType} số ${d.number} của ${d.kind.issuer}`;
export const docFull = (d: DocDraft) => {
  const { y, m, d: dd } = ymd(d.issuedDay);
  // Texts write document dates as "ngày 9-9-2022" (no leading zeros).
  return `${d.kind.docType} số ${d.number} ngày ${dd}-${m}-${y} của ${d.kind.issuer}`;
};

export function matchesGroups(subject: { groups: readonly Group[] }, groups: readonly Group[]): boolean {
  return subject.groups.some((g) => groups.includes(g));
}
