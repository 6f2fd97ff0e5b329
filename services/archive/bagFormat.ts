/**
 * The text formats of a BagIt 1.0 bag (RFC 8493) that both the writer and the verifier need: the
 * declaration, manifest lines with the RFC's percent-encoding of file paths, and tag files of
 * `Label: value` lines. Nothing here touches the file system.
 */
import { msg, type Message } from '../../contract/messages/message';

export const BAGIT_VERSION = '1.0';
export const BAGIT_TXT = `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;
export const PAYLOAD_DIR = 'data';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const BAG_INFO = 'bag-info.txt';
export const BAGIT_DECLARATION = 'bagit.txt';

/** RFC 8493 §2.1.3: in manifest paths CR, LF and % are percent-encoded; everything else is literal. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

export function manifestLine(sha256: string, path: string): string {
  return `${sha256}  ${encodeManifestPath(path)}\n`;
}

export interface ManifestEntry {
  sha256: string;
  path: string;
  line: number;
}

/** Parses a manifest; lines that do not have the `<hex> <path>` shape come back as `bad` (1-based line numbers). */
export function parseManifest(text: string): { entries: ManifestEntry[]; bad: number[] } {
  const entries: ManifestEntry[] = [];
  const bad: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const m = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(raw);
    if (!m) bad.push(i + 1);
    else entries.push({ sha256: m[1]!.toLowerCase(), path: decodeManifestPath(m[2]!), line: i + 1 });
  });
  return { entries, bad };
}

/** `Label: value` lines (RFC 8493 §2.2.2); a line starting with white space continues the previous value. */
export function parseTagFile(text: string): { fields: [string, string][]; bad: number[] } {
  const fields: [string, string][] = [];
  const bad: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && fields.length > 0) {
      fields[fields.length - 1]![1] += ` ${raw.trim()}`;
      return;
    }
    const m = /^([^:\s][^:]*):[ \t]*(.*)$/.exec(raw);
    if (!m) bad.push(i + 1);
    else fields.push([m[1]!.trim(), m[2]!]);
  });
  return { fields, bad };
}

/** One tag file line; values are kept on one line (new lines in a value become spaces). */
export function tagLine(label: string, value: string | number): string {
  return `${label}: ${String(value).replace(/[\r\n]+/g, ' ')}\n`;
}

/** A Payload-Oxum value read back: `<octet count>.<file count>`, or null when it is not of that form. */
export function parseOxum(value: string): { bytes: number; files: number } | null {
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(value.trim());
  return m ? { bytes: Number(m[1]), files: Number(m[2]) } : null;
}

/** The Payload-Oxum a bag-info.txt declares (its first such line), null when none can be read. */
export function declaredOxum(bagInfo: string): { bytes: number; files: number } | null {
  const value = parseTagFile(bagInfo).fields.find(([k]) => k === 'Payload-Oxum')?.[1];
  return value === undefined ? null : parseOxum(value);
}

/** Payload-Oxum: `<octet count>.<file count>` of the payload (RFC 8493 §2.2.2). */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/**
 * A path inside a bag that is safe to create and to trust: relative, `/`-separated, no `..` or `.`
 * segment, no drive letter or backslash, no control characters. Returns the reason when unsafe.
 */
export function unsafePathReason(path: string): Message | null {
  if (path.length === 0) return msg('bag.path.empty');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return msg('bag.path.absolute');
  if (path.includes('\\')) return msg('bag.path.backslash');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return msg('bag.path.control');
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return msg('bag.path.parent');
  if (parts.some((p) => p === '' || p === '.')) return msg('bag.path.emptySegment');
  return null;
}
