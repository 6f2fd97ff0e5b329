import { consoleLogger } from '../../services/log';
import { startWebHost } from '../../webhost/server';
import { ensureRendererBuilt, PROJECT_ROOT } from '../rendererBuild';
import { openInSystemBrowser } from '../openBrowser';
import { positiveInt } from '../options';
import type { CliCommand } from './types';

/**
 * `hoso serve [--port N] [--open]`: the same UI through the loopback web host, over a 'web' session
 * (the app lock applies, PDFs through the PC's Chromium, the daily backup kept going) until Ctrl+C.
 */
export const serveCommand: CliCommand = {
  usage: '  serve [--port N] [--open]     Mở giao diện qua trình duyệt trên máy này (127.0.0.1)',
  async run({ values, file, io, emit, withSession }) {
    const port = positiveInt(values.port, 'port', 0, 65535);
    const rendererDir = ensureRendererBuilt(PROJECT_ROOT, io.err);
    return withSession(
      async (session) => {
        const host = await startWebHost({ dispatch: session.dispatch, rendererDir, port, archiveDir: session.dir });
        emit(`Hồ sơ Hội nghị đang chạy tại: ${host.launchUrl}\nKho hồ sơ: ${file}\nNhấn Ctrl+C để dừng.`, {
          ok: true,
          url: host.launchUrl,
          origin: host.origin,
          port: host.port,
          file,
        });
        if (values.open && !openInSystemBrowser(host.launchUrl)) io.err('Không mở được trình duyệt; hãy mở đường dẫn ở trên.');
        await io.untilStopped();
        await host.close();
        return 0;
      },
      {
        create: true,
        transport: 'web',
        log: consoleLogger,
        automaticBackups: (e) => io.err(`Sao lưu tự động không thành công: ${(e as Error).message}`),
      },
    );
  },
};
