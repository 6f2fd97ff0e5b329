import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());

const source = (rel: string) => readFileSync(new URL(`../../../${rel}`, import.meta.url), 'utf8');

describe('preload', () => {
  // A fresh module graph per test, so the preload runs again against a clean fake.
  beforeEach(async () => {
    vi.resetModules();
    resetFakeElectron(await fakeElectron());
  });

  it('exposes exactly one API, window.archive, with exactly one function, invoke', async () => {
    const electron = await fakeElectron();
    await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('archive');
    expect(Object.keys(api as object)).toEqual(['invoke']);
    expect(typeof (api as { invoke: unknown }).invoke).toBe('function');
  });

  it('invoke forwards (channel, input) on the contract channel and returns ipcRenderer’s promise', async () => {
    const electron = await fakeElectron();
    await import('../../../electron/preload/index');
    const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as {
      invoke: (...args: unknown[]) => Promise<unknown>;
    };
    await expect(api.invoke('meetings/get', { id: 'x' }, 'ignored-extra')).resolves.toBe('reply');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('hoso:invoke', 'meetings/get', {
      id: 'x',
    });
  });

  // A sandboxed preload can only require('electron'): anything else it imports at runtime (zod via
  // contract.ts, node:*) would break the window. The bundle check is `npx electron-vite build`;
  // this keeps the source from drifting in between.
  it('imports at runtime only electron and the dependency-free IPC constant', () => {
    const imports = [
      ...source('electron/preload/index.ts').matchAll(/^import\s+(type\s+)?.*?from\s+'([^']+)'/gms),
    ];
    const runtime = imports.filter((m) => !m[1]).map((m) => m[2]);
    expect(runtime.sort()).toEqual(['../../contract/ipc', 'electron']);
    expect(source('contract/ipc.ts')).not.toMatch(/^\s*(import|export\s+.*\s+from)\s/m);
  });
});
