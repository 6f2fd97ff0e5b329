import { stat } from 'node:fs/promises';
import { HosoError } from '../../contract/errors';
import { literal } from '../../contract/messages/message';
import type { VerifyResult } from '../../contract/archiveContract';
import { verifyBagDir, type BagVerdict } from './bagVerify';
import { isAgeFile, verifyEncryptedBag } from './encrypt';
import type { ProgressSink } from './jobs';

/**
 * `hoso verify PATH` and the Kiểm tra button: a bag folder is read and checked; a `.tar.age` file is
 * decrypted with the passphrase and its bag checked as it streams by.
 */
export async function verifyArchivePath(
  path: string,
  passphrase: string | null,
  options: { signal?: AbortSignal; progress?: ProgressSink } = {},
): Promise<VerifyResult> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new HosoError('BAG_NOT_FOUND', literal(path));
  }
  const onBytes = options.progress?.bytes;
  let verdict: BagVerdict;
  let encrypted = false;
  if (st.isDirectory()) {
    options.progress?.phase('verifying', 0, 0);
    verdict = await verifyBagDir(path, { signal: options.signal, onBytes });
  } else if (st.isFile() && (await isAgeFile(path))) {
    encrypted = true;
    if (passphrase === null || passphrase === '') throw new HosoError('PASSPHRASE_REQUIRED');
    options.progress?.phase('verifying', st.size, 1);
    verdict = await verifyEncryptedBag(path, passphrase, { signal: options.signal, onBytes });
  } else throw new HosoError('ENCRYPTED_NOT_AGE', literal(path));
  return {
    path,
    ok: verdict.ok,
    encrypted,
    problems: verdict.problems,
    payloadBytes: verdict.payload.bytes,
    payloadFiles: verdict.payload.files,
    bagInfo: verdict.bagInfo,
  };
}
