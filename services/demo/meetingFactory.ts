// The demo's meeting factory: one realistic meeting draft at a time (title, people, minutes,
// conclusions, photos, documents, tags), ready for generate.ts to write.

import type { Rng } from './random';
import type { DemoImage } from './images';
import { DAY_MS, dayNumber, daysInMonth, hhmm, instant, isoDate, pad2, weekday, ymd } from './calendar';
import { newId } from './ids';
import { type Vars, capitalize, fill, lowerFirst } from './templates';
import { type DemoPerson, type Directory, intro, personAt, shortRef } from './directory';
import {
  ABSENCE_REASONS,
  ACHIEVEMENTS,
  ACTIONS,
  ACTORS,
  ASSIGNEE_UNITS,
  BODY_GROUPS,
  BODY_PARAGRAPHS,
  CAPTIONS,
  CHAIR_BODY_WEIGHTS,
  CLOSINGS,
  DIRECTIVES,
  DOCUMENT_KINDS,
  EFFORTS,
  FIELDS,
  KIND_NOUNS,
  KIND_WEIGHTS,
  LOCATIONS,
  OBJECTS,
  OPENINGS,
  OTHER_SOURCES,
  PERIODS,
  PERSON_CAPTIONS,
  PERSON_TASK_CONCLUSIONS,
  PLAIN_CONCLUSIONS,
  PURPOSES,
  REPORT_TO,
  REPORTERS,
  SHORTCOMINGS,
  TAGS,
  TASK_CONCLUSIONS,
  THEMES,
  TITLE_TEMPLATES,
  TOPICS,
  type BodyKey,
  type DocumentKind,
  type Group,
  type Province,
  type Subject,
  type TitleTemplate,
} from './vocabulary';

type Role = 'chu_tri' | 'dong_chu_tri' | 'thu_ky' | 'dai_bieu' | 'khach_moi';
type AttendanceStatus = 'co_mat' | 'vang_co_ly_do' | 'vang' | 'den_muon';
type TaskStatus = 'chua_lam' | 'dang_lam' | 'hoan_thanh';

interface AttendanceDraft {
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

interface DocDraft {
  kind: DocumentKind;
  number: string;
  issuedDay: number;
  summary: string;
}

const docShort = (d: DocDraft) => `${d.kind.docType} số ${d.number} của ${d.kind.issuer}`;
const docFull = (d: DocDraft) => {
  const { y, m, d: dd } = ymd(d.issuedDay);
  // Texts write document dates as "ngày 9-9-2022" (no leading zeros).
  return `${d.kind.docType} số ${d.number} ngày ${dd}-${m}-${y} của ${d.kind.issuer}`;
};

function matchesGroups(subject: { groups: readonly Group[] }, groups: readonly Group[]): boolean {
  return subject.groups.some((g) => groups.includes(g));
}

export function createMeetingFactory(
  rng: Rng,
  province: Province,
  dir: Directory,
  images: DemoImage[],
  startDay: number,
  todayDay: number,
  nowMs: number,
) {
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

  const kindWeights = KIND_WEIGHTS;

  // Subjects without a date in them can stand as a document's trích yếu issued years earlier.
  const evergreen = TOPICS.filter((t) => !/\{(year|next|month)\}/.test(t.text));
  const organizersOf = (p: DemoPerson) =>
    p.post.organizers ?? [p.post.unit.replace(/(,? tỉnh)? \{tinh\}$/, '')];

  return function nextMeeting(): MeetingDraft {
    // Who chairs comes first: it decides the organizer, the room, the subjects and the title's shape.
    let chair = pickChair(undefined, undefined, true) ?? dir.all[0]!;
    // A delegation from the ministry comes to work with the province; it does not convene its meetings.
    let kind = chair.body === 'trung_uong' ? 'Làm việc' : rng.weighted(kindWeights, ([, w]) => w)[0];

    const fits = (t: TitleTemplate) =>
      t.kind === kind &&
      (!t.bodies || t.bodies.includes(chair.body)) &&
      (!t.groups || t.groups.some((g) => BODY_GROUPS[chair.body].includes(g))) &&
      (t.minSeniority === undefined || chair.seniority >= t.minSeniority);
    let candidates = TITLE_TEMPLATES.filter(fits);
    if (candidates.length === 0) {
      kind = 'Cuộc họp';
      candidates = TITLE_TEMPLATES.filter(fits);
    }
    let template = rng.weighted(candidates, (t) => t.weight ?? 1);
    let day = pickDate(template.months);
    if (day === null) {
      template = rng.weighted(
        candidates.filter((t) => !t.months),
        (t) => t.weight ?? 1,
      );
      day = pickDate();
    }
    const meetingDay = day ?? todayDay;
    const { y: year, m: month, d: dom } = ymd(meetingDay);
    const quarter = Math.ceil(month / 3);

    // The other side of a working session co-chairs it; the higher body is named first ("A làm việc với B").
    let partner: DemoPerson | null = null;
    if (template.partner) partner = pickChair(chair.body, template.partnerBodies);
    if (
      partner &&
      !template.bodies &&
      partner.level * 20 + partner.seniority > chair.level * 20 + chair.seniority
    ) {
      [chair, partner] = [partner, chair];
    }
    const groups = BODY_GROUPS[chair.body];
    const allGroups = partner ? [...new Set([...groups, ...BODY_GROUPS[partner.body]])] : groups;

    const subject = (list: readonly Subject[]) => {
      const matching = list.filter((s) => matchesGroups(s, allGroups));
      return rng.pick(matching.length ? matching : list);
    };
    const topic = subject(TOPICS);
    const field = subject(FIELDS);
    const theme = subject(THEMES);
    const district = chair.district ?? partner?.district ?? rng.pick(province.districts);
    const k = template.doc?.yearsAgo ? rng.pick(template.doc.yearsAgo) : rng.int(2, 5);
    const organizer = fill(rng.pick(organizersOf(chair)), chair.vars);
    const organizer2 = partner ? fill(organizersOf(partner)[0]!, partner.vars) : '';
    const locationBody = template.atDistrict
      ? 'huyen'
      : partner && rng.chance(0.5)
        ? partner.body
        : chair.body;
    const locationVars = locationBody === partner?.body ? partner.vars : chair.vars;
    const location = fill(rng.pick(LOCATIONS[locationBody]), { ...locationVars, huyen: district });

    const base: Vars = {
      tinh: province.name,
      qk: province.militaryRegion,
      huyen: district,
      year,
      month,
      quarter,
      next: year + 1,
      reportYear: month === 1 ? year - 1 : year,
      n: rng.int(2, 28),
      k,
      qdnd: year - 1944,
      qpnd: year - 1989,
      bdbp: year - 1959,
      dqtv: year - 1935,
      org: organizer,
      org2: organizer2,
    };
    const topicText = fill(topic.text, base);

    const docs: DocDraft[] = [];
    const docCount = template.doc ? rng.int(1, 3) : rng.weighted([0, 1, 2, 3], (n) => [40, 35, 17, 8][n]!);
    for (let i = 0; i < docCount; i++) {
      const yearsAgo = i === 0 && template.doc?.yearsAgo ? k : undefined;
      const about = i === 0 && evergreen.includes(topic) ? topic : rng.pick(evergreen);
      docs.push(pickDoc(meetingDay, allGroups, fill(about.text, base), yearsAgo));
    }

    const titleVars: Vars = {
      ...base,
      topic: topicText,
      field: fill(field.text, base),
      theme: fill(theme.text, base),
      doc: docs[0] ? docShort(docs[0]) : '',
    };
    const title = fill(template.text, titleVars).replace(/\s+/g, ' ');
    const subjectText = template.subject ? fill(template.subject, titleVars) : topicText;

    // --- attendance
    const taken = new Set<string>([chair.id]);
    const drafts: AttendanceDraft[] = [];
    const twoSides = partner !== null && kind === 'Làm việc';
    drafts.push({
      person: chair,
      role: partner ? (twoSides ? 'dong_chu_tri' : 'chu_tri') : 'chu_tri',
      status: 'co_mat',
      absenceReason: '',
    });
    if (partner) {
      taken.add(partner.id);
      drafts.push({ person: partner, role: 'dong_chu_tri', status: 'co_mat', absenceReason: '' });
    } else if (rng.chance(0.08)) {
      const co = pickChair(chair.body);
      if (co && !taken.has(co.id) && Math.abs(co.level - chair.level) <= 1) {
        taken.add(co.id);
        drafts.push({ person: co, role: 'dong_chu_tri', status: 'co_mat', absenceReason: '' });
      }
    }
    const leads = partner ? [chair, partner] : [chair];
    const meetingLevel = Math.max(...leads.map((p) => p.level));
    // Who can sit in: not someone already listed, not a superior of a chair in the chair's own body (they
    // would be chairing), and people within one level (a commune chairman rarely sits with a general).
    // At most two outsiders clearly senior to the chair: a meeting is not a parade of the province's leaders.
    let seniorGuests = 0;
    const fitsIn = (p: DemoPerson) =>
      !taken.has(p.id) &&
      Math.abs(p.level - meetingLevel) <= 1 &&
      !leads.some((l) => l.body === p.body && l.district === p.district && p.seniority > l.seniority) &&
      (seniorGuests < 2 || p.level * 20 + p.seniority <= chair.level * 20 + chair.seniority + 1);
    const tryPick = (
      list: readonly DemoPerson[] | undefined,
      ok: (p: DemoPerson) => boolean = fitsIn,
    ): DemoPerson | null => {
      if (!list || list.length === 0) return null;
      for (let attempt = 0; attempt < 8; attempt++) {
        const p = rng.pick(list);
        if (ok(p)) return p;
      }
      return null;
    };
    const clerkOk = (p: DemoPerson) => !taken.has(p.id);
    const secretaryHome = chair.district
      ? dir.byDistrict.get(chair.district)?.filter((p) => p.post.clerk)
      : undefined;
    const secretary =
      tryPick(secretaryHome, clerkOk) ??
      tryPick(dir.clerksByBody.get(chair.body), clerkOk) ??
      tryPick(dir.clerks, clerkOk) ??
      tryPick(dir.all, clerkOk);
    if (secretary) taken.add(secretary.id);
    const others = rng.int(4, 14);
    const delegates: AttendanceDraft[] = [];
    for (let i = 0; delegates.length < others && i < others * 6; i++) {
      const r = rng.next();
      let person: DemoPerson | null;
      if (r < 0.5) {
        const lead = rng.pick(leads);
        person = tryPick(
          lead.district && rng.chance(0.7) ? dir.byDistrict.get(lead.district) : dir.byBody.get(lead.body),
        );
      } else if (r < 0.58) {
        person = tryPick(dir.guests);
      } else {
        person = tryPick(dir.all);
      }
      if (!person) continue;
      taken.add(person.id);
      if (person.level * 20 + person.seniority > chair.level * 20 + chair.seniority + 1) seniorGuests++;
      const outsider = !leads.some((l) => l.body === person.body);
      const role: Role =
        outsider &&
        (person.level > meetingLevel || person.seniority > chair.seniority || (outsider && rng.chance(0.1)))
          ? 'khach_moi'
          : 'dai_bieu';
      const s = rng.next();
      const status: AttendanceStatus =
        s < 0.86 ? 'co_mat' : s < 0.94 ? 'vang_co_ly_do' : s < 0.985 ? 'den_muon' : 'vang';
      delegates.push({
        person,
        role,
        status,
        absenceReason: status === 'vang_co_ly_do' ? rng.pick(ABSENCE_REASONS) : '',
      });
    }
    // A small directory may run out of fitting people: fill up with anyone not yet listed.
    for (const person of rng.sample(dir.all, dir.all.length)) {
      if (delegates.length >= others) break;
      if (taken.has(person.id)) continue;
      taken.add(person.id);
      delegates.push({
        person,
        role: leads.some((l) => l.body === person.body) ? 'dai_bieu' : 'khach_moi',
        status: 'co_mat',
        absenceReason: '',
      });
    }
    // Protocol order: chairs, then by level and seniority (guests before the body's own at equal rank),
    // the secretary last.
    const rankOf = (a: AttendanceDraft) =>
      a.person.level * 20 + a.person.seniority + (a.role === 'khach_moi' ? 0.5 : 0);
    delegates.sort((a, b) => rankOf(b) - rankOf(a));
    drafts.push(...delegates);
    if (secretary) drafts.push({ person: secretary, role: 'thu_ky', status: 'co_mat', absenceReason: '' });

    const chairs = drafts
      .filter((a) => a.role === 'chu_tri' || a.role === 'dong_chu_tri')
      .map((a) => a.person);
    const present = delegates
      .filter((a) => a.status === 'co_mat' || a.status === 'den_muon')
      .map((a) => a.person);
    // Speeches and reports come from leaders, not from the staff who sit in.
    const seniorPresent = present.filter((p) => p.seniority >= 3);
    const speakers = seniorPresent.length ? seniorPresent : chairs;

    // --- times, created/updated instants
    const times = pickTimes(kind);
    const kn = KIND_NOUNS[kind] ?? 'cuộc họp';
    const startMinutes = times?.start ?? 8 * 60;
    const endMinutes = times?.end ?? 11 * 60;
    const recorded = Math.min(
      nowMs,
      instant(meetingDay + rng.int(0, 3), Math.min(endMinutes + rng.int(20, 240), 23 * 60)),
    );
    const ageDays = todayDay - meetingDay;
    const finalized = rng.chance(ageDays > 30 ? 0.35 : 0.05);
    const updatedAt = Math.min(
      nowMs,
      recorded + (finalized ? rng.int(1, 6) * DAY_MS : rng.int(0, 2) * DAY_MS) + rng.int(0, 300) * 60_000,
    );

    // --- text vars (functions: each use draws afresh)
    // Phrases are dealt from a shuffled deck per meeting, so one record does not say the same thing twice
    // ("đề nghị X; đồng thời X") until the list runs out.
    const deck = <T>(list: readonly T[]) => {
      let pile: T[] = [];
      return (): T => {
        if (pile.length === 0) pile = rng.sample(list, list.length);
        return pile.pop()!;
      };
    };
    const achievements = deck(ACHIEVEMENTS);
    const shortcomings = deck(SHORTCOMINGS);
    const directives = deck(DIRECTIVES);
    const actors = deck(ACTORS);
    const efforts = deck(EFFORTS);
    const periods = deck(PERIODS);
    const objects = deck(OBJECTS);
    const purposes = deck(PURPOSES);
    const docDeck = deck(docs);
    const speakerDeck = deck(speakers);
    const pct = () => `${rng.int(88, 99)},${rng.int(0, 9)}`;
    const vars: Vars = {
      ...base,
      topic: topicText,
      topic2: () => fill(subject(TOPICS).text, base),
      kn,
      when: times
        ? `${times.start < 12 * 60 ? 'Sáng' : 'Chiều'} ${dom}/${month}`
        : `Ngày ${dom}/${month}/${year}`,
      when_lower: () => lowerFirst(String(vars.when)),
      location,
      subject: subjectText,
      purpose: () => fill(purposes(), vars),
      chairs: () => {
        const lead =
          chairs.length === 1
            ? `${capitalize(intro(chairs[0]!, meetingDay))} chủ trì ${kn}.`
            : `${capitalize(intro(chairs[0]!, meetingDay))} và ${intro(chairs[1]!, meetingDay)} đồng chủ trì ${kn}.`;
        const notable = present.filter((p) => p.seniority >= 6).slice(0, 3);
        return notable.length && rng.chance(0.7)
          ? `${lead} Dự ${kn} có các đồng chí: ${notable.map((p) => intro(p, meetingDay, true)).join('; ')}.`
          : lead;
      },
      chairShort: shortRef(chairs[0]!, meetingDay),
      speaker: () => intro(speakerDeck(), meetingDay),
      actor: actors,
      effort: efforts,
      achievement: () => fill(achievements(), vars),
      achievement2: () => fill(achievements(), vars),
      shortcoming: shortcomings,
      shortcoming2: shortcomings,
      directive: () => fill(directives(), vars),
      directive2: () => fill(directives(), vars),
      period: () => fill(periods(), vars),
      period_lower: () => lowerFirst(fill(periods(), vars)),
      quarterWords: `quý ${quarter} năm ${year}`,
      pct,
      growth: () => `${rng.int(5, 9)},${rng.int(0, 9)}`,
      dq: () => `1,${rng.int(2, 9)}`,
      cases: () => String(rng.int(3, 40)),
      docAbout: () => {
        const d = docDeck();
        return `${docFull(d)} ${lowerFirst(d.summary)}`;
      },
      docShort: () => docShort(docDeck()),
      reportTo: () => rng.pick(REPORT_TO),
      x: () => fill(objects(), vars),
    };

    // --- minutes: opening, 1–6 body paragraphs, closing
    const bodyChoices = BODY_PARAGRAPHS.filter((p) => docs.length > 0 || !p.includes('{doc'));
    const paragraphs = [
      fill(rng.pick(OPENINGS), vars),
      ...rng.sample(bodyChoices, rng.int(1, 6)).map((p) => fill(p, vars)),
      fill(rng.pick(CLOSINGS), vars),
    ];
    const minutesText = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n');

    // --- conclusions
    const conclusionCount = rng.int(3, 7);
    const plain = rng.sample(PLAIN_CONCLUSIONS.slice(1), PLAIN_CONCLUSIONS.length - 1);
    const conclusions: MeetingDraft['conclusions'] = [];
    const createdAt = recorded;
    for (let i = 0; i < conclusionCount; i++) {
      const first = i === 0;
      const isTask = !first && (rng.chance(0.5) || plain.length === 0);
      if (!isTask) {
        const text = fill(first ? PLAIN_CONCLUSIONS[0]! : plain.shift()!, vars);
        conclusions.push({
          id: newId(),
          text,
          isTask: false,
          assigneePersonId: null,
          assigneeUnit: '',
          deadline: null,
          taskStatus: null,
          doneAt: null,
        });
        continue;
      }
      const deadlineDay = meetingDay + rng.int(7, 120);
      const { y: dy, m: dm, d: dd } = ymd(deadlineDay);
      const deadlineText = `${dd}/${dm}/${dy}`;
      const candidates = present.filter((p) => p.seniority >= 3);
      let text: string;
      let assigneePersonId: string | null = null;
      let assigneeUnit: string;
      if (candidates.length && rng.chance(0.25)) {
        const person = rng.pick(candidates);
        assigneePersonId = person.id;
        assigneeUnit = person.unit;
        text = fill(rng.pick(PERSON_TASK_CONCLUSIONS), {
          ...vars,
          person: lowerFirst(intro(person, meetingDay)),
          personName: person.fullName,
          deadline: deadlineText,
        });
      } else {
        const units = ASSIGNEE_UNITS.filter((u) => province.border || !u.includes('Biên phòng'));
        const [assignee, partnerUnit] = rng.sample(units, 2).map((u) => fill(u, base));
        assigneeUnit = assignee!;
        text = fill(rng.pick(TASK_CONCLUSIONS), {
          ...vars,
          assignee: assigneeUnit,
          partner: partnerUnit!,
          action: () => fill(rng.pick(ACTIONS), vars),
          deadline: deadlineText,
        });
      }
      const overdue = deadlineDay < todayDay;
      const s = rng.next();
      const taskStatus: TaskStatus = overdue
        ? s < 0.78
          ? 'hoan_thanh'
          : s < 0.9
            ? 'dang_lam'
            : 'chua_lam'
        : s < 0.15
          ? 'hoan_thanh'
          : s < 0.6
            ? 'dang_lam'
            : 'chua_lam';
      let doneAt: number | null = null;
      if (taskStatus === 'hoan_thanh') {
        const doneDay = Math.min(
          todayDay,
          rng.int(meetingDay + 1, deadlineDay + (rng.chance(0.15) ? 10 : 0)),
        );
        doneAt = Math.min(nowMs, instant(doneDay, rng.int(8 * 60, 17 * 60)));
      }
      conclusions.push({
        id: newId(),
        text,
        isTask: true,
        assigneePersonId,
        assigneeUnit,
        deadline: isoDate(deadlineDay),
        taskStatus,
        doneAt,
      });
    }

    // --- byline and photos
    const b = rng.next();
    let source: string;
    let photographer: string;
    if (b < 0.55) {
      photographer = rng.pick(REPORTERS);
      source = `Tin, ảnh: ${photographer}`;
    } else if (b < 0.7) {
      const [writer, shooter] = rng.sample(REPORTERS, 2);
      photographer = shooter!;
      source = `Tin: ${writer!}; ảnh: ${shooter!}`;
    } else if (b < 0.8) {
      const [one, two] = rng.sample(REPORTERS, 2);
      photographer = `${one!} - ${two!}`;
      source = `Tin, ảnh: ${photographer}`;
    } else {
      photographer = rng.pick(REPORTERS);
      source = rng.pick(OTHER_SOURCES);
    }
    const photoCount = rng.weighted([0, 1, 2, 3], (n) => [15, 30, 30, 25][n]!);
    const photos: MeetingDraft['photos'] = [];
    const plainCaptions = rng.sample(CAPTIONS, CAPTIONS.length);
    const speechCaptions = rng.sample(PERSON_CAPTIONS, PERSON_CAPTIONS.length);
    const pictured = new Set<string>();
    for (let i = 0; i < photoCount; i++) {
      let caption: string;
      const people: string[] = [];
      const who = i === 0 ? null : rng.chance(0.5) ? rng.pick(i === 1 ? chairs : speakers) : null;
      if (who && !pictured.has(who.id) && speechCaptions.length) {
        pictured.add(who.id);
        people.push(who.id);
        caption = fill(speechCaptions.shift()!, { kn, who: capitalize(intro(who, meetingDay)) });
      } else {
        caption = fill(plainCaptions.shift() ?? 'Quang cảnh {kn}.', { kn });
      }
      photos.push({
        id: newId(),
        image: rng.pick(images),
        caption,
        credit: `Ảnh: ${photographer}`,
        takenAt: instant(meetingDay, startMinutes + 10 * i + rng.int(0, 9)),
        people,
      });
    }

    // --- tags: the subject's own first, then a random one now and then
    const tagCount = rng.weighted([0, 1, 2, 3], (n) => [20, 35, 30, 15][n]!);
    const tagPool = [
      ...new Set([
        ...rng.sample(topic.tags, topic.tags.length),
        ...(kind === 'Hội thảo' ? theme.tags : field.tags),
      ]),
    ];
    const tags = tagPool.slice(0, tagCount);
    if (tags.length < tagCount) {
      const extra = rng.pick(TAGS);
      if (!tags.includes(extra)) tags.push(extra);
    }

    return {
      id: newId(),
      title,
      kind,
      meetingDate: isoDate(meetingDay),
      startTime: times ? hhmm(times.start) : null,
      endTime: times ? hhmm(times.end) : null,
      location,
      organizer: partner ? `${organizer}; ${organizer2}` : organizer,
      status: finalized ? 'finalized' : 'draft',
      secrecy: groups.includes('military') && rng.chance(0.04) ? 'mat' : 'thuong',
      minutesText,
      source,
      createdAt,
      updatedAt,
      attendance: drafts.map((a) => {
        const at = personAt(a.person, meetingDay);
        return { ...a, id: newId(), rank: at.rank, titles: at.titles, unit: a.person.unit };
      }),
      conclusions,
      photos,
      documentRefs: docs.map((d) => ({
        id: newId(),
        number: d.number,
        docType: d.kind.docType,
        issuedOn: isoDate(d.issuedDay),
        issuer: d.kind.issuer,
        summary: d.summary,
      })),
      tags,
    };
  };
}
