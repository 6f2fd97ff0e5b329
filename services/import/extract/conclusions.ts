/**
 * Conclusions: what the closing speech asks for. Two shapes:
 * - a paragraph of the closing speech ("Phát biểu kết luận …", "Kết luận hội nghị, …", "… phát biểu chỉ
 *   đạo …") with "đề nghị", "yêu cầu" or "nhấn mạnh": each sentence after the cue is one conclusion;
 * - numbered or dashed items under a line that announces them ("… kết luận như sau:", "… yêu cầu:").
 */
import type { DraftConclusion } from '../../../contract/importContract';
import { RANKS } from '../../../contract/attendanceParse';
import { findDeadline } from './deadlines';
import type { CalendarDay } from './dates';
import { sentencesOf, type Block, viRegex } from './blocks';

const SPEECH = viRegex(
  /\b(?:phát biểu (?:kết luận|chỉ đạo|bế mạc)|kết luận (?:hội nghị|cuộc họp|buổi làm việc)|phát biểu tại (?:hội nghị|cuộc họp|buổi làm việc)|thay mặt)\b|^kết luận\b/iu,
);
const CUE = /(?:^|[\s,])(?:đề nghị|yêu cầu|nhấn mạnh|giao)(?:\s*:\s*|\s*,\s*|\s+)/iu;
/** "Đồng chí X đề nghị, …": a speaker named at the start of the paragraph. */
const SPEAKER = new RegExp(`^(?:đồng chí|đ/c|ông|bà|${RANKS.join('|')})\\s`, 'iu');
const ANNOUNCE = /(?:kết luận|yêu cầu|đề nghị|chỉ đạo|nhiệm vụ)[^:]{0,60}:$/iu;
/** "KẾT LUẬN", "III. KẾT LUẬN VÀ KIẾN NGHỊ": a section heading of minutes over the numbered conclusions. */
const HEADING =
  /^(?:[IVX]{1,4}\.\s*)?(?:KẾT LUẬN|KIẾN NGHỊ|NHIỆM VỤ|Ý KIẾN CHỈ ĐẠO)(?:[\s,]+[\p{Lu}\s,]*)?$/u;
const ITEM = /^\s*(?:\d{1,2}[.)]|[-–•+]|[a-zđ]\))\s+/iu;

type Found = { text: string; span: { start: number; end: number } };

/** `meeting`: the meeting's day, that a deadline must come after (null: no deadline is offered). */
export function extractConclusions(blocks: readonly Block[], meeting: CalendarDay | null): DraftConclusion[] {
  const out: Found[] = [];
  let announced = false;
  for (const b of blocks) {
    const item = ITEM.exec(b.text);
    if (announced && item) {
      out.push({
        text: b.text.slice(item[0].length).trim(),
        span: { start: b.start + item[0].length, end: b.end },
      });
      continue;
    }
    announced = ANNOUNCE.test(b.text) || HEADING.test(b.text);
    if (announced) continue;
    const cue = CUE.exec(b.text);
    if (!cue && /^(?:phát biểu )?kết luận/iu.test(b.text)) {
      // A closing speech without a cue word: the paragraph after its opening phrase is the conclusion.
      const comma = b.text.indexOf(', ');
      if (comma > 0 && comma < 80)
        out.push({
          text: b.text.slice(comma + 2).replace(/^./, (c) => c.toUpperCase()),
          span: { start: b.start + comma + 2, end: b.end },
        });
      continue;
    }
    if (!cue || !(SPEECH.test(b.text) || (SPEAKER.test(b.text) && cue.index < 100))) continue;
    const from = cue.index + cue[0].length;
    for (const s of sentencesOf({ text: b.text.slice(from), start: b.start + from })) {
      const text = s.text
        .replace(/^[,:;\s]+/, '')
        .replace(/\.{3}$/, '.')
        .trim();
      if (text.length >= 15)
        out.push({
          text: text.charAt(0).toUpperCase() + text.slice(1),
          span: { start: s.start, end: s.end },
        });
    }
  }
  return out.slice(0, 100).map((c) => {
    const deadline = findDeadline(c.text, meeting);
    return { ...c, deadline: deadline?.date ?? null, deadlineText: deadline?.text ?? null };
  });
}
