import { checkArchiveFile } from '../../services/check';
import { translate } from '../../contract/messages/translate';
import type { CliCommand } from './types';

/**
 * `hoso check`: full read-only integrity check. It works on the file, not through the dispatcher: the
 * archive it is asked about may not even open (damaged, missing, on read-only media), and saying so is
 * its answer. Exit 0 good, 1 problems (one per line).
 */
export const checkCommand: CliCommand = {
  usage: '  check                         Kiểm tra toàn vẹn kho hồ sơ (mã thoát 0: tốt, 1: có lỗi)',
  async run({ file, values, io }) {
    const checked = checkArchiveFile(file);
    const vi = (m: Parameters<typeof translate>[1]) => translate('vi', m);
    // The command line speaks Vietnamese, in its text and in its JSON (scripts read both).
    const report = { ...checked, problems: checked.problems.map(vi), notes: checked.notes.map(vi) };
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(`Kho hồ sơ: ${report.file}`);
      for (const note of report.notes) io.out(`  ${note}`);
      if (report.counts) {
        const c = report.counts;
        io.out(
          `  ${c.meetings.toLocaleString('vi-VN')} cuộc họp, ${c.people.toLocaleString('vi-VN')} người, ${c.photos.toLocaleString('vi-VN')} ảnh, ${c.auditEntries.toLocaleString('vi-VN')} mục nhật ký.`,
        );
      }
      if (report.ok) io.out('Kết quả: TỐT — không phát hiện lỗi.');
      else for (const p of report.problems) io.out(`LỖI: ${p}`);
    }
    return report.ok ? 0 : 1;
  },
};
