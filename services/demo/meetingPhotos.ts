// The byline of a demo meeting's report and its photos: who wrote and who shot it, captions naming the
// chairs and speakers pictured; and the tags it is filed under.

import type { Rng } from './random';
import type { DemoImage } from './images';
import { instant } from './calendar';
import { capitalize, fill } from './templates';
import { intro } from './directory';
import type { MeetingCast } from './meetingCast';
import type { MeetingDraft } from './meetingDraft';
import { CAPTIONS, OTHER_SOURCES, PERSON_CAPTIONS, REPORTERS, TAGS, type Subject } from './vocabulary';
import { newId } from './ids';

export interface PhotoContext {
  images: readonly DemoImage[];
  cast: MeetingCast;
  kn: string;
  meetingDay: number;
  /** When the meeting started (minutes after midnight): photos are taken from then on. */
  startMinutes: number;
}

/** The report's byline (the meeting's source) and the photos, credited to its photographer. */
export function bylineAndPhotos(rng: Rng, c: PhotoContext): { source: string; photos: MeetingDraft['photos'] } {
  const { images, kn, meetingDay, startMinutes } = c;
  const { chairs, speakers } = c.cast;
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
  return { source, photos };
}

/** Tags: the subject's own first, then a random one now and then. */
export function pickTags(rng: Rng, kind: string, topic: Subject, field: Subject, theme: Subject): string[] {
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
  return tags;
}
