import type { CliCommand } from './types';

/** `hoso rebuild-index`: `search/rebuild`, with how far it got on stderr (never with --json). */
export const rebuildIndexCommand: CliCommand = {
  usage: '  rebuild-index                 Dựng lại chỉ mục tìm kiếm từ dữ liệu',
  run: ({ values, io, emit, withSession }) =>
    withSession(
      async (session) => {
        const r = await session.call('search/rebuild', {});
        emit(`Đã dựng lại chỉ mục tìm kiếm: ${r.documents.toLocaleString('vi-VN')} cuộc họp trong ${(r.ms / 1000).toFixed(1)} giây.`, { ok: true, ...r });
        return 0;
      },
      {
        onProgress: (p) => {
          if (p.channel === 'search/rebuild' && !values.json) io.err(`  … ${p.done.toLocaleString('vi-VN')} cuộc họp`);
        },
      },
    ),
};
