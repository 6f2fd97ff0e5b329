import { resolve } from 'node:path';
import { verifyArchivePath } from '../../services/archive/verifyArchive';
import { passphraseFrom, problemLines } from './export';
import type { CliCommand } from './types';

/**
 * `hoso verify PATH`: exit 0 valid, 1 invalid (each problem on a line), 2 when it cannot be checked at all.
 * A bag is checked without any archive (no --db, on a PC that has none), so this calls the verifier
 * service itself; `archive/verify` runs the same function as a job of an open archive's session.
 */
export const verifyCommand: CliCommand = {
  usage: `  verify ĐƯỜNG_DẪN [--passphrase-file TỆP]
                                Kiểm tra một bản lưu trữ (thư mục túi BagIt hoặc tệp .tar.age):
                                mã thoát 0 hợp lệ, 1 có lỗi (mỗi lỗi một dòng); --json in danh sách lỗi`,
  async run({ args, values, io }) {
    if (args.length !== 1) {
      io.err('Cách dùng: verify ĐƯỜNG_DẪN [--passphrase-file TỆP]');
      return 2;
    }
    const path = resolve(args[0]!);
    const passphrase = await passphraseFrom(values, io, false);
    const controller = new AbortController();
    void io.untilStopped().then(() => controller.abort());
    const r = await verifyArchivePath(path, passphrase, { signal: controller.signal });
    if (values.json) io.out(JSON.stringify(problemLines(r.problems), null, 2));
    else {
      if (r.ok)
        io.out(`HỢP LỆ: ${path} — ${r.payloadFiles.toLocaleString('vi-VN')} tệp, ${r.payloadBytes.toLocaleString('vi-VN')} byte, đủ và đúng mã kiểm tra.`);
      else {
        io.err(`KHÔNG HỢP LỆ: ${path} — ${r.problems.length} lỗi:`);
        for (const p of problemLines(r.problems)) io.out(p.message);
      }
    }
    return r.ok ? 0 : 1;
  },
};
