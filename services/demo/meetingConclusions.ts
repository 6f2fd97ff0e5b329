// The conclusions of a demo meeting: a plain one first, then plain ones and tasks (assigned to a person
// present or to units, with a deadline and a status that fits today's date).

import type { Rng } from './random';
import { instant, isoDate, ymd } from './calendar';
import { type Vars, fill, lowerFirst } from './templates';
import { intro, type DemoPerson } from './directory';
import type { MeetingDraft, TaskStatus } from './meetingDraft';
import {
  ACTIONS,
  ASSIGNEE_UNITS,
  PERSON_TASK_CONCLUSIONS,
  PLAIN_CONCLUSIONS,
  TASK_CONCLUSIONS,
  type Province,
} from './vocabulary';
import { newId } from './ids';

export interface ConclusionContext {
  vars: Vars;
  base: Vars;
  province: Province;
  present: readonly DemoPerson[];
  meetingDay: number;
  todayDay: number;
  nowMs: number;
}

export function writeConclusions(rng: Rng, c: ConclusionContext): MeetingDraft['conclusions'] {
  const { vars, base, province, present, meetingDay, todayDay, nowMs } = c;
  const conclusionCount = rng.int(3, 7);
  const plain = rng.sample(PLAIN_CONCLUSIONS.slice(1), PLAIN_CONCLUSIONS.length - 1);
  const conclusions: MeetingDraft['conclusions'] = [];
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
  return conclusions;
}
