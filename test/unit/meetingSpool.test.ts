import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetingSpool } from '../../services/archive/meetingSpool';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('MeetingSpool: the meeting files of an encrypted bag in one scratch file', () => {
  it('keeps each file’s bytes, written in chunks, and gives them back by path; refuses a path twice', () => {
    dir = mkdtempSync(join(tmpdir(), 'hoso-spool-'));
    const spool = new MeetingSpool(join(dir, 'meetings.spool'));
    expect(spool.wants('data/meetings/ab/0193.json')).toBe(true);
    expect(spool.wants('data/meetings/0193.JSON')).toBe(true);
    expect(spool.wants('data/photos/ab/x.jpg')).toBe(false);
    expect(spool.wants('manifest-sha256.txt')).toBe(false);
    spool.begin('data/meetings/cd/2.json');
    spool.write(Buffer.from('{"b":'));
    spool.write(Buffer.from('"hai"}'));
    spool.begin('data/meetings/empty.json');
    spool.begin('data/meetings/ab/1.json');
    spool.write(Buffer.from('{"a":"một"}'));
    expect(spool.list()).toEqual(['data/meetings/ab/1.json', 'data/meetings/cd/2.json', 'data/meetings/empty.json']);
    expect(spool.read('data/meetings/cd/2.json').toString()).toBe('{"b":"hai"}');
    expect(spool.read('data/meetings/ab/1.json').toString()).toBe('{"a":"một"}');
    expect(spool.size('data/meetings/ab/1.json')).toBe(Buffer.byteLength('{"a":"một"}'));
    expect(spool.read('data/meetings/empty.json').length).toBe(0);
    expect(() => spool.begin('data/meetings/cd/2.json')).toThrow(/more than once/);
    expect(() => spool.read('data/meetings/zz.json')).toThrow(/not in the scratch copy/);
    spool.close();
    expect(() => spool.read('data/meetings/ab/1.json')).toThrow(/closed/);
    spool.close();
  });
});
