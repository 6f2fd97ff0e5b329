import type { Message } from '../../contract/messages/message';
import { translate } from '../../contract/messages/translate';

/** A message as the Vietnamese UI and the command line word it: what tests compare with the clerk's text. */
export function vi(message: Message): string {
  return translate('vi', message);
}

/** Several messages worded in Vietnamese, one per entry (a report's problems, a bag's lines). */
export function viAll(messages: readonly Message[]): string[] {
  return messages.map(vi);
}
