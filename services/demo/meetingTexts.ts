// The words of a demo meeting: the variables its templates are filled with (phrases dealt from
// per-meeting decks, speakers, the documents it cites) and its minutes.

import type { Rng } from './random';
import { type Vars, capitalize, fill, lowerFirst } from './templates';
import { intro, shortRef } from './directory';
import { docFull, docShort, type DocDraft } from './meetingDraft';
import type { MeetingCast } from './meetingCast';
import {
  ACHIEVEMENTS,
  ACTORS,
  BODY_PARAGRAPHS,
  CLOSINGS,
  DIRECTIVES,
  EFFORTS,
  OBJECTS,
  OPENINGS,
  PERIODS,
  PURPOSES,
  REPORT_TO,
  SHORTCOMINGS,
} from './vocabulary';

export interface TextContext {
  /** The meeting's fixed variables (place names, year, organizers…) and its subject. */
  base: Vars;
  topicText: string;
  /** Another subject of the chair's fields, drawn at each use. */
  anotherTopic: () => string;
  subjectText: string;
  /** "hội nghị", "cuộc họp"…: how the texts name this kind of meeting. */
  kn: string;
  times: { start: number; end: number } | null;
  meetingDay: number;
  year: number;
  month: number;
  dom: number;
  quarter: number;
  location: string;
  cast: MeetingCast;
  docs: DocDraft[];
}

/** The template variables of one meeting; the functions among them draw afresh at each use. */
export function textVars(rng: Rng, c: TextContext): Vars {
  const { base, topicText, anotherTopic, subjectText, kn, times, meetingDay, year, month, dom, quarter, location, docs } = c;
  const { chairs, present, speakers } = c.cast;
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
    topic2: anotherTopic,
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
  return vars;
}

/** The minutes: an opening, one to six body paragraphs, a closing. */
export function writeMinutes(rng: Rng, vars: Vars, docs: readonly DocDraft[]): string {
  const bodyChoices = BODY_PARAGRAPHS.filter((p) => docs.length > 0 || !p.includes('{doc'));
  const paragraphs = [
    fill(rng.pick(OPENINGS), vars),
    ...rng.sample(bodyChoices, rng.int(1, 6)).map((p) => fill(p, vars)),
    fill(rng.pick(CLOSINGS), vars),
  ];
  const minutesText = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n');
  return minutesText;
}
