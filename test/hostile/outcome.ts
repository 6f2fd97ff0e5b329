import { isHosoError, type ErrorCode } from '../../contract/errors';

/** What a call ended with: 'ok', or the code of the HosoError it refused with (anything else is thrown). */
export async function outcomeOf(run: () => Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (isHosoError(e)) return e.code;
    throw e;
  }
}
