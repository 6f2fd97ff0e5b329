import { describe, expect, it } from 'vitest';
import path, { dirname, join } from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { backupDirFrom, checkBackupDir } from '../../services/backups';
import { tempDir } from '../helpers/tempArchive';
import { errorOfSync } from '../helpers/errors';

/**
 * The backup folder a setting names must be a full path of the platform the app runs on: a relative
 * one would be resolved against wherever the program happens to run. The contract's check cannot know
 * the platform (on Linux `D:\Sao luu` passes it and is a relative name), so the service decides with
 * the platform's own path.isAbsolute; both platforms are exercised here explicitly.
 */
const refusal = errorOfSync;

describe('backup folder from the settings', () => {
  it('on Windows: D:\\Sao luu and a network share are full paths; "Sao luu" and "Sao luu\\2026" are refused', () => {
    const archive = 'C:\\Users\\van thu\\AppData\\Roaming\\hoso\\archive.sqlite';
    expect(backupDirFrom('D:\\Sao luu', archive, path.win32)).toBe('D:\\Sao luu');
    expect(backupDirFrom('E:/Sao luu/2026', archive, path.win32)).toBe('E:\\Sao luu\\2026');
    expect(backupDirFrom('\\\\may-chu\\chia-se\\Sao luu', archive, path.win32)).toBe('\\\\may-chu\\chia-se\\Sao luu');
    for (const relative of ['Sao luu', 'Sao luu\\2026', '.\\Sao luu', '..\\Sao luu'])
      expect(refusal(() => backupDirFrom(relative, archive, path.win32))).toMatch(/^BACKUP_DIR_RELATIVE Thư mục sao lưu phải là đường dẫn đầy đủ/);
    expect(backupDirFrom('', archive, path.win32)).toBe('C:\\Users\\van thu\\AppData\\Roaming\\hoso\\backups');
  });

  it('on Linux/macOS: /media/usb/Sao luu is a full path; "Sao luu" and a Windows drive path are refused', () => {
    const archive = '/home/van-thu/.config/hoso/archive.sqlite';
    expect(backupDirFrom('/media/usb/Sao luu', archive, path.posix)).toBe('/media/usb/Sao luu');
    expect(backupDirFrom('/media/usb/./Sao luu/', archive, path.posix)).toBe('/media/usb/Sao luu/');
    for (const relative of ['Sao luu', 'sao-luu/2026', './Sao luu', 'D:\\Sao luu'])
      expect(refusal(() => backupDirFrom(relative, archive, path.posix))).toMatch(/^BACKUP_DIR_RELATIVE .*\(/);
    expect(refusal(() => backupDirFrom('D:\\Sao luu', archive, path.posix))).toContain('(D:\\Sao luu)');
    expect(backupDirFrom(undefined, archive, path.posix)).toBe('/home/van-thu/.config/hoso/backups');
  });
});

describe('a backup folder judged before it is chosen (first-run setup, backups/check-dir)', () => {
  it('refuses the archive’s own folder (any case and trailing separator on Windows), a relative name and a file; accepts the default and a folder yet to be made', async () => {
    const t = tempDir('hoso-checkdir-');
    try {
      const archive = join(t.dir, 'kho', 'archive.sqlite');
      mkdirSync(dirname(archive), { recursive: true });
      expect((await checkBackupDir(archive, dirname(archive))).problem?.code).toBe('BACKUP_DIR_IS_ARCHIVE_FOLDER');
      expect((await checkBackupDir(archive, `${dirname(archive)}/`)).problem?.code).toBe('BACKUP_DIR_IS_ARCHIVE_FOLDER');
      expect((await checkBackupDir(archive, 'Sao luu')).problem?.code).toBe('BACKUP_DIR_RELATIVE');
      writeFileSync(join(t.dir, 'mot-tep'), 'x');
      expect((await checkBackupDir(archive, join(t.dir, 'mot-tep'))).problem?.code).toBe('BACKUP_DIR_UNWRITABLE');
      expect(await checkBackupDir(archive, '')).toEqual({ dir: join(dirname(archive), 'backups'), problem: null });
      const later = join(t.dir, 'o-thu-hai', 'Sao luu');
      expect(await checkBackupDir(archive, later)).toEqual({ dir: later, problem: null });
      expect(existsSync(later)).toBe(false);
      const win = await checkBackupDir('C:\\Users\\van thu\\hoso\\archive.sqlite', 'c:\\users\\VAN THU\\hoso\\', path.win32);
      expect(win.problem?.code).toBe('BACKUP_DIR_IS_ARCHIVE_FOLDER');
    } finally {
      t.cleanup();
    }
  });

  it('answers in time when the drive does not (a stick pulled halfway, a share gone): the host is never held', async () => {
    const never = new Promise<never>(() => {});
    const hanging = { stat: () => never, writable: () => never };
    const started = Date.now();
    const check = await checkBackupDir('/home/van-thu/hoso/archive.sqlite', '/media/usb/Sao luu', path.posix, { fs: hanging, timeoutMs: 100 });
    expect(check.problem?.code).toBe('BACKUP_DIR_NOT_ANSWERING');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a folder without room for one backup of the archive as it is now, saying how much is needed and free', async () => {
    const t = tempDir('hoso-checkdir-');
    try {
      const archive = join(t.dir, 'kho', 'archive.sqlite');
      mkdirSync(dirname(archive), { recursive: true });
      writeFileSync(archive, Buffer.alloc(3 * 1024 * 1024));
      const usb = join(t.dir, 'usb', 'Sao luu');
      const full = await checkBackupDir(archive, usb, path, { freeBytes: () => 1024 * 1024 });
      expect(full.problem?.code).toBe('BACKUP_DIR_NO_SPACE');
      expect(full.problem?.message).toMatch(/^Thư mục sao lưu không đủ chỗ trống/);
      expect(full.problem?.message).toContain('cần khoảng 11 MB, còn 1 MB trống');
      expect((await checkBackupDir(archive, usb, path, { freeBytes: () => 64 * 1024 * 1024 })).problem).toBeNull();
      // A system that cannot tell the free space does not make the folder unusable.
      const unknown = await checkBackupDir(archive, usb, path, {
        freeBytes: () => {
          throw new Error('statfs unsupported');
        },
      });
      expect(unknown.problem).toBeNull();
    } finally {
      t.cleanup();
    }
  });
});
