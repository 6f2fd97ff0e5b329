import { generateDemo } from '../../services/demo';
import { positiveInt } from '../options';
import type { CliCommand } from './types';

/**
 * `hoso demo --meetings N [--seed S] [--force]`: a realistic synthetic archive. Generating is not
 * something a screen offers, so the demo service writes into the session's archive directly; whether
 * the archive is empty is asked through `app/info` like any other fact about it.
 */
export const demoCommand: CliCommand = {
  usage: `  demo --meetings N [--seed S] [--force]
                                Tạo kho dữ liệu mẫu để dùng thử hoặc đo hiệu năng`,
  async run({ values, file, io, emit, fail, withSession }) {
    const meetings = positiveInt(values.meetings, 'meetings', 200, 1_000_000);
    const seed = positiveInt(values.seed, 'seed', 1);
    return withSession(
      async (session) => {
        const existing = (await session.call('app/info', {})).counts.meetings;
        if (existing > 0 && !values.force) {
          return fail({
            code: 'DEMO_NOT_EMPTY',
            message: `Kho ${file} đã có ${existing.toLocaleString('vi-VN')} cuộc họp. Dữ liệu mẫu chỉ tạo vào kho trống (dùng --db để chọn tệp khác, hoặc --force để vẫn thêm vào).`,
          });
        }
        let lastReport = 0;
        const summary = await generateDemo(session.archive, {
          meetings,
          seed,
          onProgress: (done, total) => {
            const now = Date.now();
            if (!values.json && (now - lastReport > 1000 || done === total)) {
              lastReport = now;
              io.err(`  … ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} cuộc họp`);
            }
          },
        });
        emit(
          `Đã tạo kho mẫu ${file}: ${summary.meetings.toLocaleString('vi-VN')} cuộc họp, ${summary.people.toLocaleString('vi-VN')} người, ${summary.conclusions.toLocaleString('vi-VN')} kết luận, ${summary.photos.toLocaleString('vi-VN')} ảnh (${(summary.ms / 1000).toFixed(1)} giây).`,
          { ok: true, file, ...summary },
        );
        return 0;
      },
      { create: true },
    );
  },
};
