import type { HostCapabilities, Transport } from '../services/context';
import { consoleLogger, type Logger } from '../services/log';
import { openSession, type Session } from '../services/session';
import { createChromiumPdf, type PdfRenderer } from './chromiumPdf';

/** How a command uses the archive. */
export interface SessionUse {
  /** Only `serve` and `demo` may start a new archive; the others answer "not found" at a mistyped path. */
  create?: boolean;
  /** `serve` answers a browser tab ('web': the app lock applies); every other command is 'direct'. */
  transport?: Transport;
  log?: Logger;
  onProgress?: HostCapabilities['onProgress'];
  /** `serve` keeps the daily backup going while it runs. */
  automaticBackups?: (error: unknown) => void;
  /**
   * Start Chromium for PDFs as the session opens, in the background: `serve` (so the clerk's first PDF
   * does not wait for it) and `report … --out x.pdf` (the launch overlaps reading the archive).
   */
  warmPdf?: boolean;
  /** `serve`: where a move of the archive from the app is recorded (services/context.ts). */
  archiveLocation?: HostCapabilities['archiveLocation'];
}

/**
 * A command prints its own failures (code and Vietnamese message, exit 2), so the dispatcher's log
 * keeps quiet about them; only an unexpected error (INTERNAL, whose reply hides the cause) is written
 * to stderr for whoever has to find the bug.
 */
const commandLog: Logger = {
  error: (code, context, cause) => {
    if (code === 'INTERNAL') consoleLogger.error(code, context, cause);
  },
  info: () => {},
};

/**
 * The CLI's side of services/session.ts: the archive opened for one command, with the CLI's own
 * capabilities (PDFs through the PC's Chromium, progress on stderr), closed when the command ends.
 * The session's PDFs share one Chromium (cli/chromiumPdf.ts), ended with the session: after the PDF in
 * progress, before the archive closes, so no Chromium outlives the command or the web host.
 */
export async function withSession<T>(
  file: string,
  body: (session: Session, pdf: PdfRenderer) => Promise<T>,
  use: SessionUse = {},
): Promise<T> {
  const log = use.log ?? commandLog;
  const pdf = createChromiumPdf({ log });
  const session = await openSession(file, use.transport ?? 'direct', {
    mustExist: !use.create,
    host: { renderPdf: (html) => pdf.render(html), onProgress: use.onProgress, archiveLocation: use.archiveLocation },
    log,
    automaticBackups: use.automaticBackups,
    onIndexProgress: (done, total) => process.stderr.write(`Đang dựng chỉ mục tìm kiếm: ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} cuộc họp\n`),
  });
  // In the background: the command goes on while Chromium starts.
  if (use.warmPdf) void pdf.warm();
  try {
    return await body(session, pdf);
  } finally {
    try {
      await pdf.close();
    } finally {
      session.close();
    }
  }
}
