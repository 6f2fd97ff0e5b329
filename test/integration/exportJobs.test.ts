import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, type Dispatch } from '../../services/dispatch';
import type { JobStatus } from '../../contract/archiveContract';
import type { Logger } from '../../services/log';
import { exportFixture, type ExportFixture } from './exportFixture';
import { vi } from '../helpers/words';
import type { ErrorReport } from '../../contract/errors';
import type { Message } from '../../contract/messages/message';

let f: ExportFixture;
let dispatch: Dispatch;
const quiet: Logger = { error: () => undefined, info: () => undefined };
beforeEach(async () => {
  f = await exportFixture({ secret: true });
  dispatch = createDispatcher(createHandlers(createContext(f.archive, 'direct', '0.0.0-test')), quiet);
});
afterEach(() => f.cleanup());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function until(jobId: string): Promise<JobStatus> {
  for (;;) {
    const s = await call<JobStatus>('jobs/status', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('archive/* and jobs/* channels', () => {
  it('estimate: size before starting, secret records counted, the destination’s free space', async () => {
    const e = await call<{ meetings: number; photos: number; bytes: number; secretMeetings: number; destination: { freeBytes: number; enoughSpace: boolean } }>(
      'archive/estimate',
      { selection: {}, dest: f.usb },
    );
    expect(e).toMatchObject({ meetings: 4, photos: 3, secretMeetings: 1 });
    expect(e.bytes).toBeGreaterThan(0);
    expect(e.destination.freeBytes).toBeGreaterThan(0);
    expect(e.destination.enoughSpace).toBe(true);
    const missing = await call<{ destination: null; destinationProblem: ErrorReport | null }>('archive/estimate', { selection: {}, dest: join(f.usb, 'khong-co') });
    expect(missing.destination).toBeNull();
    expect(missing.destinationProblem?.message).toMatch(/Không ghi được vào thư mục đích/);
    const range = await call<{ meetings: number; secretMeetings: number }>('archive/estimate', { selection: { from: '2024-01-01', to: '2024-12-31' } });
    expect(range).toMatchObject({ meetings: 3, secretMeetings: 0 });
    // The current search results: the search runs on the server with the search screen's syntax.
    const searched = await call<{ meetings: number }>('archive/estimate', { selection: { query: 'tuyen quan' } });
    expect(searched.meetings).toBe(1);
    const nothing = await dispatch('archive/estimate', { selection: { query: '-hội' } });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'EXPORT_EMPTY' } });
  });

  it('an export job reports progress and ends verified; its result says where the bag is', async () => {
    const { jobId } = await call<{ jobId: string }>('archive/export', { selection: { from: '2024-01-01', to: '2024-12-31' }, dest: f.usb });
    const s = await until(jobId);
    expect(s.state).toBe('done');
    expect(s.progress.phase).toBe('done');
    expect(s.exportResult).toMatchObject({ verified: true, meetings: 3, encrypted: false });
    expect(readdirSync(f.usb)).toEqual([s.exportResult!.name]);

    const v = await call<{ jobId: string }>('archive/verify', { path: s.exportResult!.path });
    const vs = await until(v.jobId);
    expect(vs.verifyResult).toMatchObject({ ok: true, problems: [] });
  });

  it('a job refused (secret records, no passphrase) carries the clerk’s message', async () => {
    const { jobId } = await call<{ jobId: string }>('archive/export', { selection: {}, dest: f.usb });
    const s = await until(jobId);
    expect(s.state).toBe('failed');
    expect(s.error).toMatchObject({ code: 'EXPORT_NEEDS_ENCRYPTION' });
    expect(readdirSync(f.usb)).toEqual([]);
  });

  it('cancel: the job ends cancelled and the stick holds nothing', async () => {
    const { jobId } = await call<{ jobId: string }>('archive/export', { selection: {}, dest: f.usb, passphrase: 'một câu mật khẩu đủ dài' });
    expect(await call('jobs/cancel', { jobId })).toEqual({ cancelled: true });
    const s = await until(jobId);
    expect(s.state).toBe('cancelled');
    expect(s.error?.message).toMatch(/Đã hủy xuất lưu trữ/);
    expect(readdirSync(f.usb)).toEqual([]);
    expect(await call('jobs/cancel', { jobId })).toEqual({ cancelled: false });
    const unknown = await dispatch('jobs/status', { jobId: 'khong-co' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('weak passphrase warning through the contract', async () => {
    const { warning } = await call<{ warning: Message | null }>('archive/passphrase-check', { passphrase: '1234' });
    expect(warning && vi(warning)).toMatch(/dễ đoán/);
  });
});
