import type { ServiceContext } from '../context';
import type { Channel } from '../../contract/contract';
import { combineHandlers } from '../dispatch';
import type { Handlers } from './types';
import { appHandlers } from './app';
import { meetingHandlers } from './meetings';
import { recordHandlers } from './record';
import { peopleHandlers } from './people';
import { photoHandlers } from './photos';
import { searchHandlers } from './search';
import { reportHandlers } from './reports';
import { archiveHandlers } from './archive';
import { settingsHandlers } from './settings';
import { importHandlers } from './import';

export type { Handler, Handlers, HandlersOf } from './types';
export { createLockHandlers } from './settings';

/** One per domain (files named by their channels' prefixes); together they answer every channel once. */
const GROUPS = [
  appHandlers,
  meetingHandlers,
  recordHandlers,
  peopleHandlers,
  photoHandlers,
  searchHandlers,
  reportHandlers,
  archiveHandlers,
  settingsHandlers,
  importHandlers,
] as const;

// A contract channel no group answers fails here at compile time (and in combineHandlers at startup).
type Answered = ReturnType<(typeof GROUPS)[number]> extends infer G ? (G extends unknown ? keyof G : never) : never;
const everyChannelAnswered: [Exclude<Channel, Answered>] extends [never] ? true : Exclude<Channel, Answered> = true;
void everyChannelAnswered;

/** Each domain's handlers over one context, before they are combined (tests check they do not overlap). */
export function handlerGroups(ctx: ServiceContext): object[] {
  return GROUPS.map((group) => group(ctx));
}

/** The archive's operations behind the contract, the same for IPC, HTTP and direct calls. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return combineHandlers(handlerGroups(ctx));
}
