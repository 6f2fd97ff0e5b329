/**
 * File names that Windows and FAT32/exFAT USB sticks accept. Names in a bag are mostly made by hoso
 * (ids, hashes), but the bag's own folder name carries the agency's abbreviation and a clerk may type
 * anything there; a name the stick refuses would fail the export half-way.
 */
import { msg, type Message } from '../../contract/messages/message';

/** Device names Windows reserves in every folder, with or without an extension (CON, CON.txt…). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
/** FAT32 long names hold 255 UTF-16 units; keep room for the `.partial` / `.tar.age` suffixes we add. */
export const SAFE_NAME_MAX = 200;

/** Why Windows or a FAT32/exFAT stick refuses `name`, or null when it takes it. */
export function windowsNameProblem(name: string): Message | null {
  if (name.length === 0) return msg('bag.name.empty');
  if (name.length > 255) return msg('bag.name.tooLong');
  if (FORBIDDEN.test(name)) {
    FORBIDDEN.lastIndex = 0;
    return msg('bag.name.forbidden');
  }
  if (RESERVED.test(name)) return msg('bag.name.reserved');
  if (/[. ]$/.test(name)) return msg('bag.name.trailing');
  return null;
}

/**
 * A name safe on Windows and FAT32 made from `wanted`: forbidden characters become `-`, trailing dots
 * and spaces go, reserved device names get a `_` suffix, the length is capped (never cutting a
 * surrogate pair), and an empty result becomes `fallback`. NFC so that Vietnamese letters are stored
 * precomposed, the form Windows itself writes.
 */
export function safeFileName(wanted: string, fallback = 'hoso', max = SAFE_NAME_MAX): string {
  let name = wanted.normalize('NFC').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  name = name.replace(/[. ]+$/, '');
  if (name.length > max) {
    name = name.slice(0, max);
    if (/[\ud800-\udbff]$/.test(name)) name = name.slice(0, -1);
    name = name.replace(/[. ]+$/, '');
  }
  if (name.length === 0) name = fallback;
  const base = name.split('.')[0]!;
  if (RESERVED.test(base) || RESERVED.test(name)) name = `${base}_${name.slice(base.length)}`;
  return name;
}
