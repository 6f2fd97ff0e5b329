// Who takes part in a demo meeting: its chairs, a secretary and the delegates and guests around them,
// in protocol order, with who was present and who speaks in its texts.

import type { Rng } from './random';
import type { DemoPerson, Directory } from './directory';
import type { AttendanceDraft, AttendanceStatus, Role } from './meetingDraft';
import type { Pickers } from './meetingPickers';
import { ABSENCE_REASONS } from './vocabulary';

export interface MeetingCast {
  /** The attendance list in protocol order: chairs, delegates and guests, the secretary last. */
  drafts: AttendanceDraft[];
  /** Chủ trì and đồng chủ trì. */
  chairs: DemoPerson[];
  /** Delegates and guests who came (có mặt, đến muộn). */
  present: DemoPerson[];
  /** Who speaks and reports in the texts: the senior ones present, else the chairs. */
  speakers: DemoPerson[];
}

export function castMeeting(
  rng: Rng,
  dir: Directory,
  pickChair: Pickers['pickChair'],
  chair: DemoPerson,
  partner: DemoPerson | null,
  kind: string,
): MeetingCast {
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
  return { drafts, chairs, present, speakers };
}
