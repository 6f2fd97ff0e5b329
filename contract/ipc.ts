/**
 * IPC constants with no dependencies. The sandboxed preload can only `require('electron')`, so it
 * must not import contract.ts (which pulls in the schema library); contract.ts re-exports these
 * for everyone else.
 */

/** Name of the IPC channel that carries every contract call. */
export const IPC_INVOKE = 'hoso:invoke';
