// The demo's random choices that shape a meeting before it is written: who chairs, the day, the hours
// and the documents it cites. Every draw comes from the run's seeded Rng, in a fixed order.

import type { Rng } from './random';
import { dayNumber, daysInMonth, weekday, ymd, pad2 } from './calendar';
import type { DemoPerson, Directory } from './directory';
import { matchesGroups, type DocDraft } from './meetingDraft';
import { CHAIR_BODY_WEIGHTS, DOCUMENT_KINDS, type BodyKey, type Group } from './vocabulary';

export type Pickers = ReturnType<typeof createPickers>;

export function createPickers(rng: Rng, dir: Directory, startDay: number, todayDay: number) {
const chairBodies = [...dir.chairsByBody.keys()];
/** A chair, by how often each body convenes; the ministry only leads its own visits (main chair). */
const pickChair = (exclude?: BodyKey, only?: readonly BodyKey[], central = false): DemoPerson | null => {
  const bodies = chairBodies.filter(
    (b) => b !== exclude && (central || b !== 'trung_uong') && (!only || only.includes(b)),
  );
  if (bodies.length === 0) return null;
  const body = rng.weighted(bodies, (b) => CHAIR_BODY_WEIGHTS[b]);
  // The top of a body chairs most of its meetings; deputies take the rest.
  return rng.weighted(dir.chairsByBody.get(body)!, (p) => (p.seniority - 3) ** 2);
};

const pickDate = (months?: readonly number[]): number | null => {
  const adjust = (day: number) => {
    const wd = weekday(day);
    if (wd === 0) return day - 2; // Sunday → Friday
    if (wd === 6 && !rng.chance(0.1)) return day - 1; // most Saturdays → Friday
    return day;
  };
  if (!months) return Math.max(startDay, adjust(rng.int(startDay, todayDay)));
  const first = ymd(startDay).y;
  const last = ymd(todayDay).y;
  for (let attempt = 0; attempt < 30; attempt++) {
    const y = rng.int(first, last);
    const m = rng.pick(months);
    const day = adjust(dayNumber(y, m, rng.int(1, daysInMonth(y, m))));
    if (day >= startDay && day <= todayDay) return day;
  }
  return null;
};

const pickTimes = (kind: string): { start: number; end: number } | null => {
  if (rng.chance(0.15)) return null; // only the date is known
  if ((kind === 'Hội nghị' || kind === 'Tổng kết' || kind === 'Hội thảo') && rng.chance(0.2)) {
    return rng.chance(0.5) ? { start: 7 * 60 + 30, end: 16 * 60 + 30 } : { start: 8 * 60, end: 17 * 60 };
  }
  const morning = rng.chance(0.62);
  const start = morning
    ? rng.pick([450, 450, 480, 480, 510, 540, 570, 600])
    : rng.pick([810, 840, 840, 870, 900, 930]);
  const limit = morning ? 11 * 60 + 45 : 17 * 60 + 30;
  const end = Math.max(start + 30, Math.min(start + rng.int(4, 14) * 15, limit));
  return { start, end };
};

const pickDoc = (
  meetingDay: number,
  groups: readonly Group[],
  topic: string,
  yearsAgo?: number,
): DocDraft => {
  const lasting = ['Nghị quyết', 'Chỉ thị', 'Kết luận', 'Chương trình', 'Nghị định'];
  let kinds = DOCUMENT_KINDS.filter(
    (k) => matchesGroups(k, groups) && (yearsAgo === undefined || lasting.includes(k.docType)),
  );
  if (kinds.length === 0) kinds = DOCUMENT_KINDS.slice();
  const kind = rng.weighted(kinds, (k) => k.weight);
  let issuedDay: number;
  if (yearsAgo !== undefined) {
    const y = ymd(meetingDay).y - yearsAgo;
    issuedDay = dayNumber(y, rng.int(1, 12), rng.int(1, 28));
  } else {
    issuedDay = meetingDay - rng.int(10, 900);
  }
  issuedDay -= weekday(issuedDay) === 0 ? 2 : weekday(issuedDay) === 6 ? 1 : 0;
  const n = pad2(rng.int(1, kind.maxNumber));
  const year = ymd(issuedDay).y;
  const number =
    kind.style === 'party'
      ? `${n}-${kind.code}`
      : kind.withYear
        ? `${n}/${year}/${kind.code}`
        : `${n}/${kind.code}`;
  return { kind, number, issuedDay, summary: `Về ${topic}` };
};

  return { pickChair, pickDate, pickTimes, pickDoc };
}
