/**
 * The desktop transport of the contract: one `ipcMain.handle` channel carrying
 * `(channel, payload)` to the dispatcher, which parses the input with zod and never throws.
 * Only frames showing the app itself may call it (Electron's guidance: validate `senderFrame`
 * on every IPC message), so a page that somehow got loaded elsewhere, or a sub-frame of another
 * origin, cannot read or write the archive.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Reply } from '../../contract/contract';
import { ERROR_MESSAGES } from '../../contract/errors';
import { IPC_INVOKE } from '../../contract/ipc';
import type { Dispatch } from '../../services/dispatch';
import { consoleLogger, type Logger } from '../../services/log';
import { describeUrlForLog } from './securityPolicy';

const FORBIDDEN: Reply<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN.vi },
};
const INTERNAL: Reply<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi },
};

export function wireIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  isTrustedSender: (frameUrl: string) => boolean,
  log: Logger = consoleLogger,
): void {
  ipcMain.handle(
    IPC_INVOKE,
    async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<Reply<unknown>> => {
      // senderFrame is null when the frame navigated away or was destroyed: nobody to trust.
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url)) {
        log.error('FORBIDDEN', frame ? describeUrlForLog(frame.url) : '(no sender frame)');
        return FORBIDDEN;
      }
      try {
        return await dispatch(channel, payload);
      } catch (e) {
        // The dispatcher promises not to throw; if it ever does, the renderer still gets a Reply.
        log.error('INTERNAL', 'ipc', e);
        return INTERNAL;
      }
    },
  );
}
