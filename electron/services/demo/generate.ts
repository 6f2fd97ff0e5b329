import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../../../db/open';
import { nameSortKey, viSortKey } from '../../../db/collation';
import { foldVietnamese } from '../../../db/search/fold';
import { appendAudit } from '../../../db/audit';
import { minutesTextToHtml } from '../../../db/richText';
import { indexMeeting } from '../../../db/search/indexer';
import { finalizeMeeting } from '../../../db/finalize';
import { createRng, type Rng } from './random';
import { writeDemoImages, type DemoImage } from './images';
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
  COMMUNES,
  DEPARTMENT_OFFICE_HEADS,
  DEPARTMENTS,
  DIRECTIVES,
  DOCUMENT_KINDS,
  EFFORTS,
  FAMILY_NAMES,
  FIELDS,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  KIND_NOUNS,
  KIND_WEIGHTS,
  LOCATIONS,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  OBJECTS,
  OPENINGS,
  OTHER_SOURCES,
  PERIODS,
  PERSON_CAPTIONS,
  PERSON_TASK_CONCLUSIONS,
  PLAIN_CONCLUSIONS,
  POSTS,
  PROVINCES,
  PURPOSES,
  RANKS,
  REPORT_TO,
  REPORTERS,
  SECOND_MIDDLE_NAMES,
  SHORTCOMINGS,
  TAGS,
  TASK_CONCLUSIONS,
  THEMES,
  TITLE_TEMPLATES,
  TOPICS,
  type BodyKey,
  type DocumentKind,
  type Group,
  type Post,
  type Province,
  type Subject,
  type TitleTemplate,
} from './vocabulary';

export interface DemoOptions {
  /** How many meetings to create. */
  meetings: number;
  /** Same seed, same archive (titles, people, dates, texts); ids and file timestamps still differ. */
  seed?: number;
  /** Meetings per transaction (default 500): each committed batch is complete on its own. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
  /** The clock: "today" (meetings are spread over the years before it) and audit timestamps. */
  now?: () => number;
  /** Name written in the audit log (default "hoso demo"). */
  actor?: string;
  /** How many years back the meetings go (default 8). */
  years?: number;
}

export interface DemoSummary {
  seed: number;
  meetings: number;
  /** People added to the directory. */
  people: number;
  attendance: number;
  conclusions: number;
  /** Conclusions that are tasks. */
  tasks: number;
  photos: number;
  /** Links between photos and the people a caption names. */
  photoPeople: number;
  documentRefs: number;
  /** Tags created (an archive that already had them keeps its own). */
  tags: number;
  meetingTags: number;
  /** Distinct picture files the photo rows share. */
  photoFiles: number;
  batches: number;
  ms: number;
}

// --- Calendar: wall-clock days in Việt Nam (UTC+7), as db/schema/meetings.ts stores them ---------------

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

function dayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}
function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}
function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
const pad2 = (n: number) => String(n).padStart(2, '0');
function isoDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
const weekday = (day: number) => (day + 4) % 7;
/** Local wall-clock time on a day → instant in ms. */
const instant = (day: number, minutes: number) => day * DAY_MS + minutes * 60_000 - VN_OFFSET_MS;
const hhmm = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Ids are minted when the row is written (UUIDv7 of the real clock), not from the record's historical
 * created_at: keys then grow in write order and every primary-key index takes appends at its right edge.
 * Ids made from random past dates land all over the B-trees, and a 100 000-meeting run slowed down as the
 * file grew (random page writes, WAL and checkpoint traffic).
 */
let idPool = Buffer.alloc(0);
let idPoolAt = 0;
function newId(): string {
  // Same layout as db/ids.ts uuidv7 (48-bit ms, version 7, RFC 4122 variant), but the 74 random bits come
  // from a pooled buffer: one crypto call per id was a tenth of a 2-million-row run.
  if (idPoolAt + 10 > idPool.length) {
    idPool = randomBytes(16_384);
    idPoolAt = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  let ts = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  idPool.copy(bytes, 6, idPoolAt, idPoolAt + 10);
  idPoolAt += 10;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// --- Templates ----------------------------------------------------------------------------------------

type VarValue = string | number | (() => string);
type Vars = Record<string, VarValue>;

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * Fills `{key}` placeholders; `{Key}` gives the value with a capital first letter. A function value is
 * called for each occurrence, so "{directive}; {directive}" can say two different things. Values may
 * themselves hold placeholders (a topic naming {year}). An unknown key throws: a template typo must fail
 * the tests, not reach a clerk's screen as "{huyen}".
 */
function fill(template: string, vars: Vars): string {
  let out = template;
  for (let depth = 0; depth < 5 && out.includes('{'); depth++) {
    out = out.replace(/\{(\w+)\}/g, (_m, key: string) => {
      let value = vars[key];
      let upper = false;
      if (value === undefined) {
        const lower = lowerFirst(key);
        value = vars[lower];
        upper = lower !== key;
      }
      if (value === undefined)
        throw new Error(`demo template: unknown placeholder {${key}} in "${template}"`);
      const text = typeof value === 'function' ? value() : String(value);
      return upper ? capitalize(text) : text;
    });
  }
  return out;
}

// --- People -------------------------------------------------------------------------------------------

interface DemoPerson {
  id: string;
  fullName: string;
  rank: string;
  /** Current titles: Party post(s) first, then the post ("Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng …"). */
  titles: string;
  unit: string;
  post: Post;
  body: BodyKey;
  seniority: number;
  /** The filled place/department of the post ({huyen}, {xa}, {so}), for organizers and locations. */
  vars: Vars;
  district: string | null;
  /** 0 commune, 1 district, 2 province, 3 region / ministry: people mostly meet within one level of each other. */
  level: number;
  /** Before this day the person held a lower rank and/or an earlier post. */
  change: { beforeDay: number; rank: string; titles: string } | null;
  createdAt: number;
}

function personAt(p: DemoPerson, day: number): { rank: string; titles: string } {
  if (p.change && day < p.change.beforeDay) return { rank: p.change.rank, titles: p.change.titles };
  return { rank: p.rank, titles: p.titles };
}

/** How a text introduces someone: "Đại tá Trần Văn Hùng, Chỉ huy trưởng …" / "đồng chí Lê Thị Thủy, …". */
function intro(p: DemoPerson, day: number, inList = false): string {
  const { rank, titles } = personAt(p, day);
  const head = rank ? `${rank} ${p.fullName}` : inList ? p.fullName : `đồng chí ${p.fullName}`;
  return titles ? `${head}, ${titles}` : head;
}
const shortRef = (p: DemoPerson, day: number) => {
  const { rank } = personAt(p, day);
  return rank ? `${rank} ${p.fullName}` : `đồng chí ${p.fullName}`;
};

interface Directory {
  all: DemoPerson[];
  byBody: Map<BodyKey, DemoPerson[]>;
  byDistrict: Map<string, DemoPerson[]>;
  chairsByBody: Map<BodyKey, DemoPerson[]>;
  clerksByBody: Map<BodyKey, DemoPerson[]>;
  clerks: DemoPerson[];
  guests: DemoPerson[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function createDirectory(
  rng: Rng,
  province: Province,
  count: number,
  startDay: number,
  todayDay: number,
): Directory {
  const posts = POSTS.filter((p) => province.border || p.body !== 'bien_phong');
  const held = new Map<string, number>();
  const names = new Set<string>();
  const all: DemoPerson[] = [];
  const baseVars: Vars = { tinh: province.name, qk: province.militaryRegion };

  const makeName = (female: boolean): string => {
    let name = '';
    // Real directories do have namesakes, but a demo reads better when a name means one person.
    for (let attempt = 0; attempt < 20; attempt++) {
      const family = rng.weighted(FAMILY_NAMES, ([, w]) => w)[0];
      const middle = rng.pick(female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE);
      const given = rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
      const second = middle === 'Thị' && rng.chance(0.3) ? rng.pick(SECOND_MIDDLE_NAMES) : '';
      if (second === given || middle === given) continue;
      name = [family, middle, second, given].filter(Boolean).join(' ');
      if (!names.has(name)) break;
    }
    names.add(name);
    return name;
  };

  const tryMake = (post: Post): DemoPerson | null => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const district = rng.pick(province.districts);
      const vars: Vars = {
        ...baseVars,
        huyen: district,
        xa: rng.pick(COMMUNES),
        so: rng.pick(DEPARTMENTS),
        phong: rng.pick(DEPARTMENT_OFFICE_HEADS),
      };
      const title = fill(post.title, vars);
      const unit = fill(post.unit, vars);
      const key = `${title}|${unit}`;
      const n = held.get(key) ?? 0;
      if (post.limit !== undefined && n >= post.limit) continue;
      held.set(key, n + 1);

      let rank = '';
      let rankIndex = -1;
      if (post.ranks) {
        const lo = RANKS.indexOf(post.ranks[0]);
        const hi = RANKS.indexOf(post.ranks[1]);
        rankIndex = rng.int(lo, hi);
        rank = RANKS[rankIndex]!;
      }
      // Women are about a third of civil servants, a few percent of officers, rarely generals.
      const female = rng.chance(rankIndex < 0 ? 0.3 : rankIndex < RANKS.indexOf('Thiếu tướng') ? 0.03 : 0);
      const party = post.party ? rng.pick(post.party) : '';
      const titles = [party, title].filter(Boolean).join(', ');
      // Careers move: a share of people were promoted (rank) or appointed (post) during the archive's
      // years, so older meetings list them with what they were *then*.
      let change: DemoPerson['change'] = null;
      const appointed = post.earlier !== undefined && rng.chance(0.35);
      const promoted = rankIndex > 0 && rng.chance(0.3);
      if ((appointed || promoted) && todayDay - startDay > 400) {
        change = {
          beforeDay: rng.int(startDay + 180, todayDay - 60),
          rank: promoted || (appointed && rankIndex > 0) ? RANKS[rankIndex - 1]! : rank,
          titles: appointed ? fill(post.earlier!, vars) : titles,
        };
      }
      const usesDistrict = post.title.includes('{huyen}') || post.unit.includes('{huyen}');
      const level = post.unit.includes('{xa}')
        ? 0
        : usesDistrict
          ? 1
          : post.body === 'quan_khu' || post.body === 'trung_uong'
            ? 3
            : 2;
      const createdAt = instant(startDay - rng.int(1, 90), rng.int(7 * 60 + 30, 16 * 60));
      return {
        id: newId(),
        fullName: makeName(female),
        rank,
        titles,
        unit,
        post,
        body: post.body,
        seniority: post.seniority,
        vars,
        district: usesDistrict ? district : null,
        level,
        change,
        createdAt,
      };
    }
    return null;
  };

  for (const post of posts) {
    for (let i = 0; i < (post.core ?? 0); i++) {
      const p = tryMake(post);
      if (p) all.push(p);
    }
  }
  const fillers = posts.filter((p) => p.weight > 0);
  const fallback = posts.find((p) => p.title === 'Chuyên viên Văn phòng UBND tỉnh')!;
  while (all.length < count) {
    let person: DemoPerson | null = null;
    for (let attempt = 0; attempt < 10 && !person; attempt++)
      person = tryMake(rng.weighted(fillers, (p) => p.weight));
    all.push(person ?? tryMake(fallback)!);
  }

  const dir: Directory = {
    all,
    byBody: new Map(),
    byDistrict: new Map(),
    chairsByBody: new Map(),
    clerksByBody: new Map(),
    clerks: [],
    guests: [],
  };
  for (const p of all) {
    pushTo(dir.byBody, p.body, p);
    if (p.district) pushTo(dir.byDistrict, p.district, p);
    if (p.post.chair) pushTo(dir.chairsByBody, p.body, p);
    if (p.post.clerk) {
      pushTo(dir.clerksByBody, p.body, p);
      dir.clerks.push(p);
    }
    if (p.body === 'quan_khu' || p.body === 'trung_uong' || p.seniority >= 9) dir.guests.push(p);
  }
  return dir;
}

// --- Meetings -----------------------------------------------------------------------------------------

type Role = 'chu_tri' | 'dong_chu_tri' | 'thu_ky' | 'dai_bieu' | 'khach_moi';
type AttendanceStatus = 'co_mat' | 'vang_co_ly_do' | 'vang' | 'den_muon';
type TaskStatus = 'chua_lam' | 'dang_lam' | 'hoan_thanh';

interface AttendanceDraft {
  person: DemoPerson;
  role: Role;
  status: AttendanceStatus;
  absenceReason: string;
}

interface MeetingDraft {
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

function createMeetingFactory(
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

// --- Writing ------------------------------------------------------------------------------------------

/** Page cache during a run, in KiB (SQLite's default is 2 MiB). */
const DEMO_CACHE_KIB = 256 * 1024;
/** WAL pages between automatic checkpoints during a run (default 1000, i.e. about one batch). */
const DEMO_CHECKPOINT_PAGES = 16_384;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills an archive with a realistic synthetic history: a directory of people, meetings over the last
 * years with attendance, minutes, conclusions and tasks, photos, document references and tags.
 *
 * Writes go straight through prepared statements on the raw connection (drizzle's per-row overhead would
 * dominate at 100 000 meetings), one transaction per batch. A batch holds whole meetings with all their
 * rows plus its audit entry, so a run killed half-way leaves a valid, smaller archive. Picture files are
 * stored before the first batch, so no photo row ever points at a missing file.
 */
export async function generateDemo(archive: Archive, opts: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const total = opts.meetings;
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError('demo: meetings must be a whole number ≥ 0');
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 500));
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const clock = opts.now ?? Date.now;
  const actor = opts.actor ?? 'hoso demo';
  const nowMs = clock();
  const todayDay = dayOf(nowMs);
  const startDay = todayDay - Math.round((opts.years ?? 8) * 365.25);

  const summary: DemoSummary = {
    seed,
    meetings: 0,
    people: 0,
    attendance: 0,
    conclusions: 0,
    tasks: 0,
    photos: 0,
    photoPeople: 0,
    documentRefs: 0,
    tags: 0,
    meetingTags: 0,
    photoFiles: 0,
    batches: 0,
    ms: 0,
  };
  if (total === 0) {
    summary.ms = Math.round(performance.now() - started);
    return summary;
  }

  const rng = createRng(seed);
  const province = rng.pick(PROVINCES);
  // Enough people that faces recur across meetings the way they do in one province's offices.
  const peopleCount = Math.min(5000, Math.max(60, Math.ceil(total / 20)));
  const dir = createDirectory(rng, province, peopleCount, startDay, todayDay);
  const images = writeDemoImages(dirname(archive.file));
  summary.photoFiles = new Set(images.map((i) => i.hash)).size;
  const nextMeeting = createMeetingFactory(rng, province, dir, images, startDay, todayDay, nowMs);

  const db = archive.sqlite;
  // A bigger page cache for the run keeps the secondary indexes (by person, by title…) in memory while they
  // take inserts; the connection's own setting comes back afterwards.
  // Checkpointing less often copies each hot page to the file once per many batches rather than once per
  // batch. Neither setting touches durability: synchronous=FULL still syncs every commit.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`cache_size = ${DEMO_CACHE_KIB > Math.abs(cacheSize) ? -DEMO_CACHE_KIB : cacheSize}`);
  db.pragma(`wal_autocheckpoint = ${Math.max(autoCheckpoint, DEMO_CHECKPOINT_PAGES)}`);
  try {
    const insertPerson = db.prepare(
      `INSERT INTO people (id, full_name, name_sort, name_folded, rank, title, unit, notes, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', 1, ?, ?)`,
    );
    const insertTag = db.prepare(
      'INSERT INTO tags (id, name, name_folded, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(name_folded) DO NOTHING',
    );
    const tagIdOf = db.prepare('SELECT id FROM tags WHERE name_folded = ?').pluck();
    const insertMeeting = db.prepare(
      `INSERT INTO meetings (id, title, title_sort, kind, meeting_date, start_time, end_time, location, organizer, status,
       secrecy, minutes_html, minutes_text, source, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const insertAttendance = db.prepare(
      `INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertConclusion = db.prepare(
      `INSERT INTO conclusions (id, meeting_id, position, text, is_task, assignee_person_id, assignee_unit, deadline, task_status,
       done_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhoto = db.prepare(
      `INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, width, height, caption, credit, taken_at, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhotoPerson = db.prepare('INSERT INTO photo_people (photo_id, person_id) VALUES (?, ?)');
    const insertDocument = db.prepare(
      `INSERT INTO document_refs (id, meeting_id, number, doc_type, issued_on, issuer, summary, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMeetingTag = db.prepare('INSERT INTO meeting_tags (meeting_id, tag_id) VALUES (?, ?)');

    const tagIds = new Map<string, string>();
    const writeDirectory = () => {
      for (const p of dir.all) {
        insertPerson.run(
          p.id,
          p.fullName,
          nameSortKey(p.fullName),
          foldVietnamese(p.fullName),
          p.rank,
          p.titles,
          p.unit,
          p.createdAt,
          p.createdAt,
        );
      }
      const tagTime = instant(startDay, 8 * 60);
      for (const name of TAGS) {
        const folded = foldVietnamese(name);
        summary.tags += insertTag.run(newId(), name, folded, tagTime).changes;
        tagIds.set(name, tagIdOf.get(folded) as string);
      }
      summary.people = dir.all.length;
    };

    const writeMeeting = (m: MeetingDraft) => {
      insertMeeting.run(
        m.id,
        m.title,
        viSortKey(m.title),
        m.kind,
        m.meetingDate,
        m.startTime,
        m.endTime,
        m.location,
        m.organizer,
        // Written as a draft: finalized ones are then sealed below by the app's own finalize step.
        'draft',
        m.secrecy,
        minutesTextToHtml(m.minutesText),
        m.minutesText,
        m.source,
        m.createdAt,
        m.updatedAt,
      );
      m.attendance.forEach((a, i) => {
        insertAttendance.run(
          a.id,
          m.id,
          a.person.id,
          a.role,
          a.rank,
          a.titles,
          a.unit,
          a.status,
          a.absenceReason,
          i,
          m.createdAt,
          m.createdAt,
        );
      });
      m.conclusions.forEach((c, i) => {
        insertConclusion.run(
          c.id,
          m.id,
          i,
          c.text,
          c.isTask ? 1 : 0,
          c.assigneePersonId,
          c.assigneeUnit,
          c.deadline,
          c.taskStatus,
          c.doneAt,
          m.createdAt,
          c.doneAt ?? m.createdAt,
        );
        if (c.isTask) summary.tasks++;
      });
      m.photos.forEach((p, i) => {
        insertPhoto.run(
          p.id,
          m.id,
          p.image.hash,
          p.image.mime,
          p.image.byteSize,
          p.image.width,
          p.image.height,
          p.caption,
          p.credit,
          p.takenAt,
          i,
          m.createdAt,
          m.createdAt,
        );
        for (const personId of p.people) insertPhotoPerson.run(p.id, personId);
        summary.photoPeople += p.people.length;
      });
      m.documentRefs.forEach((d, i) => {
        insertDocument.run(
          d.id,
          m.id,
          d.number,
          d.docType,
          d.issuedOn,
          d.issuer,
          d.summary,
          i,
          m.createdAt,
          m.createdAt,
        );
      });
      for (const tag of m.tags) insertMeetingTag.run(m.id, tagIds.get(tag)!);
      // The search index is kept by app code, inside the write's transaction (DESIGN.md §4): a demo meeting
      // is findable, and `hoso check` finds the index in step, from the moment its batch commits.
      indexMeeting(archive, m.id);
      // A finalized demo record carries a real seal and its audit entry, so `hoso check` and the seal
      // check treat it exactly like one a clerk finalized.
      if (m.status === 'finalized') finalizeMeeting(archive, m.id, 1, actor, m.updatedAt);
      summary.meetings++;
      summary.attendance += m.attendance.length;
      summary.conclusions += m.conclusions.length;
      summary.photos += m.photos.length;
      summary.documentRefs += m.documentRefs.length;
      summary.meetingTags += m.tags.length;
    };

    const writeBatch = db.transaction((batch: MeetingDraft[], withDirectory: boolean) => {
      if (withDirectory) writeDirectory();
      for (const m of batch) writeMeeting(m);
      appendAudit(
        archive,
        {
          actor,
          action: 'demo',
          entity: 'archive',
          entityId: 'demo',
          after: { meetings: batch.length, people: withDirectory ? dir.all.length : 0 },
        },
        clock(),
      );
    });

    for (let done = 0; done < total;) {
      const n = Math.min(batchSize, total - done);
      const batch: MeetingDraft[] = [];
      for (let i = 0; i < n; i++) batch.push(nextMeeting());
      // Counters are bumped inside the transaction; if it throws they would overcount, so keep a copy.
      const before = { ...summary };
      try {
        writeBatch(batch, done === 0);
      } catch (e) {
        Object.assign(summary, before);
        throw e;
      }
      done += n;
      summary.batches++;
      opts.onProgress?.(done, total);
      // Let the CLI print progress and notice Ctrl+C between batches.
      await yieldToEventLoop();
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    // Fold the (now larger) WAL back into the file, so the archive is whole on disk when we return — a
    // clerk may copy archive.sqlite next. Best effort: a reader holding the WAL just means a later checkpoint.
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // the next automatic checkpoint will do it
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
