import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../contract/contract';
import type { CorrectionChange } from '../../contract/recordContract';
import type { WriteOptions } from '../../db/recordWrite';

/** A handler receives its channel's input already parsed by the contract's schema. */
export type Handler<C extends Channel> = (input: z.output<Contract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** The channels named `<prefix>/…` (channels are `domain/verb`). */
export type ChannelsOf<P extends string> = Extract<Channel, `${P}/${string}`>;
/**
 * One domain's handlers: every channel of its prefixes and nothing else, so a channel added to the
 * contract fails to compile until its domain file handles it.
 */
export type HandlersOf<P extends string> = { [C in ChannelsOf<P>]: Handler<C> };

type Kind = CorrectionChange['kind'];
export type Moved = { meetingVersion: number };
/**
 * A change a finalized record accepts as a correction (`meetings/correct`, with the reason). Each is
 * the same function its own channel calls for an ordinary edit of a draft, so the two never drift.
 */
export type Correction<K extends Kind> = (
  meetingId: string,
  version: number,
  change: Omit<Extract<CorrectionChange, { kind: K }>, 'kind'>,
  w: WriteOptions,
) => Moved | Promise<Moved>;
/** The corrections of the change kinds named `<prefix>/…`. */
export type CorrectionsOf<P extends string> = { [K in Extract<Kind, `${P}/${string}`>]: Correction<K> };
