import { mkdirSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Archive } from '../../db/open';
import { getMeeting } from '../../db/meetings';
import { updateSettings } from '../../db/settings';
import { addPhotoToMeeting } from '../../services/photoStore';
import { addRecord } from '../helpers/meetingRecord';
import { jpeg } from '../helpers/images';
import { tempArchive, tempDir } from '../helpers/tempArchive';

/**
 * A small archive in the style of the news reports clerks paste (our own sentences): three ordinary
 * meetings in 2024 with real photos and captions, one with a title full of HTML-special characters, and
 * one 2023 meeting classified Mật whose title must never be found in an unencrypted export.
 */
export const SECRET_TITLE = 'Hội nghị rà soát phương án bảo vệ mục tiêu trọng điểm năm 2023';

export interface ExportFixture {
  archive: Archive;
  dir: string;
  usb: string;
  ids: { giaoBan: string; tongKet: string; escaped: string; secret: string };
  photoHashes: string[];
  cleanup(): void;
}

export interface SeededRecords {
  ids: { giaoBan: string; tongKet: string; escaped: string; secret: string };
  photoHashes: string[];
}

/** Fills `a` with the records above (the secret one classified Mật, or trashed when `secret` is false). */
export async function seedExportRecords(
  a: Archive,
  options: { secret?: boolean } = {},
): Promise<SeededRecords> {
  updateSettings(
    a,
    { parentAgency: 'UBND TỈNH BẮC NINH', issuingAgency: 'VĂN PHÒNG UBND TỈNH', agencyCode: 'VP' },
    'kiểm thử',
  );
  const giaoBan = addRecord(a, {
    title: 'Hội nghị giao ban công tác quốc phòng quý II năm 2024',
    kind: 'Hội nghị',
    date: '2024-05-26',
    location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    minutes:
      'Sáng 26/5, Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị giao ban công tác quốc phòng quý II.\n\nHội nghị đánh giá kết quả huấn luyện dân quân tự vệ.',
    attendees: [
      { name: 'Nguyễn Văn Thành', rank: 'Đại tá', titles: 'Chỉ huy trưởng', role: 'chu_tri' },
      { name: 'Trần Thị Mai', rank: '', titles: 'Chánh Văn phòng', role: 'thu_ky' },
    ],
    conclusions: ['Hoàn thành kế hoạch huấn luyện năm 2024 trước ngày 30/9.'],
    docs: [{ number: '1374-QC/QUTW-TUHN', type: 'Quy chế', date: '2023-04-01' }],
    tags: ['Quốc phòng'],
  });
  const tongKet = addRecord(a, {
    title: 'Hội nghị tổng kết công tác tuyển quân năm 2024',
    date: '2024-03-12',
    location: 'Trụ sở UBND tỉnh',
    minutes: 'Chiều 12/3, UBND tỉnh tổng kết công tác tuyển quân.',
    tags: ['Tuyển quân'],
  });
  const escaped = addRecord(a, {
    title: 'Họp về <b>mẫu biểu</b> & "số liệu" của Sở Tài chính',
    date: '2024-07-02',
    kind: 'Cuộc họp',
    minutes: 'Nội dung có ký tự <script>alert(1)</script> phải được hiển thị nguyên văn.',
  });
  const secret = addRecord(a, { title: SECRET_TITLE, date: '2023-11-20', minutes: 'Nội dung mật.' });
  if (options.secret !== false)
    a.sqlite.prepare("UPDATE meetings SET secrecy = 'mat' WHERE id = ?").run(secret);
  else a.sqlite.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ?').run(Date.now(), secret);

  const photoHashes: string[] = [];
  const colours = ['#b71c1c', '#1b5e20', '#0d47a1'];
  for (const [i, colour] of colours.entries()) {
    const id = i < 2 ? giaoBan : tongKet;
    const change = await addPhotoToMeeting(
      a,
      {
        meetingId: id,
        version: getMeeting(a, id).version,
        bytes: await jpeg({ width: 320, height: 200, color: colour }),
        caption:
          i === 0 ? 'Đại tá Nguyễn Văn Thành phát biểu chỉ đạo hội nghị' : `Quang cảnh hội nghị (${i})`,
        credit: 'Ảnh: Việt Hà',
      },
      'kiểm thử',
    );
    photoHashes.push(change.photo.fileHash!);
  }
  return { ids: { giaoBan, tongKet, escaped, secret }, photoHashes };
}

export async function exportFixture(options: { secret?: boolean } = {}): Promise<ExportFixture> {
  const t = await tempArchive();
  const usb = tempDir('hoso-usb-');
  const seeded = await seedExportRecords(t.archive, options);
  mkdirSync(join(usb.dir, 'USB'), { recursive: true });
  return {
    archive: t.archive,
    dir: t.dir,
    usb: join(usb.dir, 'USB'),
    ...seeded,
    cleanup: () => {
      t.cleanup();
      usb.cleanup();
    },
  };
}

export const ENV = { appVersion: '0.0.0-test', actor: 'Văn thư kiểm thử', scryptWorkFactor: 12 };
export const EVERYTHING = { from: null, to: null, tag: null, ids: null };

/** The meeting JSON files of a bag folder, as bag paths under data/ (`meetings/<shard>/<id>.json`), sorted. */
export function bagMeetingFiles(bag: string): string[] {
  return readdirSync(join(bag, 'data', 'meetings'), { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.json'))
    .map((n) => `meetings/${n.split(sep).join('/')}`)
    .sort();
}
