import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An independent BagIt validator for the tests, written from RFC 8493 alone. It shares no code with the
 * exporter (services/archive): if both made the same mistake the tests could not see it.
 * Returns one line per problem, each naming the file concerned; an empty list means complete and valid
 * (RFC 8493 §3).
 */
export function validateBag(root: string): string[] {
  const problems: string[] = [];
  const read = (name: string) => readFileSync(join(root, name), 'utf8');

  // §2.1.1 bagit.txt: exactly the version and the encoding lines.
  if (!existsSync(join(root, 'bagit.txt'))) problems.push('bagit.txt: missing');
  else {
    const lines = read('bagit.txt').split('\n').filter((l) => l !== '');
    if (!/^BagIt-Version: \d+\.\d+$/.test(lines[0] ?? '')) problems.push('bagit.txt: first line is not "BagIt-Version: M.N"');
    if (!/^Tag-File-Character-Encoding: \S+$/.test(lines[1] ?? '')) problems.push('bagit.txt: second line is not "Tag-File-Character-Encoding: ENC"');
    if (lines.length !== 2) problems.push('bagit.txt: must have exactly two lines');
  }
  // §2.1.2 the payload directory.
  if (!existsSync(join(root, 'data')) || !lstatSync(join(root, 'data')).isDirectory()) problems.push('data/: missing payload directory');

  const top = existsSync(root) ? readdirSync(root) : [];
  const payloadManifests = top.filter((n) => /^manifest-[a-z0-9]+\.txt$/.test(n));
  const tagManifests = top.filter((n) => /^tagmanifest-[a-z0-9]+\.txt$/.test(n));
  if (payloadManifests.length === 0) problems.push('manifest-<alg>.txt: no payload manifest');

  const payloadFiles: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const r = `${rel}/${name}`;
      const st = lstatSync(join(root, r));
      if (st.isDirectory()) walk(r);
      else payloadFiles.push(r);
    }
  };
  if (existsSync(join(root, 'data'))) walk('data');

  const digest = (alg: string, rel: string) => createHash(alg).update(readFileSync(join(root, rel))).digest('hex');
  const checkManifest = (name: string, isTag: boolean): Set<string> => {
    const alg = /manifest-([a-z0-9]+)\.txt$/.exec(name)![1]!;
    const listed = new Set<string>();
    read(name)
      .split('\n')
      .filter((l) => l !== '')
      .forEach((line, i) => {
        // §2.1.3: checksum, one or more linear white space, path; %0A %0D %25 percent-encoded.
        const m = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
        if (!m) return problems.push(`${name}: line ${i + 1} malformed`);
        const path = m[2]!.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
        const segments = path.split('/');
        if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || segments.includes('..') || path.includes('\\'))
          return problems.push(`${name}: unsafe path ${path}`);
        if (isTag !== !path.startsWith('data/')) return problems.push(`${name}: ${path} does not belong in this manifest`);
        listed.add(path);
        if (!existsSync(join(root, path))) return problems.push(`${path}: missing (listed in ${name})`);
        if (digest(alg, path) !== m[1]!.toLowerCase()) problems.push(`${path}: checksum mismatch (${name})`);
        return undefined;
      });
    return listed;
  };
  for (const name of payloadManifests) {
    const listed = checkManifest(name, false);
    // §3 complete: every payload file is in every payload manifest.
    for (const f of payloadFiles) if (!listed.has(f)) problems.push(`${f}: not listed in ${name}`);
  }
  for (const name of tagManifests) checkManifest(name, true);

  // §2.2.2 Payload-Oxum, when bag-info.txt carries one.
  if (existsSync(join(root, 'bag-info.txt'))) {
    const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(read('bag-info.txt'));
    if (oxum) {
      const bytes = payloadFiles.reduce((s, f) => s + lstatSync(join(root, f)).size, 0);
      if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== payloadFiles.length)
        problems.push(`bag-info.txt: Payload-Oxum ${oxum[1]}.${oxum[2]} but payload is ${bytes}.${payloadFiles.length}`);
    }
  }
  return problems;
}
