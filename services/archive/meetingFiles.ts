import type { Archive } from '../../db/open';
import { meetingLineOf, meetingPage, meetingPagePath, yearPagePath, type MeetingLine } from './browsePages';
import { meetingJsonPath, meetingsToJson, serializeMeetingJson } from './meetingJson';

/** What every batch of a bag's meeting files is made with. */
export interface MeetingFilesOptions {
  /** exportedAt of every JSON (ms): one moment for the whole bag. */
  now: number;
  generator: string;
  /** Large exports list meetings on one page per year, which the meeting pages link back to. */
  byYearPages: boolean;
}

/** A batch's files, encoded once: `paths[i]` is `bytes.subarray(ends[i-1] ?? 0, ends[i])`. */
export interface MeetingFilesBatch {
  paths: string[];
  ends: number[];
  bytes: Uint8Array;
  lines: MeetingLine[];
}

const encoder = new TextEncoder();

/**
 * The two files of each meeting of a batch (its JSON, relative to data/, then its browsable page), in
 * the order of `ids`, and the line each gets in the index. The same code runs in the export's worker
 * threads and, for small exports, in the caller's thread (meetingFilesPool.ts).
 */
export function meetingFilesOf(
  source: Pick<Archive, 'sqlite'>,
  ids: readonly string[],
  options: MeetingFilesOptions,
): MeetingFilesBatch {
  const texts: string[] = [];
  const paths: string[] = [];
  const lines: MeetingLine[] = [];
  for (const json of meetingsToJson(source, ids, { now: options.now, generator: options.generator })) {
    const m = json.meeting;
    // From data/pages/<shard>/: the year page beside the shards, or the index two levels up.
    const back = options.byYearPages
      ? `../${yearPagePath(m.meetingDate?.slice(0, 4) ?? '').replace(/^pages\//, '')}`
      : '../../index.html';
    paths.push(meetingJsonPath(m.id), meetingPagePath(m.id));
    texts.push(serializeMeetingJson(json), meetingPage(json, back));
    lines.push(meetingLineOf(json));
  }
  // One buffer for the whole batch, which a worker hands over without copying (transfer). UTF-8 takes
  // at most 3 bytes per UTF-16 unit; the buffer is cut to its length once filled.
  const bytes = new Uint8Array(texts.reduce((n, t) => n + t.length * 3, 0));
  const ends: number[] = [];
  let at = 0;
  for (const text of texts) {
    at += encoder.encodeInto(text, bytes.subarray(at)).written;
    ends.push(at);
  }
  return { paths, ends, bytes: bytes.slice(0, at), lines };
}
