/**
 * The whole bridge between the page and the main process: `window.archive.invoke(channel, input)`.
 * No logic and no other API, so the renderer's reach is exactly the contract (checked and parsed
 * in the main process). This runs sandboxed and may only `require('electron')`: import nothing
 * but types and the dependency-free IPC constant (contract.ts would drag the schema library in).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveApi } from '../../contract/contract';
import { IPC_INVOKE } from '../../contract/ipc';

const archive: ArchiveApi = {
  // Forward exactly the two arguments: nothing else from the page reaches ipcRenderer.
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
};

contextBridge.exposeInMainWorld('archive', archive);
