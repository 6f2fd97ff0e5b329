import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../services/import/extract';
import { readFileSource, readPastedSource } from '../../services/import/sources';
import { isHosoError } from '../../contract/errors';
import { png } from '../helpers/images';
import { FIXTURES, fixture } from '../helpers/importFixtures';
import { reportDocx } from '../fixtures/import/reportDocx';
import { unicodeToTcvn3Bytes, unicodeToVniBytes } from '../../services/import/decode';

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (isHosoError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('sources', () => {
  it('a .docx: heading as title, the picture kept with the caption that follows it', async () => {
    const doc = await readFileSource('hoi-nghi.docx', await reportDocx());
    expect(doc.encoding).toBe('docx');
    expect(doc.images).toHaveLength(1);
    expect(doc.images[0]!.mime).toBe('image/png');
    const d = extractDraft(doc);
    expect(d.title?.value).toBe('Hội nghị triển khai nhiệm vụ quân sự, quốc phòng năm 2025');
    expect(d.date?.value).toBe('2025-01-14');
    expect(d.location?.value).toBe('Hội trường UBND tỉnh');
    expect(d.chairs.map((c) => [c.rank, c.name, c.titles])).toEqual([
      ['Thượng tướng', 'Võ Minh Lương', ['Thứ trưởng Bộ Quốc phòng']],
    ]);
    expect(d.captions).toEqual([
      expect.objectContaining({ text: 'Thượng tướng Võ Minh Lương phát biểu chỉ đạo hội nghị.', image: 0 }),
    ]);
    expect(d.documentRefs.map((r) => [r.number, r.date])).toEqual([['44-NQ/TW', '2023-11-24']]);
    expect(d.byline?.value).toBe('Tin, ảnh: Thanh Tùng');
    expect(d.body.map((p) => p.text).join('\n')).not.toContain('[Ảnh');
  });

  it('an .html page: scripts and styles dropped, entities decoded, a data: picture and its figcaption', async () => {
    const doc = await readFileSource('hoi-thao.html', readFileSync(resolve(FIXTURES, 'hoi-thao.html')));
    expect(doc.text).not.toContain('không phải nội dung');
    expect(doc.images).toHaveLength(1);
    const d = extractDraft(doc);
    expect(d.title?.value).toBe(
      'Hội thảo khoa học “Phát huy truyền thống Bộ đội Cụ Hồ” tại Học viện Chính trị',
    );
    expect(d.kind?.value).toBe('Hội thảo');
    expect(d.date?.value).toBe('2023-10-12');
    expect(d.chairs.map((c) => c.name)).toEqual(['Trần Quốc Hưng']);
    expect(d.captions).toEqual([
      expect.objectContaining({ text: 'Thiếu tướng Trần Quốc Hưng phát biểu khai mạc hội thảo.', image: 0 }),
    ]);
    expect(d.body.map((p) => p.text)).toContain(
      'Hội thảo nhận được 65 tham luận, bám sát Nghị quyết số 1658-NQ/QUTW ngày 20-12-2022 của Quân ủy Trung ương & các văn bản hướng dẫn.',
    );
  });

  it('a UTF-16 .txt saved by Notepad reads like the UTF-8 one', async () => {
    const utf8 = fixture('ubnd-huyen.txt');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(utf8.replace(/\n/g, '\r\n'), 'utf16le'),
    ]);
    const doc = await readFileSource('ubnd.txt', utf16);
    expect(doc.encoding).toBe('utf-16le');
    expect(extractDraft(doc).chairs.map((c) => c.name)).toEqual(['Phùng Văn Thắng']);
  });

  it('a TCVN3 (.VnTime) and a VNI file of the same report give the same draft as the Unicode one', async () => {
    const utf8 = fixture('ubnd-huyen.txt');
    const expected = extractDraft(await readFileSource('u.txt', Buffer.from(utf8)));
    const tcvn3 = unicodeToTcvn3Bytes(utf8);
    // Genuine ABC text: letters only in 0xA1–0xFF (its capitals with tones need the .VnTimeH font; this report has none).
    expect([...tcvn3].every((b) => b === 0x0a || (b >= 0x20 && b < 0x7f) || b >= 0xa1)).toBe(true);
    for (const [bytes, encoding] of [
      [tcvn3, 'tcvn3'],
      [unicodeToVniBytes(utf8), 'vni'],
    ] as const) {
      const doc = await readFileSource('cu.txt', bytes);
      expect(doc.encoding).toBe(encoding);
      const d = extractDraft(doc);
      expect(d.sourceText).toBe(expected.sourceText);
      expect([d.title?.value, d.date?.value, d.chairs, d.attendees, d.documentRefs, d.conclusions]).toEqual([
        expected.title?.value,
        '2024-07-08',
        expected.chairs,
        expected.attendees,
        expected.documentRefs,
        expected.conclusions,
      ]);
    }
  });

  it('.doc, a damaged .pdf, RTF, pictures and damaged .docx are refused with what to do, never a crash', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    expect(await refusal(readFileSource('bien-ban.doc', ole))).toMatchObject({
      code: 'IMPORT_DOC_UNSUPPORTED',
      message: expect.stringContaining('.docx'),
    });
    expect(await refusal(readFileSource('bao-cao.pdf', Buffer.from('%PDF-1.7\n…')))).toMatchObject({
      code: 'IMPORT_PDF_BROKEN',
      message: expect.stringContaining('Ctrl+A'),
    });
    expect((await refusal(readFileSource('x.rtf', Buffer.from('{\\rtf1 …}')))).code).toBe(
      'IMPORT_FORMAT_UNSUPPORTED',
    );
    expect((await refusal(readFileSource('anh.jpg', await png()))).code).toBe('IMPORT_FORMAT_UNSUPPORTED');
    expect(
      (await refusal(readFileSource('hong.docx', Buffer.from('PK\u0003\u0004 not really a zip')))).code,
    ).toBe('IMPORT_DOCX_BROKEN');
    expect((await refusal(readFileSource('rong.txt', Buffer.from('  \n\n ')))).code).toBe('IMPORT_EMPTY');
    expect((await refusal(readFileSource('nhi-phan.txt', randomBytes(4096)))).code).toMatch(
      /IMPORT_NOT_TEXT|IMPORT_EMPTY/,
    );
  });

  it('a 10 MB paste is refused at once with a message, not parsed', async () => {
    const huge = 'Hội nghị sơ kết. '.repeat(700_000);
    const started = process.hrtime.bigint();
    expect(await refusal(() => readPastedSource('paste', huge))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: expect.stringContaining('tách thành nhiều tệp'),
    });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5_000);
  });
});

describe('fuzzing: random, truncated and mixed inputs never crash or hang the importer', () => {
  const sample = readFileSync('/work/shared/samples/000_85cb31aadad26a77.txt').subarray(0, 6000);

  it('every input either gives a draft or a clear HosoError', async () => {
    const docx = await reportDocx();
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const inputs: { name: string; bytes: Buffer }[] = [];
    for (let i = 0; i < 400; i++) inputs.push({ name: 'r.txt', bytes: randomBytes(rand(3000)) });
    for (let i = 0; i < 400; i++)
      inputs.push({ name: 'cut.docx', bytes: docx.subarray(0, rand(docx.length)) });
    for (let i = 0; i < 200; i++) {
      const b = Buffer.from(docx);
      for (let k = 0; k < 20; k++) b[rand(b.length)] = rand(256);
      inputs.push({ name: 'flipped.docx', bytes: b });
    }
    for (let i = 0; i < 600; i++)
      inputs.push({
        name: 'cut.txt',
        bytes: sample.subarray(rand(sample.length), rand(sample.length) + 200),
      });
    for (let i = 0; i < 200; i++)
      inputs.push({
        name: 'mixed.txt',
        bytes: Buffer.concat([
          sample.subarray(0, rand(2000)),
          Buffer.from('\u0000'),
          Buffer.from('Ñaïi taù ®¹i t¸ '.repeat(rand(50)), 'latin1'),
          randomBytes(rand(50)),
        ]),
      });
    // Half-megabyte lines: each takes about a second, linear in its length (no backtracking blow-up).
    for (let i = 0; i < 12; i++)
      inputs.push({
        name: 'long.txt',
        bytes: Buffer.from(
          'Đại tướng Nguyễn Văn An, '.repeat(rand(20_000)) + 'chủ trì hội nghị;'.repeat(rand(300)),
        ),
      });
    for (let i = 0; i < 100; i++)
      inputs.push({
        name: 'x.html',
        bytes: Buffer.from(
          '<p>'.repeat(rand(5000)) + '<img src="data:image/png;base64,AAAA">' + '</div>'.repeat(rand(100)),
        ),
      });
    let drafts = 0;
    let refused = 0;
    for (const input of inputs) {
      try {
        extractDraft(await readFileSource(input.name, input.bytes));
        drafts++;
      } catch (e) {
        if (!isHosoError(e)) throw new Error(`${input.name}: ${(e as Error).stack}`);
        expect(e.message.length).toBeGreaterThan(20);
        refused++;
      }
    }
    expect(drafts + refused).toBe(inputs.length);
    expect(drafts).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(500);
  }, 240_000);
});
