import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { outcomeOf } from './outcome';
import { describe, expect, it } from 'vitest';
import { translate } from '../../contract/messages/translate';
import { extractDraft, readFileSource } from '../../services/import';
import { unicodeToTcvn3Bytes, unicodeToVniBytes } from '../../services/import/decode';
import { png } from '../helpers/images';
import { fixture } from '../helpers/importFixtures';
import { hoso } from '../helpers/runHoso';
import { readingNotesOf } from '../../renderer/src/screens/import/reviewState';
import type { ImportPreview } from '../../contract/importContract';

const REPORT = fixture('huyen-uy-giao-ban.txt');
const LINE = REPORT.split('\n').find(
  (l) => /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(l) && l.length > 30,
)!;

/** The report's UTF-8 bytes with `bad` put in the middle of a line (a byte lost or flipped on a USB stick). */
function withBadBytes(bad: Buffer): { bytes: Buffer } {
  const text = Buffer.from(REPORT, 'utf8');
  const line = text.indexOf(Buffer.from(LINE, 'utf8'));
  const at = line + Buffer.from(LINE.slice(0, 12), 'utf8').length;
  return { bytes: Buffer.concat([text.subarray(0, at), bad, text.subarray(at)]) };
}

const codeOf = (name: string, bytes: Buffer) => outcomeOf(() => readFileSource(name, bytes));

describe('a UTF-8 file with a bad byte', () => {
  it('stays UTF-8: the Vietnamese is kept and the bad byte shows as �, with a note for the clerk', async () => {
    const { bytes } = withBadBytes(Buffer.from([0xff]));
    const doc = await readFileSource('bao-cao.txt', bytes);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain(LINE.slice(0, 12) + '\ufffd' + LINE.slice(12));
    const clean = await readFileSource('bao-cao.txt', Buffer.from(REPORT));
    expect(doc.text.replace('\ufffd', '')).toBe(clean.text);
    expect(doc.notes).toEqual([{ key: 'importNote.badBytesReplaced', params: { n: 1 } }]);
    // The note reaches the draft the review screen shows (and `hoso import --dry-run` prints).
    expect(extractDraft(doc).notes).toContainEqual({ key: 'importNote.badBytesReplaced', params: { n: 1 } });
    expect(translate('vi', doc.notes![0]!)).toContain('1 chỗ');
  });

  it('the import review screen shows the note above the draft (and not the field notes it shows as fields)', async () => {
    const doc = await readFileSource('bao-cao.txt', withBadBytes(Buffer.from([0xff])).bytes);
    const preview = { draft: extractDraft(doc) } as ImportPreview;
    expect(readingNotesOf(preview)).toEqual([{ key: 'importNote.badBytesReplaced', params: { n: 1 } }]);
    const clean = {
      draft: extractDraft(await readFileSource('bao-cao.txt', Buffer.from('Không có gì đặc biệt.'))),
    };
    expect(clean.draft.notes.length).toBeGreaterThan(0);
    expect(readingNotesOf(clean as ImportPreview)).toEqual([]);
  });

  it('a cut multi-byte letter and a stray continuation byte count as the places they spoil', async () => {
    const { bytes } = withBadBytes(Buffer.from([0xe1, 0xba, 0x41, 0x80]));
    const doc = await readFileSource('bao-cao.txt', bytes);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain('\ufffdA\ufffd');
    expect(doc.notes).toEqual([{ key: 'importNote.badBytesReplaced', params: { n: 2 } }]);
  });

  it('a UTF-8 file with a byte-order mark and a bad byte gets the note too', async () => {
    const { bytes } = withBadBytes(Buffer.from([0xc3]));
    const doc = await readFileSource('bao-cao.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect(doc.encoding).toBe('markdown+utf-8-bom');
    expect(doc.notes).toEqual([{ key: 'importNote.badBytesReplaced', params: { n: 1 } }]);
  });

  it('an HTML file keeps its note', async () => {
    const html = Buffer.concat([
      Buffer.from('<h1>Hội nghị giao ban</h1><p>Đồng chí '),
      Buffer.from([0xfe]),
      Buffer.from('Nguyễn Văn An chủ trì.</p>'),
    ]);
    const doc = await readFileSource('bao-cao.html', html);
    expect(doc.encoding).toBe('html');
    expect(doc.notes).toEqual([{ key: 'importNote.badBytesReplaced', params: { n: 1 } }]);
  });

  it('`hoso import --dry-run` shows the note, and `--json` carries it too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoso-enc-'));
    try {
      const file = join(dir, 'bao-cao.txt');
      writeFileSync(file, withBadBytes(Buffer.from([0xff])).bytes);
      const note = translate('vi', { key: 'importNote.badBytesReplaced', params: { n: 1 } });
      const r = hoso(['import', file, '--dry-run']);
      expect(r.stdout).toContain('(utf-8)');
      expect(r.stdout).toContain(`Lưu ý: ${note}`);
      const json = hoso(['import', file, '--dry-run', '--json']);
      expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ encoding: 'utf-8', notes: expect.arrayContaining([note]) })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a clean file has no note; genuine legacy files are still converted as a whole', async () => {
    const clean = await readFileSource('bao-cao.txt', Buffer.from(REPORT));
    expect(clean.notes ?? []).toEqual([]);
    const tcvn = await readFileSource('tcvn.txt', unicodeToTcvn3Bytes(REPORT));
    expect(tcvn.encoding).toBe('tcvn3');
    expect(tcvn.text).toContain(LINE);
    const vni = await readFileSource('vni.txt', unicodeToVniBytes(REPORT));
    expect(vni.encoding).toBe('vni');
    expect(vni.text).toContain(LINE);
    const french = await readFileSource(
      'fr.txt',
      iconv.encode('Le café de la réunion est prêt.', 'windows-1252'),
    );
    expect(french).toMatchObject({ encoding: 'windows-1252', text: 'Le café de la réunion est prêt.' });
  });

  it('a TCVN3 file with a few UTF-8 letters pasted in is still TCVN3', async () => {
    const mixed = Buffer.concat([unicodeToTcvn3Bytes(REPORT), Buffer.from('\nNguyễn Văn An\n', 'utf8')]);
    expect((await readFileSource('tcvn.txt', mixed)).encoding).toBe('tcvn3');
  });
});

describe('bytes that are not text', () => {
  it('a file of NUL bytes is not text, not an empty text', async () => {
    expect(await codeOf('rong.txt', Buffer.alloc(4096))).toBe('IMPORT_NOT_TEXT');
    expect(await codeOf('rong.html', Buffer.alloc(10))).toBe('IMPORT_NOT_TEXT');
    expect(await codeOf('rong.md', Buffer.alloc(1))).toBe('IMPORT_NOT_TEXT');
  });

  it('NUL bytes near the start mean a binary, whatever its name', async () => {
    expect(await codeOf('anh.txt', await png())).toBe('IMPORT_NOT_TEXT');
    expect(
      await codeOf('chuong-trinh.txt', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), randomBytes(2000)])),
    ).toBe('IMPORT_NOT_TEXT');
    const text = Buffer.from('Hội nghị giao ban\n'.repeat(20));
    expect(await codeOf('nhi-phan.txt', Buffer.concat([text, Buffer.from([0, 0, 1, 2]), text]))).toBe(
      'IMPORT_NOT_TEXT',
    );
  });

  it('a text padded with NULs at its end (a file cut short by a crash) is still read', async () => {
    const doc = await readFileSource('bao-cao.txt', Buffer.concat([Buffer.from(REPORT), Buffer.alloc(3000)]));
    expect(doc.text).toContain(LINE);
  });

  it('UTF-16 (whose ASCII letters carry NUL bytes) is still text', async () => {
    const doc = await readFileSource('bao-cao.txt', iconv.encode(REPORT, 'utf-16le'));
    expect(doc.encoding).toBe('utf-16le');
  });

  it('an empty or blank file is still "văn bản trống"', async () => {
    expect(await codeOf('rong.txt', Buffer.alloc(0))).toBe('IMPORT_EMPTY');
    expect(await codeOf('rong.txt', Buffer.from(' \n\n'))).toBe('IMPORT_EMPTY');
  });
});
