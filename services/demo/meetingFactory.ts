// The demo's meeting factory: one realistic meeting draft at a time (title, people, minutes,
// conclusions, photos, documents, tags), ready for generate.ts to write. Each part is drawn by its own
// module (meetingPickers, meetingCast, meetingTexts, meetingConclusions, meetingPhotos) from the run's
// seeded Rng, in a fixed order: the same seed gives the same archive.

import type { Rng } from './random';
import type { DemoImage } from './images';
import { DAY_MS, hhmm, instant, isoDate, ymd } from './calendar';
import { newId } from './ids';
import { type Vars, fill } from './templates';
import { type DemoPerson, type Directory, personAt } from './directory';
import { docShort, matchesGroups, type DocDraft, type MeetingDraft } from './meetingDraft';
import { createPickers } from './meetingPickers';
import { castMeeting } from './meetingCast';
import { textVars, writeMinutes } from './meetingTexts';
import { writeConclusions } from './meetingConclusions';
import { bylineAndPhotos, pickTags } from './meetingPhotos';
import {
  BODY_GROUPS,
  FIELDS,
  KIND_NOUNS,
  KIND_WEIGHTS,
  LOCATIONS,
  THEMES,
  TITLE_TEMPLATES,
  TOPICS,
  type Province,
  type Subject,
  type TitleTemplate,
} from './vocabulary';

export type { MeetingDraft } from './meetingDraft';

export function createMeetingFactory(
  rng: Rng,
  province: Province,
  dir: Directory,
  images: DemoImage[],
  startDay: number,
  todayDay: number,
  nowMs: number,
) {
  const { pickChair, pickDate, pickTimes, pickDoc } = createPickers(rng, dir, startDay, todayDay);
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

    // The calls below draw from the Rng in this order: moving one changes every later meeting of a seed.
    const cast = castMeeting(rng, dir, pickChair, chair, partner, kind);

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

    const vars = textVars(rng, {
      base,
      topicText,
      anotherTopic: () => fill(subject(TOPICS).text, base),
      subjectText,
      kn,
      times,
      meetingDay,
      year,
      month,
      dom,
      quarter,
      location,
      cast,
      docs,
    });
    const minutesText = writeMinutes(rng, vars, docs);
    const conclusions = writeConclusions(rng, { vars, base, province, present: cast.present, meetingDay, todayDay, nowMs });
    const { source, photos } = bylineAndPhotos(rng, { images, cast, kn, meetingDay, startMinutes });
    const tags = pickTags(rng, kind, topic, field, theme);

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
      createdAt: recorded,
      updatedAt,
      attendance: cast.drafts.map((a) => {
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
