import { consoleLogger } from '../../services/log';
import { HosoError } from '../../contract/errors';
import { literal } from '../../contract/messages/message';
import { startWebHost } from '../../webhost/server';
import { portIsFree } from '../../webhost/ports';
import { ensureRendererBuilt, PROJECT_ROOT } from '../rendererBuild';
import { openInSystemBrowser } from '../openBrowser';
import { positiveInt } from '../options';
import type { CliCommand } from './types';
import { archivePathOverridden, defaultDataDir } from '../../services/paths';
import { locationFileIn } from '../../services/archiveLocation';

/**
 * `hoso serve [--port N] [--open]`: the same UI through the loopback web host, over a 'web' session
 * (the app lock applies, PDFs through the PC's Chromium, the daily backup kept going) until Ctrl+C.
 * Without --port the system picks a free port; a port asked for and taken is PORT_IN_USE (exit code 2),
 * said before the interface is built or the archive opened. (`npm start` takes the next free one.)
 */
export const serveCommand: CliCommand = {
  usage: '  serve [--port N] [--open]     Mở giao diện qua trình duyệt trên máy này (127.0.0.1)',
  async run({ values, file, io, emit, withSession }) {
    const port = positiveInt(values.port, 'port', 0, 65535);
    if (port > 0 && !(await portIsFree(port))) throw new HosoError('PORT_IN_USE', literal(String(port)));
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
        // The web host is the app in a browser: a move from Cài đặt is recorded where the desktop app reads it.
        archiveLocation: { configFile: locationFileIn(defaultDataDir()), overridden: archivePathOverridden(values.db) },
        log: consoleLogger,
        // Chromium starts beside the host, so the clerk's first PDF does not wait for it.
        warmPdf: true,
        automaticBackups: (e) => io.err(`Sao lưu tự động không thành công: ${(e as Error).message}`),
      },
    );
  },
};
