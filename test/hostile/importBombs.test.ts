import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';
import { readFileSource } from '../../services/import/sources';
import { png } from '../helpers/images';
import { DOC_HEAD, DOC_TAIL, buildZip, docxWith, documentBomb, paragraph, plainDocx } from './zipBuild';
import { ZIP_RATIO_MAX } from '../../services/import/zipBounds';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hoso-bombs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (name: string, bytes: Buffer) => outcomeOf(() => readFileSource(name, bytes));

/** Reads the file in a process of its own: what it answered, how long it took, its peak memory. */
function readInChild(bytes: Buffer, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'readSourceChild.ts'), file],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    },
  );
  if (r.status !== 0) throw new Error(`child failed (${r.status} ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    outcome: string;
    seconds: number;
    peakRssMb: number;
  };
}

/** Data that deflates about `ratio` to 1: a few random bytes in every block of zeros. */
function compressible(bytes: number, ratio: number): Buffer {
  const data = Buffer.alloc(bytes, 0x20);
  let seed = 7;
  const step = Math.max(1, Math.round(ratio / 1.6));
  for (let i = 0; i < bytes; i += step) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 0x41 + (seed % 26);
  }
  return data;
}

describe('a .docx that inflates to far more than a document', () => {
  it('the reported bomb (a small file, 50 MB of document.xml) is refused before any DOM, in bounded memory', () => {
    const bomb = docxWith(documentBomb(50 * MB));
    expect(bomb.length).toBeLessThan(1 * MB);
    const r = readInChild(bomb, 'bomb.docx');
    // A measurement, not a check: timings depend on the machine.
    console.log(
      `bomb: ${(bomb.length / 1024).toFixed(0)} KB file, 50 MB document.xml → ${r.outcome} in ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    expect(r.outcome).toBe('COMPRESSED_ABNORMALLY');
    expect(r.peakRssMb).toBeLessThan(512);
  }, 180_000);

  it('a member whose declared size lies is judged by what it really inflates to', async () => {
    const bomb = documentBomb(30 * MB);
    expect(await codeOf('lie.docx', docxWith({ ...bomb, declaredSize: 2000 }))).toBe('COMPRESSED_ABNORMALLY');
  });

  it('a document.xml larger than any real report is refused even at an ordinary ratio', async () => {
    const xml = compressible(24 * MB, 10);
    const deflated = deflateRawSync(xml, { level: 1 });
    expect(xml.length / deflated.length).toBeLessThan(40);
    expect(await codeOf('big.docx', docxWith({ deflated, size: xml.length }))).toBe('COMPRESSED_ABNORMALLY');
  });

  it('a document.xml of tiny elements at an ordinary ratio (a DOM bomb) is "quá lớn" before any DOM, in bounded memory', () => {
    // ~8 MB of runs holding four varied characters each: about 900 000 elements, compressed about 26 to 1,
    // well inside the ratio a Word file may have.
    let seed = 11;
    const hex = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 65536).toString(16).padStart(4, '0');
    const runs: string[] = [];
    for (let i = 0; i < 300_000; i++) runs.push(`<w:r><w:t>${hex()}</w:t></w:r>`);
    const xml = Buffer.from(`${DOC_HEAD}<w:p>${runs.join('')}</w:p>${DOC_TAIL}`);
    const file = docxWith({ data: xml });
    expect(xml.length / file.length).toBeLessThan(ZIP_RATIO_MAX / 2);
    const r = readInChild(file, 'dom-bomb.docx');
    console.log(
      `DOM bomb: ${(file.length / 1024).toFixed(0)} KB file, ${(xml.length / MB).toFixed(1)} MB document.xml → ${r.outcome} in ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    expect(r.outcome).toBe('IMPORT_TOO_LARGE');
    expect(r.peakRssMb).toBeLessThan(512);
  }, 180_000);

  it('a member that inflates over a hundred to one past its first megabyte is refused', async () => {
    expect(await codeOf('ratio.docx', docxWith(documentBomb(4 * MB)))).toBe('COMPRESSED_ABNORMALLY');
  });

  it('many members each within bounds are refused once their total is more than a document holds', async () => {
    const part = compressible(15 * MB, 50);
    const deflated = deflateRawSync(part, { level: 1 });
    const media = Array.from({ length: 9 }, (_, i) => ({
      name: `word/media/image${i}.png`,
      deflated,
      size: part.length,
    }));
    const doc = { data: Buffer.from(DOC_HEAD + paragraph('Biên bản họp') + DOC_TAIL) };
    expect(await codeOf('many.docx', docxWith(doc, media))).toBe('COMPRESSED_ABNORMALLY');
  });

  it('a zip of tens of thousands of members is refused before each becomes an object', async () => {
    const tiny = Array.from({ length: 20_000 }, (_, i) => ({
      name: `word/x${i}.xml`,
      data: Buffer.from('<a/>'),
    }));
    expect(await codeOf('members.docx', docxWith({ data: Buffer.from(DOC_HEAD + DOC_TAIL) }, tiny))).toBe(
      'COMPRESSED_ABNORMALLY',
    );
  });

  it('a damaged zip is still "bị hỏng", not a crash', async () => {
    const good = plainDocx(['BIÊN BẢN', 'Hội nghị giao ban quý I năm 2024']);
    expect(await codeOf('cut.docx', good.subarray(0, good.length - 30))).toBe('IMPORT_DOCX_BROKEN');
    const truncatedData = docxWith({
      deflated: deflateRawSync(Buffer.from(DOC_HEAD + DOC_TAIL)).subarray(0, 10),
      size: 300,
    });
    expect(await codeOf('truncated.docx', truncatedData)).toBe('IMPORT_DOCX_BROKEN');
    const unknownMethod = buildZip([{ name: 'word/document.xml', data: Buffer.from('x'), stored: true }]);
    unknownMethod.writeUInt16LE(99, 8); // the local header's method
    unknownMethod.writeUInt16LE(99, 30 + 'word/document.xml'.length + 1 + 10); // the central directory's
    expect(await codeOf('method.docx', unknownMethod)).toBe('IMPORT_DOCX_BROKEN');
  });

  it('an honest .docx with a picture reads as before', async () => {
    const picture = await png('#1565c0', 64, 48);
    const doc = await readFileSource(
      'bien-ban.docx',
      plainDocx(['BIÊN BẢN', 'Hội nghị giao ban quý I năm 2024', 'Đồng chí Nguyễn Văn An chủ trì.'], picture),
    );
    expect(doc.encoding).toBe('docx');
    expect(doc.text).toContain('Hội nghị giao ban quý I năm 2024');
    expect(doc.text).toContain('[Ảnh 1]');
    expect(doc.images).toHaveLength(1);
    expect(doc.images[0]!.bytes.equals(picture)).toBe(true);
  });
});
