import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { importChannels } from '../shared/importContract';

type ImportChannel = keyof typeof importChannels;

/** Handlers of the import (import/*) channels. */
export function createImportHandlers(ctx: ServiceContext): { [C in ImportChannel]: Handler<C> } {
  void ctx;
  return {};
}
