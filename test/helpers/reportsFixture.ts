import type { Archive } from '../../db/open';
import { updateSettings } from '../../db/settings';
import { getMeeting, updateMeeting } from '../../db/meetings';
import { MeetingFields, type Secrecy } from '../../contract/contract';
import { addPhotoToMeeting } from '../../services/photoStore';
import { addRecord } from './meetingRecord';
import { jpeg } from './images';

/**
 * An archive set up the way a provincial office would have it, for the report tests: agency settings
 * and one meeting with a long attendance list (so tables run over pages), minutes, conclusions and
 * photos. Written for these tests in the style of the clerks' texts, not copied from any report.
 */
export const AGENCY = {
  parentAgency: 'UBND tỉnh Bắc Ninh',
  issuingAgency: 'Văn phòng UBND tỉnh',
  agencyCode: 'VP',
  placeName: 'Bắc Ninh',
  signerAuthority: 'TL.' as const,
  signerTitle: 'Chánh Văn phòng',
  signerName: 'Nguyễn Văn An',
};

export const CONCLUSIONS = [
  'Các sở, ngành và địa phương tiếp tục quán triệt, thực hiện nghiêm các nghị quyết, chỉ thị của cấp trên về nhiệm vụ quốc phòng, quân sự địa phương; nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu.',
  'Sở Tài chính chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm kinh phí cho diễn tập khu vực phòng thủ năm 2024, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/6/2024.',
  'Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện và tổng hợp kết quả <b>định kỳ</b> hằng quý.',
];

export async function seedReportArchive(archive: Archive, options: { attendees?: number; photos?: number } = {}): Promise<string> {
  updateSettings(archive, AGENCY, 'kiểm thử');
  const id = addRecord(archive, {
    title: 'Hội nghị sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm',
    kind: 'Hội nghị',
    date: '2024-05-26',
    location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    minutes:
      'Đồng chí Chủ tịch UBND tỉnh phát biểu khai mạc hội nghị.\nĐại diện Bộ Chỉ huy Quân sự tỉnh báo cáo kết quả 6 tháng đầu năm <script>alert("x")</script>.\nCác đại biểu thảo luận, đóng góp ý kiến về công tác tuyển quân và diễn tập.',
    attendees: [
      { name: 'Trần Văn Minh', rank: '', titles: 'Chủ tịch UBND tỉnh', role: 'chu_tri' },
      ...Array.from({ length: options.attendees ?? 36 }, (_, i) => ({
        name: `Phạm Quốc Hưng ${i + 1}`,
        rank: i % 3 === 0 ? 'Đại tá' : 'Thượng tá',
        // Several lines in the attendance table, ending in a marker: a row cut across two pages would show.
        titles: `Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, phụ trách huấn luyện lực lượng dự bị động viên khu vực số ${i + 1}`,
      })),
      { name: 'Lê Thị Hoa', titles: 'Chuyên viên Văn phòng UBND tỉnh', role: 'thu_ky' },
    ],
    conclusions: CONCLUSIONS,
  });
  // The minutes as the rich-text editor stores them: paragraphs, a numbered list and a table.
  archive.sqlite
    .prepare('UPDATE meetings SET minutes_html = ? WHERE id = ?')
    .run(
      '<p>Đồng chí Chủ tịch UBND tỉnh phát biểu khai mạc hội nghị.</p>' +
        '<p>Đại diện Bộ Chỉ huy Quân sự tỉnh báo cáo kết quả 6 tháng đầu năm &lt;script&gt;alert("x")&lt;/script&gt;.</p>' +
        '<ol><li>Công tác tuyển quân: hoàn thành chỉ tiêu.</li><li>Công tác diễn tập: chuẩn bị chu đáo.</li></ol>' +
        '<table><tr><th>Đơn vị</th><th>Kết quả tuyển quân</th></tr><tr><td>Huyện Gia Bình</td><td>Đạt 100%</td></tr></table>' +
        '<p>Các đại biểu thảo luận, đóng góp ý kiến về công tác tuyển quân và diễn tập.</p>',
      id,
    );
  let version = getMeeting(archive, id).version;
  const colours = ['#8d6e63', '#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f'];
  for (let i = 0; i < (options.photos ?? 5); i++) {
    const change = await addPhotoToMeeting(
      archive,
      {
        meetingId: id,
        version,
        bytes: await jpeg({ width: 800, height: 533, color: colours[i % colours.length] }),
        fileName: `anh-${i + 1}.jpg`,
        caption: `Các đại biểu dự hội nghị sơ kết công tác quốc phòng (ảnh ${i + 1}) <script>x</script>`,
        credit: 'Minh Đức',
      },
      'kiểm thử',
    );
    version = change.meetingVersion;
  }
  return id;
}

/** Classifies a meeting as a clerk does in its form (the repository write, audit entry included). */
export function setSecrecy(archive: Archive, id: string, secrecy: Secrecy): void {
  const m = getMeeting(archive, id);
  updateMeeting(archive, id, m.version, MeetingFields.parse({ ...m, secrecy }), 'kiểm thử');
}
