// The demo's people directory: who holds which post, with careers that change over the archive's
// years, and how texts name them at a given date.

import type { Rng } from './random';
import { instant } from './calendar';
import { newId } from './ids';
import { type Vars, fill } from './templates';
import {
  COMMUNES,
  DEPARTMENT_OFFICE_HEADS,
  DEPARTMENTS,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  POSTS,
  RANKS,
  SECOND_MIDDLE_NAMES,
  type BodyKey,
  type Post,
  type Province,
} from './vocabulary';

export interface DemoPerson {
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

export function personAt(p: DemoPerson, day: number): { rank: string; titles: string } {
  if (p.change && day < p.change.beforeDay) return { rank: p.change.rank, titles: p.change.titles };
  return { rank: p.rank, titles: p.titles };
}

/** How a text introduces someone: "Đại tá Trần Văn Hùng, Chỉ huy trưởng …" / "đồng chí Lê Thị Thủy, …". */
export function intro(p: DemoPerson, day: number, inList = false): string {
  const { rank, titles } = personAt(p, day);
  const head = rank ? `${rank} ${p.fullName}` : inList ? p.fullName : `đồng chí ${p.fullName}`;
  return titles ? `${head}, ${titles}` : head;
}
export const shortRef = (p: DemoPerson, day: number) => {
  const { rank } = personAt(p, day);
  return rank ? `${rank} ${p.fullName}` : `đồng chí ${p.fullName}`;
};

export interface Directory {
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

export function createDirectory(
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
