import { createDecipheriv, hkdfSync, scrypt, scryptSync } from 'node:crypto';
import type { Identity, Stanza } from 'age-encryption';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';

/**
 * The payload of an age file decrypted with Node's own ChaCha20-Poly1305 (OpenSSL), for reading large
 * encrypted bags. age-encryption decrypts the payload in JavaScript (@noble/ciphers): correct, but a
 * 100 MB bag took seconds of CPU per read, and a merge reads its bag twice (preview, apply). Only the
 * payload is done here; the header (its stanzas, the passphrase's scrypt, the header's MAC) is still
 * read and checked by age-encryption's own `Decrypter.decryptHeader`, which gives the file key.
 *
 * The payload, as age v1 specifies it (age-encryption.org/v1, "Payload"): a 16-byte nonce after the
 * header; the key is HKDF-SHA-256(file key, salt = nonce, info = "payload"); the plaintext comes in
 * chunks of 64 KiB, each sealed with ChaCha20-Poly1305 under a 12-byte nonce made of an 11-byte
 * big-endian counter and a last byte that is 1 for the final chunk only. Only the final chunk may be
 * shorter, and it may be empty only when it is the first one. A chunk that fails its tag, a payload cut
 * at a chunk boundary (its last chunk is then not marked final) or a final chunk with data after it all
 * fail the stream, as age-encryption's own reader does (test/unit/ageStream.test.ts compares the two).
 */

const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = CHUNK + TAG;
const NONCE = 16;
/** An age header is a few hundred bytes; one far larger is left to age-encryption's own reader. */
const HEADER_MAX = 64 * 1024;

/** Where the header ends (after its `--- MAC` line) in the file's first bytes, or null if not within them. */
export function ageHeaderSize(head: Buffer): number | null {
  // Stanza lines begin with "-> " or are base64 (no "-"): the first line beginning "--- " is the MAC's.
  const mac = head.indexOf('\n--- ');
  if (mac < 0) return null;
  const end = head.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

/** ChaCha20-Poly1305 open of one sealed chunk; throws when its tag is wrong. */
function openChunk(key: Buffer, nonce: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < TAG) throw new Error('age: payload chunk too short');
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
}

/** The STREAM decryption of an age payload (`key` the payload key) as a transform of the ciphertext. */
export function decryptAgePayload(key: Buffer): Transform {
  const nonce = Buffer.alloc(12);
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
  const next = () => {
    for (let i = 10; i >= 0; i--) {
      nonce[i] = (nonce[i]! + 1) & 0xff;
      if (nonce[i] !== 0) return;
    }
    throw new Error('age: payload too long');
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        // A full chunk is not the final one only when more ciphertext follows it.
        let at = 0;
        while (pending.length - at > SEALED_CHUNK) {
          nonce[11] = 0;
          this.push(openChunk(key, nonce, pending.subarray(at, at + SEALED_CHUNK)));
          next();
          first = false;
          at += SEALED_CHUNK;
        }
        pending = at ? Buffer.from(pending.subarray(at)) : pending;
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
    flush(callback) {
      try {
        nonce[11] = 1;
        const last = openChunk(key, nonce, pending);
        if (!first && last.length === 0) throw new Error('age: final chunk is empty');
        this.push(last);
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
  });
}

/**
 * The plaintext of the age file at `path`: `fileKey` is given the header's bytes (age-encryption's
 * `Decrypter.decryptHeader`, which checks the passphrase and the header's MAC) and returns the file key.
 * Null when the header is not within the first HEADER_MAX bytes (the caller reads it the slow way).
 */
export async function openAgeFile(
  path: string,
  fileKey: (header: Uint8Array) => Promise<Uint8Array>,
  onBytes?: (n: number) => void,
): Promise<Readable | null> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEADER_MAX);
    const { bytesRead } = await fh.read(buf, 0, HEADER_MAX, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const headerSize = ageHeaderSize(head);
  if (headerSize === null || head.length < headerSize + NONCE) return null;
  const key = Buffer.from(await fileKey(head.subarray(0, headerSize)));
  const nonce = head.subarray(headerSize, headerSize + NONCE);
  const payloadKey = Buffer.from(hkdfSync('sha256', key, nonce, 'payload', 32));
  key.fill(0);
  onBytes?.(headerSize + NONCE);
  const source = createReadStream(path, { start: headerSize + NONCE, highWaterMark: 1024 * 1024 });
  if (onBytes) source.on('data', (c) => onBytes((c as Buffer).length));
  const plain = decryptAgePayload(payloadKey);
  source.on('error', (e) => plain.destroy(e));
  plain.on('close', () => source.destroy());
  return source.pipe(plain);
}

const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';
/** age-encryption's own ceiling for a file's work factor (2^20: 1 GiB of memory), kept here. */
const SCRYPT_MAX_LOG_N = 20;

/** Canonical unpadded base64 (what age writes), decoded; null for anything else. */
function base64NoPad(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? bytes : null;
}

let nativeScrypt: boolean | null = null;

/**
 * Whether this runtime's crypto has scrypt (Node's OpenSSL has; Electron's BoringSSL has too, asked once
 * here all the same): where it has not, age-encryption's own scrypt is used, never no check.
 */
export function nativeScryptWorks(): boolean {
  if (nativeScrypt === null) {
    try {
      nativeScrypt = scryptSync('hoso', 'age-encryption.org/v1/scrypt', 32, { N: 2, r: 8, p: 1 }).length === 32;
    } catch {
      nativeScrypt = false;
    }
  }
  return nativeScrypt;
}

/**
 * The passphrase identity of age (age-encryption.org/v1, "scrypt recipient stanza") with Node's own
 * scrypt (OpenSSL) instead of age-encryption's JavaScript one: the same key from the same parameters,
 * which are the file's (age's default work factor 18 for hoso's bags), only about twice as fast, and
 * computed off the main thread, so the app answers (progress, Hủy) while the key is derived. The same
 * rules as age-encryption's ScryptIdentity: the scrypt stanza must be the header's only one, its salt 16
 * bytes, its work factor a plain number no higher than 20. The header's MAC is still checked by
 * age-encryption's `Decrypter` with the file key this returns (test/unit/ageStream.test.ts compares them).
 */
export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args.length < 1 || s.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      if (s.args.length !== 3 || !/^[1-9][0-9]*$/.test(s.args[2]!)) throw new Error('invalid scrypt stanza');
      const salt = base64NoPad(s.args[1]!);
      if (salt === null || salt.length !== 16) throw new Error('invalid scrypt stanza');
      const logN = Number(s.args[2]);
      if (logN > SCRYPT_MAX_LOG_N) throw new Error('scrypt work factor is too high');
      const N = 2 ** logN;
      const key = await new Promise<Buffer>((resolve, reject) =>
        scrypt(
          this.passphrase,
          Buffer.concat([Buffer.from(SCRYPT_LABEL, 'latin1'), salt]),
          32,
          // Memory scrypt needs is 128·N·r bytes: allowed with room to spare (the default is 32 MiB).
          { N, r: 8, p: 1, maxmem: 2 * 128 * 8 * N + 1024 * 1024 },
          (e, k) => (e ? reject(e) : resolve(k)),
        ),
      );
      const fileKey = unwrapWithKey(s.body, key);
      key.fill(0);
      if (fileKey !== null) return fileKey;
    }
    return null;
  }
}

/** The stanza's body: the 16-byte file key sealed with ChaCha20-Poly1305 under a zero nonce; null when it does not open. */
function unwrapWithKey(body: Uint8Array, key: Buffer): Uint8Array | null {
  if (body.length !== 32) throw new Error('invalid stanza');
  try {
    return openChunk(key, Buffer.alloc(12), Buffer.from(body));
  } catch {
    return null;
  }
}
