import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { StatsFs } from 'node:fs';
import {
  listDrives,
  MAX_DRIVES,
  nodeDriveFs,
  parseGetVolume,
  parseWmic,
  type DriveFs,
} from '../../services/archive/drives';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { tempDir } from '../helpers/tempArchive';
import { fillRecord, makeBag } from '../helpers/makeBag';

/**
 * The stick picker's listing (services/archive/drives.ts): temp folders stand for sticks through
 * HOSO_DRIVE_ROOTS, the platform's own places are given a fake file system, and every call on a stick is
 * bounded in time.
 */
let a: RecordSession;
let sticks: { dir: string; cleanup: () => void };
const savedRoots = process.env.HOSO_DRIVE_ROOTS;
beforeEach(async () => {
  a = await recordSession();
  sticks = tempDir('hoso-sticks-');
});
afterEach(() => {
  if (savedRoots === undefined) delete process.env.HOSO_DRIVE_ROOTS;
  else process.env.HOSO_DRIVE_ROOTS = savedRoots;
  a.cleanup();
  sticks.cleanup();
});

const space = (freeBlocks: number, blocks: number) => ({ bavail: freeBlocks, bsize: 4096, blocks }) as unknown as StatsFs;

describe('archive/drives', () => {
  it('lists the sticks of HOSO_DRIVE_ROOTS through the contract: label, free and total space, the bags on each', async () => {
    await fillRecord(a, { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12' });
    await fillRecord(a, { title: 'Giao ban Thường trực Tỉnh ủy tháng 11' });
    const office = join(sticks.dir, 'USB VĂN THƯ');
    const empty = join(sticks.dir, 'KINGSTON');
    mkdirSync(empty);
    await makeBag(a.archive, join(office, 'HoSo', 'goi-thang-11'));
    process.env.HOSO_DRIVE_ROOTS = [office, empty, join(sticks.dir, 'chua-cam')].join(delimiter);

    const drives = await a.call('archive/drives', {});
    // A stick not plugged in (the folder is not there) is not listed.
    expect(drives.map((d) => d.label)).toEqual(['USB VĂN THƯ', 'KINGSTON']);
    const [withBag, bare] = drives as [(typeof drives)[0], (typeof drives)[0]];
    expect(withBag.root).toBe(office);
    expect(withBag.unreadable).toBeNull();
    expect(withBag.freeBytes).toBeGreaterThan(0);
    expect(withBag.totalBytes).toBeGreaterThanOrEqual(withBag.freeBytes!);
    expect(withBag.bags).toEqual([
      expect.objectContaining({ name: 'goi-thang-11', encrypted: false, meetings: 2, path: join(office, 'HoSo', 'goi-thang-11') }),
    ]);
    expect(withBag.bags[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bare.bags).toEqual([]);
  });

  it('a stick that cannot be read is listed as unreadable, with its space when known; one that never answers is abandoned in time', async () => {
    const good = join(sticks.dir, 'TOT');
    mkdirSync(good);
    const locked = join(sticks.dir, 'KHOA');
    mkdirSync(locked);
    const hanging = join(sticks.dir, 'TREO');
    mkdirSync(hanging);
    const fs: DriveFs = {
      ...nodeDriveFs,
      statfs: (p) => (p === hanging ? new Promise<never>(() => undefined) : nodeDriveFs.statfs(p)),
      readdir: (p) =>
        p === locked ? Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) : nodeDriveFs.readdir(p),
    };
    const started = Date.now();
    const drives = await listDrives({ env: { HOSO_DRIVE_ROOTS: [good, locked, hanging].join(delimiter) }, fs, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(drives.map((d) => [d.label, d.unreadable])).toEqual([
      ['TOT', null],
      ['KHOA', 'EACCES'],
      ['TREO', 'ETIMEDOUT'],
    ]);
    expect(drives[1]!.freeBytes).toBeGreaterThan(0);
    expect(drives[2]!.freeBytes).toBeNull();

    // A file given as a stick (not a folder) is read as one and refused as such.
    const file = join(sticks.dir, 'tep.txt');
    writeFileSync(file, 'không phải USB');
    const [asFile] = await listDrives({ env: { HOSO_DRIVE_ROOTS: file } });
    expect(asFile!.unreadable).toBe('ENOTDIR');
  });

  it('bounds: at most MAX_DRIVES sticks are looked at', async () => {
    const roots = Array.from({ length: MAX_DRIVES + 8 }, (_, i) => {
      const root = join(sticks.dir, `USB-${String(i).padStart(2, '0')}`);
      mkdirSync(root);
      return root;
    });
    const drives = await listDrives({ env: { HOSO_DRIVE_ROOTS: roots.join(delimiter) } });
    expect(drives).toHaveLength(MAX_DRIVES);
    expect(drives.at(-1)!.label).toBe(`USB-${MAX_DRIVES - 1}`);
  });

  it('Linux: the mounts under /media/<user>, /run/media/<user> and /media, not a leftover empty folder', async () => {
    const devs: Record<string, number> = {
      '/media': 1,
      '/media/van-thu': 1,
      '/media/van-thu/USB VĂN THƯ': 7,
      '/media/van-thu/cu-da-rut': 1,
      '/run/media/van-thu': 2,
      '/media/usb0': 9,
    };
    const dirs: Record<string, string[]> = {
      '/media': ['van-thu', 'usb0'],
      '/media/van-thu': ['USB VĂN THƯ', 'cu-da-rut'],
      '/run/media/van-thu': [],
    };
    const seen: string[] = [];
    const fs: DriveFs = {
      statfs: (p) => {
        seen.push(p);
        return Promise.resolve(space(1000, 4000));
      },
      readdir: (p) => (dirs[p] ? Promise.resolve(dirs[p]) : Promise.reject(Object.assign(new Error('no'), { code: 'ENOENT' }))),
      dev: (p) => (devs[p] !== undefined ? Promise.resolve(devs[p]) : Promise.reject(Object.assign(new Error('no'), { code: 'ENOENT' }))),
    };
    const drives = await listDrives({ platform: 'linux', env: {}, user: 'van-thu', fs });
    expect(drives.map((d) => [d.label, d.root])).toEqual([
      ['USB VĂN THƯ', '/media/van-thu/USB VĂN THƯ'],
      ['usb0', '/media/usb0'],
    ]);
    expect(drives.find((d) => d.label === 'usb0')).toMatchObject({ freeBytes: 1000 * 4096, totalBytes: 4000 * 4096 });
    expect(seen).not.toContain('/media/van-thu/cu-da-rut');
  });

  it('macOS: /Volumes without the system volume', async () => {
    const fs: DriveFs = {
      statfs: () => Promise.resolve(space(10, 20)),
      readdir: (p) => Promise.resolve(p === '/Volumes' ? ['Macintosh HD', 'USB-VANTHU'] : []),
      dev: (p) => Promise.resolve(p === '/Volumes' || p === '/' || p === '/Volumes/Macintosh HD' ? 1 : 5),
    };
    const drives = await listDrives({ platform: 'darwin', env: {}, fs });
    expect(drives.map((d) => [d.label, d.root])).toEqual([['USB-VANTHU', '/Volumes/USB-VANTHU']]);
  });

  it('Windows: removable letters with their labels; without PowerShell or wmic, every letter that answers but the system one', async () => {
    const fs: DriveFs = {
      statfs: (p) => (p === 'E:\\' || p === 'D:\\' ? Promise.resolve(space(10, 20)) : Promise.reject(Object.assign(new Error('no'), { code: 'ENOENT' }))),
      readdir: () => Promise.resolve([]),
      dev: () => Promise.resolve(1),
    };
    const volumes = parseGetVolume(
      JSON.stringify([
        { DriveLetter: 'C', DriveType: 'Fixed', FileSystemLabel: 'Windows' },
        { DriveLetter: 'D', DriveType: 'Fixed', FileSystemLabel: 'Data' },
        { DriveLetter: 'E', DriveType: 'Removable', FileSystemLabel: 'VAN THU' },
        { DriveLetter: null, DriveType: 'Fixed', FileSystemLabel: 'Recovery' },
      ]),
    );
    const listed = await listDrives({ platform: 'win32', env: { SystemDrive: 'C:' }, fs, windowsVolumes: () => Promise.resolve(volumes) });
    expect(listed.map((d) => [d.label, d.root])).toEqual([['VAN THU (E:)', 'E:\\']]);

    const blind = await listDrives({ platform: 'win32', env: { SystemDrive: 'C:' }, fs, windowsVolumes: () => Promise.resolve(null) });
    expect(blind.map((d) => d.label)).toEqual(['D:', 'E:']);

    expect(parseWmic('\r\nNode,DeviceID,DriveType,VolumeName\r\nPC,C:,3,Windows\r\nPC,F:,2,KINGSTON\r\n')).toEqual([
      { letter: 'C', removable: false, label: 'Windows' },
      { letter: 'F', removable: true, label: 'KINGSTON' },
    ]);
    // One volume alone comes out of ConvertTo-Json as an object, not an array.
    expect(parseGetVolume('{"DriveLetter":"G","DriveType":2,"FileSystemLabel":""}')).toEqual([{ letter: 'G', removable: true, label: '' }]);
  });
});
