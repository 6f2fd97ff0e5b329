import { resolve } from 'node:path';
import { backupNow } from '../../services/backups';
import type { CliCommand } from './types';

/**
 * `hoso backup [--out DIR]`: a consistent snapshot through SQLite's backup API, verified before it gets
 * its final name. The service is called on the session's archive rather than through `backups/create`:
 * the folder comes from the command line (the channel writes only to the folder set in Cài đặt) and the
 * answer names the file's full path.
 */
export const backupCommand: CliCommand = {
  usage: '  backup [--out THƯ_MỤC]        Sao lưu kho hồ sơ (có kiểm tra bản sao)',
  run: ({ values, emit, withSession }) =>
    withSession(async (session) => {
      const result = await backupNow(session.archive, values.out ? resolve(values.out) : undefined);
      emit(`Đã sao lưu và kiểm tra: ${result.path} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`, { ok: true, ...result });
      return 0;
    }),
};
