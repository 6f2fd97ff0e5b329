import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ScryptHash } from '../db/appLock';

/**
 * Hashing of the app lock's password and recovery code with scrypt (node:crypto), a random salt each
 * time, and the parameters stored with the hash so that stronger ones later still verify old hashes.
 * N = 2^15, r = 8, p = 1 takes 32 MiB (128·N·r) per try: a short pause for the clerk. Guessing at the
 * app is held back by the wait after wrong tries (lockState.ts); whoever copies the archive file reads
 * the records without any password (the lock is not encryption), so the hash only has to keep the
 * password itself, which a clerk may use elsewhere, expensive to recover.
 */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem must exceed 128·N·r (Node's default of 32 MiB is exactly that at these parameters).
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashSecret(secret: string): Promise<ScryptHash> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, SCRYPT_PARAMS);
  return { salt: salt.toString('base64'), hash: key.toString('base64'), ...SCRYPT_PARAMS };
}

/**
 * True when `secret` matches. Passwords are compared after NFC normalisation: the same Vietnamese word
 * typed with a different keyboard (Unikey's precomposed vs. decomposed output) is the same password.
 */
export async function verifySecret(secret: string, stored: ScryptHash): Promise<boolean> {
  if (stored.N < 2 || stored.hash === '') return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Crockford's base32 without I, L, O, U: nothing a clerk can misread when copying it by hand. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20 random symbols (100 bits) in groups of four: `7KQ2-…`. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 20; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * The code as typed back: case, spaces and dashes do not matter, and the letters people confuse with
 * digits (O, I, L) count as those digits, as Crockford's alphabet intends.
 */
export function normalizeRecoveryCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
