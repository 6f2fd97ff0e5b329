import { msg, type Message } from '../contract/messages/message';

/**
 * Pieces of messages the archive's services compose (docs/ARCHITECTURE.md, "Text for people"): a size,
 * the first problems of a bag as an error's details. Only keys and parameters here; the edges word them.
 */

const MB = 1024 * 1024;
const GB = 1024 ** 3;

/** Megabytes to one decimal (1,5 MB), whatever the size: what a free-space message compares. */
export function sizeInMb(bytes: number): Message {
  return msg('size.mb', { n: Math.round((bytes / MB) * 10) / 10 });
}

/** A size as a clerk reads it: gigabytes (two decimals) from 1 GB up, else megabytes (one decimal). */
export function sizeOf(bytes: number): Message {
  return bytes >= GB ? msg('size.gb', { n: bytes / GB }) : sizeInMb(bytes);
}

/**
 * The first problems of a bag, as details after an error's text: `(a; b; c; và 2 lỗi khác)`. All of them
 * travel with the error too (a job's `problems`); this is what its one line shows.
 */
export function problemDetails(problems: readonly Message[], shown = 5): Message[] {
  if (problems.length === 0) return [];
  if (problems.length === 1) return [msg('bag.list.only', { problem: problems[0]! })];
  const first = problems.slice(0, shown);
  const more = problems.length - first.length;
  return [
    ...first.map((problem, i) =>
      msg(i === 0 ? 'bag.list.first' : i < first.length - 1 || more > 0 ? 'bag.list.next' : 'bag.list.last', {
        problem,
      }),
    ),
    ...(more > 0 ? [msg('bag.list.more', { n: more })] : []),
  ];
}
