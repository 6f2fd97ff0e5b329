import { HosoError } from '../../contract/errors';

/**
 * How a call ended, as one string a test compares: the HosoError's `CODE message` (the clerk's
 * message), `no error`, or `not a HosoError: …` for anything else thrown.
 */
const described = (e: unknown) => (e instanceof HosoError ? `${e.code} ${e.message}` : `not a HosoError: ${String(e)}`);

export async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return described(e);
  }
  return 'no error';
}

/** errorOf for a call that throws synchronously. */
export function errorOfSync(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return described(e);
  }
  return 'no error';
}
