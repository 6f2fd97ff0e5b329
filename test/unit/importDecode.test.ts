import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import {
  decodeBytes,
  decodeText,
  detectLegacy,
  unicodeToTcvn3Bytes,
  unicodeToVniBytes,
} from '../../services/import/decode';

const REPORT =
  'Sáng 9-4, Đảng ủy Quân sự tỉnh tổ chức hội nghị sơ kết công tác quý I năm 2024 dưới sự chủ trì của Đại tá Hồ Quang Minh, Bí thư Đảng ủy. ' +
  'Các cơ quan thực hiện Nghị quyết số 847-NQ/QUTW ngày 28-12-2021 về phát huy phẩm chất Bộ đội Cụ Hồ; tuyển quân đạt chỉ tiêu, hướng dẫn ở từng đơn vị.';

describe('reading old office encodings', () => {
  it('a TCVN3 (.VnTime) file, as bytes, becomes Unicode Vietnamese', () => {
    // .VnTime text has capitals only through the .VnTimeH font: the file holds lower-case letters.
    const text = REPORT.toLowerCase();
    const bytes = unicodeToTcvn3Bytes(text);
    expect(bytes.toString('latin1')).toContain('®¹i t¸'); // "đại tá" in TCVN3, as Windows shows it
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'tcvn3' });
  });

  it('a VNI Windows file, as bytes, becomes Unicode Vietnamese with its capitals', () => {
    const bytes = unicodeToVniBytes(REPORT);
    expect(bytes.toString('latin1')).toContain('Ñaïi taù Hoà Quang Minh');
    expect(decodeBytes(bytes)).toEqual({ text: REPORT, encoding: 'vni' });
  });

  it('legacy text pasted as Unicode mojibake is converted too', () => {
    expect(decodeText(unicodeToVniBytes(REPORT).toString('latin1')).text).toBe(REPORT);
    expect(
      decodeText(unicodeToTcvn3Bytes('hội nghị giao ban quý ii của đảng ủy').toString('latin1')),
    ).toEqual({ text: 'hội nghị giao ban quý ii của đảng ủy', legacy: 'tcvn3' });
  });

  it('UTF-16 with and without a byte-order mark, and UTF-8 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, 'utf-16le')]);
    expect(decodeBytes(le)).toEqual({ text: REPORT, encoding: 'utf-16le' });
    expect(decodeBytes(iconv.encode(REPORT, 'utf-16le'))).toEqual({ text: REPORT, encoding: 'utf-16le' });
    expect(
      decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(REPORT, 'utf-16be')])).text,
    ).toBe(REPORT);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT)]))).toEqual({
      text: REPORT,
      encoding: 'utf-8-bom',
    });
  });

  it('leaves Unicode Vietnamese, English and unaccented text alone; Windows line ends become \\n', () => {
    expect(detectLegacy(REPORT)).toBeNull();
    expect(detectLegacy('The café serves crème brûlée and naïve piñatas every day of the week.')).toBeNull();
    expect(detectLegacy('hoi nghi so ket cong tac quy I')).toBeNull();
    expect(decodeBytes(Buffer.from('Dòng 1\r\nDòng 2\r\n')).text).toBe('Dòng 1\nDòng 2\n');
  });

  it('text in decomposed Unicode (NFD, as some Mac and web editors write it) comes out composed', () => {
    expect(decodeText(REPORT.normalize('NFD')).text).toBe(REPORT);
  });
});
