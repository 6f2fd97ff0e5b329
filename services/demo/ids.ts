// Row ids for the demo writer: UUIDv7 minted at write time from a pooled random buffer.

import { randomBytes } from 'node:crypto';

/**
 * Ids are minted when the row is written (UUIDv7 of the real clock), not from the record's historical
 * created_at: keys then grow in write order and every primary-key index takes appends at its right edge.
 * Ids made from random past dates land all over the B-trees, and a 100 000-meeting run slowed down as the
 * file grew (random page writes, WAL and checkpoint traffic).
 */
let idPool = Buffer.alloc(0);
let idPoolAt = 0;
export function newId(): string {
  // Same layout as db/ids.ts uuidv7 (48-bit ms, version 7, RFC 4122 variant), but the 74 random bits come
  // from a pooled buffer: one crypto call per id was a tenth of a 2-million-row run.
  if (idPoolAt + 10 > idPool.length) {
    idPool = randomBytes(16_384);
    idPoolAt = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  let ts = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  idPool.copy(bytes, 6, idPoolAt, idPoolAt + 10);
  idPoolAt += 10;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
